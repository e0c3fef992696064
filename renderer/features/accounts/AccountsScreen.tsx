/**
 * Tài khoản (quản trị): the people who sign in, their roles, a password reset and deactivation,
 * a new account, and the failed sign-ins on record. In a store without accounts the first one made must hold "quản trị"; from
 * then on everyone signs in. Every change is on the audit log under the person who made it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountInfo, Role } from '../../../shared/roles';
import { ROLES } from '../../../shared/roles';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../format/numbers';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';
import { useUserName } from '../../hooks/use-user-name';
import { refreshSession, useSession } from '../../app/session';
import { SignInFailures } from './SignInFailures';

function RolePicks({ value, onChange, name }: { value: Role[]; onChange: (r: Role[]) => void; name: string }) {
  const { t } = useTranslation();
  return (
    <span className="role-picks">
      {ROLES.map((r) => (
        <label key={r} className="role-pick">
          <input type="checkbox" checked={value.includes(r)} data-testid={`${name}-role-${r}`}
            onChange={(e) => onChange(e.target.checked ? ROLES.filter((x) => x === r || value.includes(x)) : value.filter((x) => x !== r))} />
          {t(`roles.${r}`)}
        </label>
      ))}
    </span>
  );
}

function AccountRow({ a, user, onDone }: { a: AccountInfo; user: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(a.roles);
  const [password, setPassword] = useState('');
  const action = useAction();
  const changed = roles.join() !== a.roles.join();
  return (
    <tr data-testid={`account-${a.login}`} className={a.active ? '' : 'inactive'}>
      <td className="nowrap"><strong>{a.login}</strong></td>
      <td className="nowrap">{a.name}</td>
      <td>
        {a.active ? <RolePicks value={roles} onChange={setRoles} name={`account-${a.login}`} /> : a.roles.map((r) => t(`roles.${r}`)).join(', ')}
        {a.active && changed ? (
          <button type="button" className="button small" disabled={action.busy || roles.length === 0} data-testid={`account-${a.login}-save-roles`}
            onClick={() => void action.run(async () => { await api.setAccountRoles({ login: a.login, roles, user }); onDone(t('accounts.rolesSaved', { login: a.login })); })}>{t('accounts.saveRoles')}</button>
        ) : null}
        {action.error ? <div className="field-error">{action.error}</div> : null}
      </td>
      <td>{a.active ? <span className="badge badge-imported">{t('accounts.active')}</span> : <span className="badge badge-duplicate">{t('accounts.inactive')}</span>}</td>
      <td className="nowrap">{formatDate(new Date(a.createdAt))}</td>
      <td>
        {a.active ? (
          <span className="account-actions">
            <input type="password" autoComplete="new-password" placeholder={t('accounts.newPassword')} value={password} maxLength={200} onChange={(e) => setPassword(e.target.value)} data-testid={`account-${a.login}-password`} />
            <button type="button" className="button small" disabled={action.busy || password.length < 8} title={password.length < 8 ? t('accounts.passwordRule') : undefined}
              onClick={() => void action.run(async () => { await api.resetPassword({ login: a.login, password, user }); setPassword(''); onDone(t('accounts.passwordReset', { login: a.login })); })}
              data-testid={`account-${a.login}-reset`}>{t('accounts.reset')}</button>
            <button type="button" className="button small secondary" disabled={action.busy}
              onClick={() => { if (window.confirm(t('accounts.confirmDeactivate', { name: a.name, login: a.login }))) void action.run(async () => { await api.deactivateAccount({ login: a.login, user }); onDone(t('accounts.deactivated', { login: a.login })); }); }}
              data-testid={`account-${a.login}-deactivate`}>{t('accounts.deactivate')}</button>
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function AccountsScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const user = useUserName().trim();
  const list = useLoad(() => api.listAccounts({}), []);
  // Another desk's quản trị changed an account: the list follows; a row being edited here keeps
  // what is typed in it unless that very account changed (its key is its roles and state).
  useStoreChanges(list.refresh);
  const first = !session.signInRequired;
  const [draft, setDraft] = useState<{ login: string; name: string; password: string; roles: Role[] }>({ login: '', name: '', password: '', roles: first ? ['quan-tri'] : ['nhap-lieu'] });
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const finished = (text: string) => { setDone(text); list.reload(); };
  const create = () => action.run(async () => {
    const a = await api.createAccount({ ...draft, user });
    // The first account turns sign-in on: the sign-in screen follows (the list would be refused now).
    if (first) return refreshSession();
    setDraft({ login: '', name: '', password: '', roles: ['nhap-lieu'] });
    finished(t('accounts.created', { login: a.login }));
  });
  const ready = draft.login.trim().length >= 2 && draft.name.trim() && draft.password.length >= 8 && draft.roles.length > 0 && user;
  return (
    <section className="screen">
      <p className="lead">{first ? t('accounts.leadFirst') : t('accounts.lead')}</p>
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      {list.data && list.data.length > 0 && (
        <div className="table-scroll">
          <table className="table compact account-table" data-testid="account-list">
            <thead>
              <tr><th>{t('accounts.login')}</th><th>{t('accounts.name')}</th><th>{t('accounts.roles')}</th><th>{t('accounts.status')}</th><th>{t('accounts.createdAt')}</th><th /></tr>
            </thead>
            <tbody>
              {list.data.map((a) => <AccountRow key={`${a.login}-${a.roles.join()}-${a.active}`} a={a} user={user} onDone={finished} />)}
            </tbody>
          </table>
        </div>
      )}
      <form className="account-new" onSubmit={(e) => { e.preventDefault(); void create(); }} data-testid="account-new">
        <h2 className="section-title">{first ? t('accounts.newFirst') : t('accounts.new')}</h2>
        <div className="row">
          <label className="field">
            <span className="field-label">{t('accounts.login')}</span>
            <input type="text" value={draft.login} maxLength={64} autoComplete="off" onChange={(e) => setDraft({ ...draft, login: e.target.value })} data-testid="account-new-login" />
          </label>
          <label className="field">
            <span className="field-label">{t('accounts.name')}</span>
            <input type="text" value={draft.name} maxLength={200} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="account-new-name" />
          </label>
          <label className="field">
            <span className="field-label">{t('accounts.password')}</span>
            <input type="password" value={draft.password} maxLength={200} autoComplete="new-password" onChange={(e) => setDraft({ ...draft, password: e.target.value })} data-testid="account-new-password" />
          </label>
        </div>
        <div className="row">
          <span className="field-label">{t('accounts.roles')}</span>
          <RolePicks value={draft.roles} onChange={(roles) => setDraft({ ...draft, roles })} name="account-new" />
        </div>
        <p className="hint">{t('accounts.roleHelp')}</p>
        <div className="row">
          <button type="submit" className="button primary" disabled={action.busy || !ready} data-testid="account-create">{t('accounts.create')}</button>
          {!user && <span className="field-error">{t('common.needUser')}</span>}
          {action.error ? <Notice kind="error">{action.error}</Notice> : null}
        </div>
      </form>
      {first ? null : <SignInFailures />}
    </section>
  );
}
