/**
 * The one typed contract of Tổng Hợp. The main process implements it once (main/core/api.ts);
 * IPC, HTTP and the CLI expose that one implementation. Every argument is validated against the
 * schema below at each edge, because a renderer or a shell is never trusted.
 */
import { z } from 'zod';
import type {
  FigureRow, FileRecord, ImportFileResult, Indicator, UnitInfo, UnmappedLabel,
} from './types';

const text = z.string().min(1).max(4000);
const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|9M))?$/);

export const schemas = {
  importFiles: z.object({
    /** Files or folders; folders are read recursively. */
    paths: z.array(text).min(1).max(10000),
    user: z.string().max(200).optional(),
  }),
  listFigures: z.object({
    /** Include figures of files that a later resubmission superseded. */
    all: z.boolean().optional(),
    unit: z.string().max(20).optional(),
    period: period.optional(),
  }),
  listUnmapped: z.object({}),
  mapLabel: z.object({
    label: text,
    indicator: z.string().min(1).max(64),
    user: z.string().min(1).max(200),
  }),
  listIndicators: z.object({}),
  listUnits: z.object({ at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
  listFiles: z.object({}),
} as const;

export type Method = keyof typeof schemas;
export type Args<M extends Method> = z.infer<(typeof schemas)[M]>;

export interface Results {
  importFiles: ImportFileResult[];
  listFigures: FigureRow[];
  listUnmapped: UnmappedLabel[];
  mapLabel: { label: string; indicator: string; figuresAdded: number };
  listIndicators: Indicator[];
  listUnits: UnitInfo[];
  listFiles: FileRecord[];
}

/** The contract: one async function per method. */
export type Api = { [M in Method]: (args: Args<M>) => Promise<Results[M]> };

/** Errors cross IPC and HTTP as values, not exceptions (ipcMain.handle keeps only `message`). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const methods = Object.keys(schemas) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schemas, name);
}
