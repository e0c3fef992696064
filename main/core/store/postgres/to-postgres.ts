/**
 * The store's SQL is written once, in the dialect both engines share where one exists (upserts,
 * quoted camelCase aliases, CAST); this turns what remains SQLite's into PostgreSQL's, once per
 * statement text: `?` parameters, the `user` column (a reserved word there), group_concat,
 * json_each, GLOB, STRICT tables, and RETURNING id for the insert's new row id.
 */

interface Token { kind: 'word' | 'string' | 'ident' | 'space' | 'other'; text: string }

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) break;
        if (sql[j] === c) {
          if (sql[j + 1] === c) { j += 2; continue; }
          break;
        }
        j++;
      }
      out.push({ kind: c === "'" ? 'string' : 'ident', text: sql.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      out.push({ kind: 'space', text: j < 0 ? sql.slice(i) : sql.slice(i, j) });
      i = j < 0 ? sql.length : j;
    } else if (/\s/.test(c)) {
      let j = i;
      while (j < sql.length && /\s/.test(sql[j]!)) j++;
      out.push({ kind: 'space', text: sql.slice(i, j) });
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < sql.length && /[A-Za-z0-9_]/.test(sql[j]!)) j++;
      out.push({ kind: 'word', text: sql.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: 'other', text: c });
      i++;
    }
  }
  return out;
}

/** Index of the next token that is not space, from `i` on. */
function next(t: Token[], i: number): number {
  while (i < t.length && t[i]!.kind === 'space') i++;
  return i;
}
function prev(t: Token[], i: number): number {
  while (i >= 0 && t[i]!.kind === 'space') i--;
  return i;
}
/** Index of the `)` closing the `(` at `open`. */
function closing(t: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    if (t[i]!.text === '(') depth++;
    else if (t[i]!.text === ')' && --depth === 0) return i;
  }
  throw new Error('unbalanced parentheses in SQL');
}
const is = (tok: Token | undefined, word: string) => tok?.kind === 'word' && tok.text.toUpperCase() === word;

/** What may follow IS in both dialects; anything else (`a IS ?`) is SQLite's null-safe equality. */
const KEEPS_IS = new Set(['NULL', 'NOT', 'TRUE', 'FALSE', 'DISTINCT']);

/** Tables with an `id` column: an INSERT into one returns the new row's id, as SQLite's lastInsertRowid does. */
export interface Dialect { tablesWithId: ReadonlySet<string> }

/** The statement in PostgreSQL's dialect, and the names of its named parameters (`@code`) in `$n` order. */
export interface Translated { sql: string; names: string[] }

export function toPostgres(sql: string, dialect: Dialect): Translated {
  const t = tokenize(sql);
  const names: string[] = [];
  let param = 0;
  let insertInto: string | undefined;
  let returning = false;
  let ignore = false;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.kind === 'other' && tok.text === '?') {
      tok.text = `$${++param}`;
      continue;
    }
    if (tok.kind === 'other' && (tok.text === '@' || tok.text === ':' || tok.text === '$') && t[i + 1]?.kind === 'word' && t[i - 1]?.text !== ':') {
      names.push(t[i + 1]!.text);
      tok.text = `$${++param}`;
      t[i + 1]!.text = '';
      i++;
      continue;
    }
    if (tok.kind !== 'word') continue;
    const up = tok.text.toUpperCase();
    const before = t[prev(t, i - 1)];
    const after = next(t, i + 1);
    if (up === 'USER' && before?.text !== '.') tok.text = '"user"';
    else if (up === 'INSERT' && is(t[after], 'OR') && is(t[next(t, after + 1)], 'IGNORE')) {
      // INSERT OR IGNORE → INSERT ... ON CONFLICT DO NOTHING
      const ig = next(t, after + 1);
      for (const k of [after, ig]) t[k] = { kind: 'space', text: '' };
      ignore = true;
      i--; // read the INSERT again, now followed by INTO
      continue;
    } else if (up === 'INSERT' && is(t[after], 'INTO')) {
      const table = t[next(t, after + 1)];
      if (table && insertInto === undefined) insertInto = table.text.replace(/"/g, '');
    } else if (up === 'AS' && t[after]?.kind === 'word' && /[A-Z]/.test(t[after]!.text) && /^[a-z]/.test(t[after]!.text)) {
      // PostgreSQL folds unquoted names to lower case: a camelCase alias keeps its case quoted.
      t[after]!.text = `"${t[after]!.text}"`;
    } else if (up === 'RETURNING') returning = true;
    else if (up === 'IS' && !KEEPS_IS.has(t[after]?.text.toUpperCase() ?? '')) tok.text = 'IS NOT DISTINCT FROM'; // SQLite's `a IS ?`
    else if (up === 'IS' && is(t[after], 'NOT') && !KEEPS_IS.has(t[next(t, after + 1)]?.text.toUpperCase() ?? '')) {
      tok.text = 'IS DISTINCT FROM';
      t[after] = { kind: 'space', text: '' };
    }
    else if (up === 'STRICT' && before?.text === ')') tok.text = '';
    else if (up === 'GLOB' && t[after]?.kind === 'string') {
      tok.text = 'SIMILAR TO';
      const s = t[after]!;
      s.text = s.text.replace(/\*/g, '%').replace(/\?/g, '_');
    } else if (up === 'GROUP_CONCAT' && t[after]?.text === '(') {
      // group_concat(x[, sep]) → string_agg((x)::text, sep)
      const end = closing(t, after);
      let depth = 0;
      let comma = -1;
      for (let j = after + 1; j < end; j++) {
        if (t[j]!.text === '(') depth++;
        else if (t[j]!.text === ')') depth--;
        else if (t[j]!.text === ',' && depth === 0) { comma = j; break; }
      }
      tok.text = 'string_agg';
      t[after]!.text = '((';
      if (comma < 0) t[end]!.text = ")::text, ',')";
      else t[comma]!.text = ')::text,';
    } else if (up === 'JSON_EACH' && t[after]?.text === '(') {
      // json_each(x) [alias] → json_array_elements_text(CAST(x AS json)) AS alias(value)
      const end = closing(t, after);
      tok.text = 'json_array_elements_text';
      t[after]!.text = '(CAST(';
      t[end]!.text = ' AS json))';
      const a = next(t, end + 1);
      const alias = t[a];
      const isAlias = alias?.kind === 'word' && !['WHERE', 'ON', 'JOIN', 'ORDER', 'GROUP', 'LIMIT', 'AND', 'OR'].includes(alias.text.toUpperCase());
      if (isAlias) alias.text = `AS ${alias.text}(value)`;
      else t[end]!.text += ' AS json_each(value)';
    }
  }
  let out = t.map((x) => x.text).join('');
  if (ignore) out = `${out.replace(/[\s;]+$/, '')} ON CONFLICT DO NOTHING`;
  if (insertInto && !returning && dialect.tablesWithId.has(insertInto)) out = `${out.replace(/[\s;]+$/, '')} RETURNING id`;
  return { sql: out, names };
}
