/**
 * The people who sign in: login, full name, the scrypt hash of the password, roles and whether the
 * account is active. The rows are the state now; every change goes on the audit log beside it (the
 * API's account handlers). Plain SQL that PostgreSQL runs as well: no INSERT OR, no SQLite functions.
 */
import type { Database } from '../db';
import type { Role } from '../../../../shared/roles';
import { isRole } from '../../../../shared/roles';
import { stmt } from '../statements';

export interface AccountRow {
  login: string;
  fullName: string;
  passwordHash: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

interface Stored { login: string; full_name: string; password_hash: string; roles: string; active: number; created_at: string }

const COLUMNS = 'login, full_name, password_hash, roles, active, created_at';

function row(r: Stored): AccountRow {
  return { login: r.login, fullName: r.full_name, passwordHash: r.password_hash, roles: r.roles.split(',').filter(isRole), active: r.active === 1, createdAt: r.created_at };
}

/** How many accounts may sign in: with none, the store needs no sign-in (single-PC mode). */
export function countActiveAccounts(db: Database): number {
  return stmt(db, 'SELECT count(*) AS n FROM accounts WHERE active = 1').pluck().get() as number;
}

export function findAccount(db: Database, login: string): AccountRow | null {
  const r = stmt(db, `SELECT ${COLUMNS} FROM accounts WHERE login = ?`).get(login) as Stored | undefined;
  return r ? row(r) : null;
}

export function listAccounts(db: Database): AccountRow[] {
  return (stmt(db, `SELECT ${COLUMNS} FROM accounts ORDER BY login`).all() as Stored[]).map(row);
}

export function insertAccount(db: Database, a: { login: string; fullName: string; passwordHash: string; roles: readonly Role[]; createdAt: string }): void {
  stmt(db, 'INSERT INTO accounts (login, full_name, password_hash, roles, active, created_at) VALUES (?, ?, ?, ?, 1, ?)')
    .run(a.login, a.fullName, a.passwordHash, a.roles.join(','), a.createdAt);
}

export function updateAccountRoles(db: Database, login: string, roles: readonly Role[]): void {
  stmt(db, 'UPDATE accounts SET roles = ? WHERE login = ?').run(roles.join(','), login);
}

export function updateAccountPassword(db: Database, login: string, passwordHash: string): void {
  stmt(db, 'UPDATE accounts SET password_hash = ? WHERE login = ?').run(passwordHash, login);
}

export function deactivateAccountRow(db: Database, login: string): void {
  stmt(db, 'UPDATE accounts SET active = 0 WHERE login = ?').run(login);
}
