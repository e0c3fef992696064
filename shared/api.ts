/**
 * The one typed contract of Tổng Hợp. The main process implements it once (main/core/api.ts);
 * IPC, HTTP and the CLI expose that one implementation. Every argument is validated against the
 * schema below at each edge, because a renderer or a shell is never trusted.
 */
import { z } from 'zod';
import type { InspectedFile } from './types';
import type {
  AuditEntry, CellPreview, CheckSummary, EffectiveValue, FigureRow, FileRecord, Flag, FlagCounts, ImportFileResult, ImportJob, Indicator, UnitInfo, UnmappedLabel,
} from './types';

const text = z.string().min(1).max(4000);
const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|9M))?$/);

const code = z.string().min(1).max(64);
const relationSchema = z.union([
  z.object({ rule: z.enum(['plan_exceeded', 'child_exceeds_parent', 'participants_lt_sessions']), child: code, parent: code, measure: z.enum(['period', 'ytd']).optional() }),
  z.object({ rule: z.enum(['parts_exceed_total', 'sum_mismatch']), total: code, parts: z.array(code).min(1).max(50) }),
  z.object({ rule: z.literal('rate_mismatch'), rate: code, numerator: code, denominator: code }),
]);

/** "2023-04-30": a day that exists on the calendar (2023-02-30 does not). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng NNNN-TT-NN').refine((d) => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, dd));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === dd;
}, 'Ngày không có trên lịch');

const importArgs = z.object({
  /** Files or folders; folders are read recursively. */
  paths: z.array(text).min(1).max(10000),
  user: z.string().max(200).optional(),
  /** The day the files arrived, where it is not the day they are imported (DOMAIN.md). */
  receivedAt: day.optional(),
});

const jobId = z.string().min(1).max(64);

/** Which flags: the queue's filters, shared by listing and counting. */
const flagFilter = {
  status: z.enum(['open', 'resolved']).optional(),
  rule: z.string().max(64).optional(),
  unit: z.string().max(20).optional(),
  period: period.optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
};

