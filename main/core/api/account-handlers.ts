/**
 * Accounts (issue 19): the people who sign in and their roles. Every change is one transaction with
 * its entry on the audit log. Signing in and one's own password are sign-in-handlers.ts's; who is
 * signed in where is each edge's own business (main/http/dispatch.ts), so signOut and
 * whoAmI answer here only what the store knows.
 */
import { createHash } from 'node:crypto';
import type { Api } from '../../../shared/api';
import { CodedError } from '../../../shared/errors';
import type { AccountInfo, Role, SignedIn } from '../../../shared/roles';
import { ROLE_NAMES } from '../../../shared/roles';
import type { AccountRow } from '../store/queries/accounts';
import { countActiveAccounts, deactivateAccountRow, findAccount, insertAccount, listAccounts, updateAccountPassword, updateAccountRoles } from '../store/queries/accounts';
import { appendAudit } from '../store/queries/audit';
import type { Gate } from './access';
import type { CoreContext } from './context';
import { hashPassword } from './password';

type AccountHandlers = Pick<Api, 'signOut' | 'whoAmI' | 'listAccounts' | 'createAccount' | 'setAccountRoles' | 'resetPassword' | 'deactivateAccount'>;

const info = (a: AccountRow): AccountInfo => ({ login: a.login, name: a.fullName, roles: a.roles, active: a.active, createdAt: a.createdAt });
const signedIn = (a: AccountRow): SignedIn => ({ login: a.login, name: a.fullName, roles: a.roles });
const roleWords = (roles: readonly Role[]) => roles.map((r) => ROLE_NAMES.vi[r]).join(', ');

/** The store's accounts as the edges ask about them. */
export function accountGate(ctx: Pick<CoreContext, 'db'>): Gate {
  return {
    required: () => countActiveAccounts(ctx.db) > 0,
    account: (login) => {
      const a = findAccount(ctx.db, login);
      return a?.active ? { ...signedIn(a), credential: credentialOf(a.passwordHash) } : null;
    },
  };
}

/** A digest of the stored hash (itself salted afresh at every change): the edges keep this, never the hash. */
function credentialOf(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url');
}

export function accountHandlers(ctx: CoreContext): AccountHandlers {
  const { db, now } = ctx;
  const existing = (login: string): AccountRow => {
    const a = findAccount(db, login);
    if (!a) throw new CodedError('not-found', `Không có tài khoản “${login}”`);
    return a;
  };
  /** At least one active quản trị stays, or nobody could manage the accounts again. */
  const keepAnAdmin = (login: string, after: { roles: readonly Role[]; active: boolean }) => {
    const admins = listAccounts(db).filter((a) => a.active && a.roles.includes('quan-tri'));
    const left = admins.filter((a) => a.login !== login).length + (after.active && after.roles.includes('quan-tri') ? 1 : 0);
    if (admins.length > 0 && left === 0) throw new CodedError('invalid-state', 'Phải còn ít nhất một tài khoản quản trị đang dùng');
  };
  const audit = (user: string, action: string, a: { login: string; fullName: string }, values: { oldValue?: string | null; newValue?: string | null } = {}) =>
    appendAudit(db, { at: now(), user, action, target: `${a.fullName} (${a.login})`, oldValue: values.oldValue ?? null, newValue: values.newValue ?? null, reason: null, detail: { login: a.login } });

  return {
    async signOut() {
      return { signedOut: true };
    },
    async whoAmI() {
      return { signInRequired: countActiveAccounts(db) > 0, account: null };
    },
    async listAccounts() {
      return listAccounts(db).map(info);
    },
    async createAccount({ login, name, password, roles, user }) {
      const passwordHash = await hashPassword(password);
      return db.transaction(() => {
        if (findAccount(db, login)) throw new CodedError('conflict', `Đã có tài khoản “${login}”`);
        // The first account turns sign-in on: it must be able to manage the others.
        if (countActiveAccounts(db) === 0 && !roles.includes('quan-tri')) throw new CodedError('invalid-state', 'Tài khoản đầu tiên phải có quyền quản trị: sau khi tạo, mọi người phải đăng nhập');
        const createdAt = now();
        insertAccount(db, { login, fullName: name, passwordHash, roles, createdAt });
        audit(user, 'create-account', { login, fullName: name }, { newValue: roleWords(roles) });
        return info(existing(login));
      })();
    },
    async setAccountRoles({ login, roles, user }) {
      return db.transaction(() => {
        const a = existing(login);
        keepAnAdmin(login, { roles, active: a.active });
        updateAccountRoles(db, login, roles);
        audit(user, 'set-account-roles', a, { oldValue: roleWords(a.roles), newValue: roleWords(roles) });
        return info(existing(login));
      })();
    },
    async resetPassword({ login, password, user }) {
      existing(login);
      const passwordHash = await hashPassword(password);
      db.transaction(() => {
        const a = existing(login);
        updateAccountPassword(db, login, passwordHash);
        // The log says the password changed, never anything of it.
        audit(user, 'reset-password', a);
      })();
      return { login };
    },
    async deactivateAccount({ login, user }) {
      return db.transaction(() => {
        const a = existing(login);
        if (!a.active) return info(a);
        keepAnAdmin(login, { roles: a.roles, active: false });
        deactivateAccountRow(db, login);
        audit(user, 'deactivate-account', a, { oldValue: roleWords(a.roles) });
        return info(existing(login));
      })();
    },
  };
}
