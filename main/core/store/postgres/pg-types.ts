/** How values of PostgreSQL types become JavaScript ones, the same in every thread that parses rows. */
import type pg from 'pg';

/** SQLite gives numbers and 0/1: the same here for counts and sums (int8, numeric) and booleans. */
export function usePgTypes(types: typeof pg.types): void {
  types.setTypeParser(20, (v) => Number(v));
  types.setTypeParser(1700, (v) => Number(v));
  types.setTypeParser(16, (v) => (v === 't' ? 1 : 0));
}

/** Types whose text is their value: no parser to call. */
export const TEXT_TYPES: ReadonlySet<number> = new Set([18, 19, 25, 1042, 1043]);

/** Types whose text is always ASCII (integers, floats, numeric, boolean, oid): never decoded as UTF-8. */
export const ASCII_TYPES: ReadonlySet<number> = new Set([16, 20, 21, 23, 26, 700, 701, 1700]);
