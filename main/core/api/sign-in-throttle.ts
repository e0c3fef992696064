/**
 * Login throttling: at most FAILURES failed sign-ins per login in any WINDOW. Past that, the login
 * is refused, without trying the password, until the oldest of those failures leaves the window;
 * a successful sign-in starts the count again.
 *
 * The count lives in the store (sign_in_attempts), not in this process's memory: on a shared store
 * every desk is its own process, and a count per process would give someone guessing five tries
 * at each desk, and five more after every restart. It is kept per login, not per desk or address:
 * browser mode listens on 127.0.0.1 only, so every caller has the same address, and the login is
 * what the guessing is aimed at. The price: anyone can hold a colleague's login refused for a
 * while by typing wrong passwords; that lasts at most WINDOW, and the quản trị sees it on Tài khoản.
 * The same for a login no account has, so a refusal never tells whether the login exists.
 */
import { SignInThrottled } from '../../../shared/errors';
import { signInThrottledMessage } from '../../../shared/roles';
import type { Database } from '../store/db';
import { markSignInSucceeded, pruneSignInAttempts, recentFailures, recordSignInAttempt } from '../store/queries/sign-in-attempts';

export const THROTTLE = {
  failures: 5,
  windowMs: 15 * 60_000,
  /** Attempts are kept this long for the quản trị to see, then pruned. */
  keepMs: 90 * 24 * 60 * 60_000,
} as const;

const minus = (at: string, ms: number) => new Date(Date.parse(at) - ms).toISOString();

/** Until when `login` is refused at `at` (ISO), or null when it may be tried. */
export function lockedUntil(db: Database, login: string, at: string): string | null {
  const failures = recentFailures(db, login, minus(at, THROTTLE.windowMs), THROTTLE.failures);
  if (failures.length < THROTTLE.failures) return null;
  // The oldest of the last FAILURES leaves the window first: one more try is allowed then.
  return new Date(Date.parse(failures.at(-1)!) + THROTTLE.windowMs).toISOString();
}

/** One try of a password for `login`: call `succeeded()` once the password proved right. */
export interface Attempt { succeeded(): void }

/**
 * Starts a try of `login`'s password, or throws SignInThrottled (the attempt on record as refused).
 * The try is counted as failed before the password is checked, and turned into a success only if
 * it is right: attempts sent all at once cannot slip past the count while their hashes are being
 * computed. The check and the count are one transaction (on a shared store, serialised with the
 * other desks' writes). Old attempts are pruned in it. Never on the audit log.
 */
export function beginAttempt(db: Database, login: string, at: string): Attempt {
  const started = db.transaction(() => {
    pruneSignInAttempts(db, minus(at, THROTTLE.keepMs));
    const until = lockedUntil(db, login, at);
    const id = recordSignInAttempt(db, login, at, until ? 'refused' : 'failed');
    return { until, id };
  })();
  // Thrown after the transaction, which keeps the refusal on record.
  if (started.until) throw new SignInThrottled(started.until, signInThrottledMessage(new Date(started.until), new Date(at), 'vi'));
  // A transaction of its own, as every write: on a shared store it is serialised and told to the other desks.
  return { succeeded: () => db.transaction(() => markSignInSucceeded(db, started.id))() };
}
