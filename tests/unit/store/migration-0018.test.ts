/** 0018: sign_in_attempts, one row per try of a login's password; a store's rows kept. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';
import { markSignInSucceeded, pruneSignInAttempts, recentFailures, recordSignInAttempt, signInFailureSummary } from '../../../main/core/store/queries/sign-in-attempts';

describe('migration 0018', () => {
  it('adds sign_in_attempts to a store of 0017: failures counted since the last success, pruned by age', () => {
    const db = new Sqlite(':memory:');
    migrate(db, undefined, 17);
    db.prepare(`INSERT INTO accounts (login, full_name, password_hash, roles, created_at) VALUES ('nva', 'A', 'scrypt$x', 'nhap-lieu', 't')`).run();
    expect(migrate(db, undefined, 18)).toEqual([18]);
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);

    recordSignInAttempt(db, 'nva', '2026-01-01T08:00:00.000Z', 'failed');
    const ok = recordSignInAttempt(db, 'nva', '2026-01-01T08:01:00.000Z', 'failed');
    markSignInSucceeded(db, ok);
    recordSignInAttempt(db, 'nva', '2026-01-01T08:02:00.000Z', 'failed');
    recordSignInAttempt(db, 'nva', '2026-01-01T08:03:00.000Z', 'refused');
    recordSignInAttempt(db, 'ai-do', '2026-01-01T08:04:00.000Z', 'failed');
    // Only the failure after the success counts; refusals are not failures.
    expect(recentFailures(db, 'nva', '2026-01-01T07:00:00.000Z', 5)).toEqual(['2026-01-01T08:02:00.000Z']);
    expect(recentFailures(db, 'nva', '2026-01-01T08:02:00.000Z', 5)).toEqual([]);
    expect(signInFailureSummary(db, 10)).toEqual([
      { login: 'ai-do', failed: 1, refused: 0, lastAt: '2026-01-01T08:04:00.000Z' },
      { login: 'nva', failed: 2, refused: 1, lastAt: '2026-01-01T08:03:00.000Z' },
    ]);
    pruneSignInAttempts(db, '2026-01-01T08:02:30.000Z');
    expect(db.prepare('SELECT count(*) FROM sign_in_attempts').pluck().get()).toBe(2);
    expect(() => recordSignInAttempt(db, 'nva', 't', 'guessed' as 'failed')).toThrow(/CHECK/);
    expect(() => recordSignInAttempt(db, '', 't', 'failed')).toThrow(/CHECK/);
  });
});
