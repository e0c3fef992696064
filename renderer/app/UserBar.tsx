/** Who is working (kept for the next session) and the UI language. */
import { useTranslation } from 'react-i18next';
import { setUserName, useUserName } from '../hooks/use-user-name';
import type { Language } from '../i18n';
import { setLanguage } from '../i18n';
import { FIELD_LIMITS } from '../../shared/limits';

export function UserBar() {
  const { t, i18n } = useTranslation();
  const user = useUserName();
  return (
    <div className="userbar">
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
