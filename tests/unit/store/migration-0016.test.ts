/** 0016: accounts, one per login, with a scrypt hash, roles and an active flag; a store's rows kept. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';
import { countActiveAccounts, deactivateAccountRow, findAccount, insertAccount, listAccounts, updateAccountRoles } from '../../../main/core/store/queries/accounts';

describe('migration 0016', () => {
  it('adds accounts to a store of 0015, one per login, refusing a password that is not a scrypt hash', () => {
    const db = new Sqlite(':memory:');
    migrate(db, undefined, 15);
    db.prepare(`INSERT INTO import_batches (id, started_at, user) VALUES (1, '2023-06-05T08:00:00Z', 'A')`).run();
    expect(migrate(db, undefined, 16)).toEqual([16]);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(1);
    expect(countActiveAccounts(db)).toBe(0);
    insertAccount(db, { login: 'nva', fullName: 'Nguyễn Văn A', passwordHash: 'scrypt$32768$8$1$c2FsdA==$aGFzaA==', roles: ['quan-tri', 'lanh-dao'], createdAt: '2026-01-02T03:04:05Z' });
    expect(() => insertAccount(db, { login: 'nva', fullName: 'Khác', passwordHash: 'scrypt$x', roles: ['nhap-lieu'], createdAt: 'x' })).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO accounts (login, full_name, password_hash, roles, created_at) VALUES ('b', 'B', 'mat-khau', 'nhap-lieu', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO accounts (login, full_name, password_hash, roles, created_at) VALUES ('b', 'B', 'scrypt$1', '', 'x')`).run()).toThrow(/CHECK/);
    expect(findAccount(db, 'nva')).toEqual({ login: 'nva', fullName: 'Nguyễn Văn A', passwordHash: 'scrypt$32768$8$1$c2FsdA==$aGFzaA==', roles: ['quan-tri', 'lanh-dao'], active: true, createdAt: '2026-01-02T03:04:05Z' });
    updateAccountRoles(db, 'nva', ['kiem-tra']);
    expect(countActiveAccounts(db)).toBe(1);
    deactivateAccountRow(db, 'nva');
    expect(countActiveAccounts(db)).toBe(0);
    expect(listAccounts(db)).toMatchObject([{ login: 'nva', roles: ['kiem-tra'], active: false }]);
    expect(findAccount(db, 'nobody')).toBeNull();
  });
});
