/**
 * Passwords in use: signing in, changing one's own password, and the quản trị's view of failed
 * sign-ins. Each try of a password goes through the login's throttle (sign-in-throttle.ts) first,
 * the current password of a change included: a desk left signed in must not become a way to guess
 * the person's password at leisure.
 */
import type { Api } from '../../../shared/api';
import { CodedError } from '../../../shared/errors';
import type { SignedIn } from '../../../shared/roles';
import { auditName, SIGN_IN_FAILED, SIGN_IN_REQUIRED, WRONG_CURRENT_PASSWORD } from '../../../shared/roles';
import { findAccount, listAccounts, updateAccountPassword } from '../store/queries/accounts';
import { appendAudit } from '../store/queries/audit';
import { signInFailureSummary } from '../store/queries/sign-in-attempts';
import type { CoreContext } from './context';
import { hashPassword, spendLikeAVerify, verifyPassword } from './password';
import { beginAttempt, lockedUntil } from './sign-in-throttle';

type SignInHandlers = Pick<Api, 'signIn' | 'changeOwnPassword' | 'listSignInFailures'>;

/** The quản trị's list: the logins tried most lately (a screen's worth; older ones stay on record). */
const FAILURES_SHOWN = 200;

export function signInHandlers(ctx: Pick<CoreContext, 'db' | 'now'>): SignInHandlers {
  const { db, now } = ctx;
  return {
    async signIn({ login, password }): Promise<SignedIn> {
      const attempt = beginAttempt(db, login, now());
      const a = findAccount(db, login);
      // One answer and about one time for an unknown login, a wrong password and a deactivated account.
      if (!a) { await spendLikeAVerify(password); throw new CodedError('sign-in-failed', SIGN_IN_FAILED.vi); }
      const ok = await verifyPassword(password, a.passwordHash);
      if (!ok || !a.active) throw new CodedError('sign-in-failed', SIGN_IN_FAILED.vi);
      attempt.succeeded();
      return { login: a.login, name: a.fullName, roles: a.roles };
    },
    async changeOwnPassword({ currentPassword, newPassword, self }) {
      // `self` is the edge's sign-in: none in a store without accounts, or once the account is gone.
      const before = self ? findAccount(db, self) : null;
      if (!self || !before?.active) throw new CodedError('sign-in-required', SIGN_IN_REQUIRED.vi);
      const attempt = beginAttempt(db, self, now());
      if (!(await verifyPassword(currentPassword, before.passwordHash))) throw new CodedError('wrong-password', WRONG_CURRENT_PASSWORD.vi);
      attempt.succeeded();
      const passwordHash = await hashPassword(newPassword);
      db.transaction(() => {
        const a = findAccount(db, self);
        // Deactivated while the hash was computed: not changed.
        if (!a?.active) throw new CodedError('sign-in-required', SIGN_IN_REQUIRED.vi);
        updateAccountPassword(db, self, passwordHash);
        // The log says the password changed, never anything of it.
        appendAudit(db, { at: now(), user: auditName({ login: a.login, name: a.fullName }), action: 'change-own-password', target: auditName({ login: a.login, name: a.fullName }), oldValue: null, newValue: null, reason: null, detail: { login: a.login } });
      })();
      return { login: self };
    },
    async listSignInFailures() {
      const at = now();
      const known = new Set(listAccounts(db).map((a) => a.login));
      return signInFailureSummary(db, FAILURES_SHOWN).map((r) => ({ ...r, known: known.has(r.login), lockedUntil: lockedUntil(db, r.login, at) }));
    },
  };
}
