/** SQLite's remaining dialect in the store's SQL, turned into PostgreSQL's (store/postgres/to-postgres.ts). */
import { describe, expect, it } from 'vitest';
import { toPostgres } from '../../../main/core/store/postgres/to-postgres';

const d = { tablesWithId: new Set(['files', 'audit_log']) };
const pg = (sql: string) => toPostgres(sql, d).sql;

describe('the store SQL on PostgreSQL', () => {
  it('numbers parameters, leaving a ? inside a string alone', () => {
    expect(pg("SELECT '?' AS q, a FROM t WHERE a = ? AND b = ?")).toBe("SELECT '?' AS q, a FROM t WHERE a = $1 AND b = $2");
  });

  it('names parameters in order for an object of values', () => {
    expect(toPostgres('INSERT INTO t (a, b) VALUES (@code, @name)', d)).toEqual({ sql: 'INSERT INTO t (a, b) VALUES ($1, $2)', names: ['code', 'name'] });
  });

  it('quotes the user column (reserved there) unless qualified, and keeps a camelCase alias as written', () => {
    expect(pg('SELECT a.user, user, x AS fileId FROM t a')).toBe('SELECT a.user, "user", x AS "fileId" FROM t a');
  });

  it('returns the new id from an insert into a numbered table, as lastInsertRowid', () => {
    expect(pg('INSERT INTO files (name) VALUES (?)')).toBe('INSERT INTO files (name) VALUES ($1) RETURNING id');
    expect(pg('INSERT INTO flags (id) VALUES (?)')).toBe('INSERT INTO flags (id) VALUES ($1)');
    expect(pg('INSERT INTO files (name) VALUES (?) RETURNING id')).toBe('INSERT INTO files (name) VALUES ($1) RETURNING id');
  });

  it('turns INSERT OR IGNORE into ON CONFLICT DO NOTHING', () => {
    expect(pg('INSERT OR IGNORE INTO pending_checks (unit_id) VALUES (?)').replace(/\s+/g, ' ')).toBe('INSERT INTO pending_checks (unit_id) VALUES ($1) ON CONFLICT DO NOTHING');
  });

  it('makes SQLite’s null-safe IS a null-safe comparison, and leaves IS NULL and IS NOT NULL', () => {
    expect(pg('SELECT 1 FROM t WHERE a IS ? AND b IS NOT c AND d IS NULL AND e IS NOT NULL'))
      .toBe('SELECT 1 FROM t WHERE a IS NOT DISTINCT FROM $1 AND b IS DISTINCT FROM  c AND d IS NULL AND e IS NOT NULL');
  });

  it('group_concat, json_each and GLOB in PostgreSQL’s words', () => {
    expect(pg('SELECT group_concat(s.id) FROM s')).toBe("SELECT string_agg((s.id)::text, ',') FROM s");
    expect(pg("SELECT group_concat(name, '; ') FROM s")).toBe("SELECT string_agg((name)::text, '; ') FROM s");
    expect(pg('SELECT j.value FROM c, json_each(c.files) j WHERE x')).toBe('SELECT j.value FROM c, json_array_elements_text(CAST(c.files AS json)) AS j(value) WHERE x');
    expect(pg('SELECT value FROM json_each(?)')).toBe('SELECT value FROM json_array_elements_text(CAST($1 AS json)) AS json_each(value)');
    expect(pg("SELECT 1 WHERE p GLOB '[0-9]*'")).toBe("SELECT 1 WHERE p SIMILAR TO '[0-9]%'");
  });

  it('drops STRICT from a table', () => {
    expect(pg('CREATE TABLE t (a TEXT) STRICT')).toBe('CREATE TABLE t (a TEXT) ');
  });
});
