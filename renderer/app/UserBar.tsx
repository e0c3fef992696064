/**
 * Who is working and the UI language. Signed in (a store with accounts): the person's name, roles,
 * their own password's change (here, since every screen of every role shows this bar) and a
 * sign-out, no name to type. Without accounts: the name typed, kept for the next session.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OwnPasswordDialog } from '../features/accounts/OwnPasswordDialog';
import { signOut, useSession } from './session';
import { setUserName, useUserName } from '../hooks/use-user-name';
import type { Language } from '../i18n';
import { setLanguage } from '../i18n';
import { FIELD_LIMITS } from '../../shared/limits';

export function UserBar() {
  const { t, i18n } = useTranslation();
  const user = useUserName();
  const session = useSession();
  const account = session.account;
  const [changing, setChanging] = useState(false);
  return (
    <div className="userbar">
      {account ? (
        <span className="userbar-field" data-testid="signed-in">
          <span title={account.roles.map((r) => t(`roles.${r}`)).join(', ')}>
            <strong data-testid="signed-in-name">{account.name}</strong> ({account.login}) · {account.roles.map((r) => t(`roles.${r}`)).join(', ')}
          </span>
          <button type="button" className="button small" onClick={() => setChanging(true)} data-testid="own-password-open">{t('ownPassword.open')}</button>
          <button type="button" className="button small" onClick={() => void signOut()} data-testid="sign-out">{t('signIn.signOut')}</button>
          {changing ? <OwnPasswordDialog onClose={() => setChanging(false)} /> : null}
        </span>
      ) : session.signInRequired ? null : (
      <label className="userbar-field">
        <span>{t('user.label')}</span>
        <input
          type="text"
          value={user}
          placeholder={t('user.placeholder')}
          maxLength={FIELD_LIMITS.user}
          onChange={(e) => setUserName(e.target.value)}
          data-testid="user-name"
        />
      </label>
      )}
      <label className="userbar-field">
        <span>{t('language.label')}</span>
        <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </label>
    </div>
  );
}