export const schemas = {
  /** Imports the files and checks them, answering once all are in (the CLI, tests). */
  importFiles: importArgs,
  /** The same import as a job in the main process: answers at once with the job's id. */
  startImport: importArgs,
  /** Where a job is: files done of the total, the file in hand, each finished file's result. */
  importProgress: z.object({
    jobId,
    /** Results from this index on: the renderer already holds the earlier ones. */
    from: z.number().int().min(0).optional(),
  }),
  /** Stops a job before its next file; the file in hand is finished (or refused) in its own transaction. */
  cancelImport: z.object({ jobId }),
  listFigures: z.object({
    /** Include figures of files that a later resubmission superseded. */
    all: z.boolean().optional(),
    unit: z.string().max(20).optional(),
    period: period.optional(),
    /** Values after reviewers' corrections, each marked `corrected`; without it, values as read. */
    effective: z.boolean().optional(),
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
  /** A file refused because its unit could not be told: a person names the unit; the name is remembered. */
  assignUnit: z.object({ file: text, unit: z.string().min(1).max(20), user: z.string().trim().min(1).max(200) }),
  checkFlags: z.object({}),
  /** Flags, most severe first, a page at a time. */
  listFlags: z.object({
    ...flagFilter,
    limit: z.number().int().min(1).max(100000).optional(),
    offset: z.number().int().min(0).optional(),
  }),
  /** How many flags a filter holds, open and resolved, by severity. */
  countFlags: z.object(flagFilter),
  resolveFlag: z.object({
    flagId: z.string().min(1).max(64),
    action: z.enum(['accept', 'correct', 'choose']),
    reason: z.string().trim().min(1, 'Cần ghi lý do').max(2000),
    user: z.string().trim().min(1).max(200),
    value: z.number().finite().optional(),
    cell: z.string().max(200).optional(),
    file: z.string().max(1000).optional(),
  }),
  listAudit: z.object({}),
  /** Demo returns made by the project's generator, imported in one click. */
  loadDemo: z.object({ user: z.string().max(200).optional() }),
  /** The source sheet around a figure's cell. */
  previewCell: z.object({ file: text, sheet: z.string().min(1).max(200), cell: z.string().regex(/^[A-Z]{1,3}\d{1,7}$/), radius: z.number().int().min(0).max(30).optional() }),
  exportWorkbook: z.object({
    period,
    layout: z.enum(['units', 'periods']).optional(),
    /** Periods layout: a unit code, or omitted for the province. */
    unit: z.string().max(20).optional(),
    /** Refuse while flags of the exported units and months are open. */
    strict: z.boolean().optional(),
    /** Sum units that no longer exist at this date into their successors ("under today's units"). */
    underUnitsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** Where to save (CLI, Electron's save dialog); without it the workbook comes back as base64. */
    out: z.string().min(1).max(4000).optional(),
  }),
  getEffective: z.object({
    unit: z.string().min(1).max(20),
    period,
    indicator: z.string().min(1).max(64),
    measure: z.enum(['period', 'ytd']),
    subunit: z.string().max(200).nullable().optional(),
  }),
  /**
   * For a file held because its period could not be told: the person names it ("2024-03", "2024-Q1")
   * and, where it could not be told either, the unit; the file goes in again.
   */
  assignPeriod: z.object({ file: text, period, unit: z.string().min(1).max(20).optional(), user: z.string().trim().min(1).max(200) }),
  /** The office adds an indicator (and its group, where new): matching, rules and export follow without a code change. */
  addIndicator: z.object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'Mã chỉ tiêu: chữ in hoa, số và “_”, bắt đầu bằng chữ'),
    name: z.string().trim().min(1).max(500), unit: z.string().trim().min(1).max(50), kind: z.enum(['flow', 'stock', 'plan', 'rate']),
    group: z.string().trim().min(1).max(20), groupName: z.string().trim().min(1).max(200).optional(),
    parent: z.string().max(64).optional(), aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
    user: z.string().trim().min(1).max(200),
  }),
  /** Another name people write for an indicator. */
  aliasIndicator: z.object({ code: z.string().min(1).max(64), alias: z.string().trim().min(1).max(500), user: z.string().trim().min(1).max(200) }),
  /** A relation the rules check: trong đó, exact sum, "such as" list, rate of two flows, yearly plan. */
  relateIndicators: z.object({ relation: relationSchema, user: z.string().trim().min(1).max(200) }),
  renameIndicator: z.object({ code: z.string().min(1).max(64), name: z.string().trim().min(1).max(500), user: z.string().trim().min(1).max(200) }),
  /** An indicator no longer collected: kept with its figures, no longer matched, checked or exported. */
  retireIndicator: z.object({ code: z.string().min(1).max(64), reason: z.string().trim().min(1).max(1000), user: z.string().trim().min(1).max(200) }),
  /** What an import would read from these files, cell by cell, with nothing stored (a dry run). */
  inspectFiles: z.object({ paths: z.array(text).min(1).max(1000) }),
} as const;

export type Method = keyof typeof schemas;
export type Args<M extends Method> = z.infer<(typeof schemas)[M]>;

export interface Results {
  importFiles: ImportFileResult[];
  startImport: { jobId: string };
  importProgress: ImportJob;
  cancelImport: { cancelled: boolean };
  listFigures: FigureRow[];
  listUnmapped: UnmappedLabel[];
  mapLabel: { label: string; indicator: string; figuresAdded: number };
  listIndicators: Indicator[];
  listUnits: UnitInfo[];
  listFiles: FileRecord[];
  assignUnit: ImportFileResult;
  checkFlags: CheckSummary;
  listFlags: Flag[];
  countFlags: FlagCounts;
  resolveFlag: { flag: Flag | null; summary: CheckSummary };
  listAudit: AuditEntry[];
  loadDemo: ImportFileResult[];
  previewCell: CellPreview;
  exportWorkbook: { fileName: string; path: string | null; base64: string | null; sheets: string[]; cells: number; formulas: number };
  getEffective: EffectiveValue;
  inspectFiles: InspectedFile[];
  assignPeriod: ImportFileResult;
  addIndicator: { code: string };
  aliasIndicator: { code: string };
  relateIndicators: { relations: number };
  renameIndicator: { code: string };
  retireIndicator: { code: string };
}

/** The contract: one async function per method. */
export type Api = { [M in Method]: (args: Args<M>) => Promise<Results[M]> };

/** Errors cross IPC and HTTP as values, not exceptions (ipcMain.handle keeps only `message`). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const methods = Object.keys(schemas) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schemas, name);
}
