/**
 * The checker's worker thread: one Checker over its own connection to the store (WAL: the main
 * thread reads and writes meanwhile), kept for the life of the API so that re-checks after a
 * decision or an import find the last check's peer groups here, where the full check left them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CatalogFile } from '../../../shared/catalog';
import type { CheckSummary } from '../../../shared/types';
import { openDb } from '../store/open-db';
import { Checker } from './checker';

export interface CheckWorkerData { dbPath: string; migrationsDir?: string; catalog: CatalogFile }
export type CheckRequest = { id: number; kind: 'full' } | { id: number; kind: 'units'; codes: string[]; decision: boolean };
/** The office changed its catalog: later checks run with this one (messages are taken in order). */
export interface CatalogMessage { kind: 'catalog'; catalog: CatalogFile }
export type CheckResponse = { id: number; ok: true; summary: CheckSummary } | { id: number; ok: false; message: string };

const data = workerData as CheckWorkerData;
const db = openDb(data.dbPath, { migrationsDir: data.migrationsDir });
let checker = new Checker(db, data.catalog);

// Messages are handled one at a time, in order: each check is synchronous.
parentPort!.on('message', (req: CheckRequest | CatalogMessage) => {
  if (req.kind === 'catalog') { checker = new Checker(db, req.catalog); return; }
  try {
    const summary = req.kind === 'full' ? checker.full() : checker.units(req.codes, req.decision);
    parentPort!.postMessage({ id: req.id, ok: true, summary } satisfies CheckResponse);
  } catch (err) {
    parentPort!.postMessage({ id: req.id, ok: false, message: (err as Error).message } satisfies CheckResponse);
  }
});
