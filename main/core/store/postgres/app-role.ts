/**
 * The role the desks connect as, on a shared store, with no more than the app needs (issue 19):
 * it reads and writes rows, but cannot change the schema, disable a trigger, empty a table, or
 * update or delete a row of an append-only table (the decisions, approvals and the audit log and
 * its chain). Triggers refuse those rewrites too; without ownership the role cannot remove them.
 * The database's owner runs the migrations (`tonghop migrate`) and grants this once
 * (`tonghop grant-app-role`); the role's name is kept in the store's settings, so that every
 * later migration grants the same on the tables it adds.
 */
import type { Database } from '../db';

export const APP_ROLE_SETTING = 'app-role';

export interface AppRoleGrant { role: string; tables: number; appendOnly: string[] }

/** A role name as PostgreSQL writes it unquoted: checked, since it is spliced into GRANT statements. */
export function checkRoleName(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`Tên vai trò PostgreSQL “${role}” không hợp lệ: chữ thường không dấu, chữ số, “_”`);
  return role;
}

/** Tables whose rows may only be added: those with a trigger that refuses UPDATE (migrations 0015 and after). */
function appendOnlyTables(db: Database): string[] {
  return db.prepare(`SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE p.proname = 'tonghop_refuse' AND c.relnamespace = current_schema()::regnamespace AND (t.tgtype & 16) <> 0 ORDER BY 1`).pluck().all() as string[];
}

/** Grants `role` what the app needs on this store, and nothing more (run by the database's owner). */
export function grantAppRole(db: Database, role: string): AppRoleGrant {
  checkRoleName(role);
  const exists = db.prepare('SELECT 1 FROM pg_roles WHERE rolname = ?').get(role);
  if (!exists) throw new Error(`Máy chủ chưa có vai trò “${role}”: bộ phận CNTT tạo nó trước (CREATE ROLE ${role} LOGIN PASSWORD '...')`);
  const appendOnly = appendOnlyTables(db);
  const tables = (db.prepare("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").pluck().get() as number);
  const where = db.prepare('SELECT current_database() AS database, current_schema() AS schema').get() as { database: string; schema: string };
  const schema = `"${where.schema}"`;
  db.transaction(() => {
    db.exec(`GRANT CONNECT ON DATABASE "${where.database}" TO ${role}`);
    db.exec(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    db.exec(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`);
    db.exec(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    for (const t of appendOnly) db.exec(`REVOKE UPDATE, DELETE ON ${t} FROM ${role}`);
    db.exec(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(APP_ROLE_SETTING, JSON.stringify(role));
  })();
  return { role, tables, appendOnly };
}

/** After a migration by the owner: the same grants again, over the tables it added. */
export function regrantAppRole(db: Database): AppRoleGrant | undefined {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(APP_ROLE_SETTING) as string | undefined;
  return value ? grantAppRole(db, JSON.parse(value) as string) : undefined;
}
