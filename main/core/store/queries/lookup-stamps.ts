import type { Database } from '../db';
import { stmt } from '../statements';

/** What the unit directory and the label index are built from, as of now: a change of either stamp means rebuild. */
export interface LookupStamps { directory: string; mappings: string }

/**
 * Both stamps in one query, read once a file: a shared store pays a round trip per query, and
 * counting its 30,000 unit names cost milliseconds a file. Every row behind them is added, never
 * changed or deleted, each with a new id, so the largest ids tell whether anything came:
 * - units: a new registry version adds them and updates existing ones, so its version is in the stamp;
 * - names a person confirmed: written in the transaction of the unit_assignments row that records
 *   the decision (rememberUnitName), whose id stands for them;
 * - label mappings: a decision table.
 * Writes are serialised (SQLite's one writer; an advisory lock held to commit on PostgreSQL), so a
 * larger id is never committed before a smaller one: the largest id seen moves whenever a row appears.
 */
export function lookupStamps(db: Database): LookupStamps {
  return stmt(db, `SELECT coalesce((SELECT max(id) FROM units), 0) || '/' || coalesce((SELECT value FROM settings WHERE key = 'registry-version'), '')
      || '/' || coalesce((SELECT max(id) FROM unit_assignments), 0) AS directory,
    '' || coalesce((SELECT max(id) FROM label_mappings), 0) AS mappings`).get() as LookupStamps;
}
