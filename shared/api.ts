/**
 * The one typed contract of Tổng Hợp. The main process implements it once (main/core/api.ts);
 * IPC, HTTP and the CLI expose that one implementation. Every argument is validated against the
 * schema below at each edge, because a renderer or a shell is never trusted.
 */
import { z } from 'zod';
import { PERIOD_KEY } from './period';
import type { InspectedFile } from './types';
import type {
  ApprovalRecord, AuditCheck, AuditEntry, BackupInfo, CellPreview, CheckSummary, Deadline, EffectiveValue, EntryForm, FigureRow, FileRecord, Flag, FlagCounts, ImportBatch,
  ImportFileResult, ImportJob, Indicator, LabelMapping, PeriodType, UnitInfo, UnmappedLabel,
} from './types';
import type { FieldIssue } from './field-issues';
import type { SetupState } from './types';
import type { AccountInfo, Role, SignedIn, SignInFailures } from './roles';
import { ROLES } from './roles';

const text = z.string().min(1).max(4000);
const period = z.string().regex(PERIOD_KEY);

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

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kỳ nhập tay là một tháng, dạng NNNN-TT');
const typedSource = z.enum(['paper', 'phone', 'fax', 'letter']);

const importArgs = z.object({
  /** Files or folders; folders are read recursively. */
  paths: z.array(text).min(1).max(10000),
  user: z.string().max(200).optional(),
  /** The day the files arrived, where it is not the day they are imported (DOMAIN.md). */
  receivedAt: day.optional(),
});

const jobId = z.string().min(1).max(64);

/** A login as typed at sign-in: case does not matter ("NVA" is "nva"). */
const loginRef = z.string().trim().toLowerCase().min(1).max(64);
/** A new login: lower-case letters without marks, digits, ".", "_" and "-". */
const newLogin = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'Tên đăng nhập gồm 2–64 chữ cái không dấu, chữ số, “.”, “_” hoặc “-”');
/** A new password: long enough to resist guessing (it is stored only as a scrypt hash). */
const newPassword = z.string().min(8, 'Mật khẩu cần ít nhất 8 ký tự').max(200);
const roleList = z.array(z.enum(ROLES)).min(1, 'Cần chọn ít nhất một quyền').max(ROLES.length);
/** Who made a change: typed in a store without accounts; the signed-in person otherwise (the edge fills it in). */
const actor = z.string().trim().min(1).max(200);

/** Which flags: the queue's filters, shared by listing and counting. */
const flagFilter = {
  status: z.enum(['open', 'resolved']).optional(),
  rule: z.string().max(64).optional(),
  unit: z.string().max(20).optional(),
  period: period.optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  /** Words the flag's message holds (unit, commune, indicator, file...), as typed. */
  text: z.string().trim().max(200).optional(),
  /** The flags one import batch raised (the import summary's and history's link). */
  batch: z.number().int().min(1).optional(),
  /** These flags by id (the figures grid's link from a flagged cell: the flags on that cell). */
  ids: z.array(z.string().min(1).max(64)).min(1).max(50).optional(),
  /** The flags on a figure of any of these indicators (the trend's points). */
  indicators: z.array(code).min(1).max(3).optional(),
};

export const schemas = {
  /** Signs in at this edge (a browser tab's cookie, the window, a CLI run): the person's roles then decide every call. */
  signIn: z.object({ login: loginRef, password: z.string().min(1).max(200) }),
  signOut: z.object({}),
  /** Whether this store needs sign-in (it has an active account), and who is signed in here. */
  whoAmI: z.object({}),
  /** The accounts, deactivated ones included (quản trị). */
  listAccounts: z.object({}),
  /** A new account; the first one of a store must hold "quản trị". On the audit log. */
  createAccount: z.object({ login: newLogin, name: z.string().trim().min(1, 'Cần ghi họ tên').max(200), password: newPassword, roles: roleList, user: actor }),
  setAccountRoles: z.object({ login: loginRef, roles: roleList, user: actor }),
  resetPassword: z.object({ login: loginRef, password: newPassword, user: actor }),
  /** An account that may no longer sign in; kept, since the audit log names the person. */
  deactivateAccount: z.object({ login: loginRef, user: actor }),
  /**
   * The signed-in person's own password, given the current one (counted as a sign-in attempt when
   * wrong). `self` is the signed-in login: the edge fills it in and drops whatever a caller sent.
   * On the audit log, without either password.
   */
  changeOwnPassword: z.object({ currentPassword: z.string().min(1).max(200), newPassword, self: loginRef.optional() }),
  /** Logins with failed or refused sign-ins still on record, and whether each is refused now (quản trị). */
  listSignInFailures: z.object({}),
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
  /** The jobs this process holds, latest first (without results): a reloaded screen finds its job again. */
  listImportJobs: z.object({}),
  /** The import history from the store: every batch, latest first, with every path and its outcome. */
  listImportBatches: z.object({ limit: z.number().int().min(1).max(1000).optional() }),
  listFigures: z.object({
    /** Include figures of files that a later resubmission superseded. */
    all: z.boolean().optional(),
    unit: z.string().max(20).optional(),
    period: period.optional(),
    /** Values after reviewers' corrections, each marked `corrected`; without it, values as read. */
    effective: z.boolean().optional(),
    /**
     * Only these indicators' figures (a screen that draws one indicator: a rate with its numerator
     * and denominator), so it does not carry a national store's million figures to use a few thousand.
     */
    indicators: z.array(code).min(1).max(3).optional(),
  }),
  listUnmapped: z.object({}),
  mapLabel: z.object({
    label: text,
    indicator: z.string().min(1).max(64),
    user: z.string().min(1).max(200),
  }),
  /**
   * The standing mapping of each of these labels (UnmappedLabel.normalized) that has one: what
   * Đối chiếu nhãn tells a person when a label they were looking at was mapped at another desk.
   */
  listLabelMappings: z.object({ normalized: z.array(text).min(1).max(200) }),
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
    /** choose: the file's id, where two submissions share a name. */
    fileId: z.number().int().min(1).optional(),
  }),
  /** Opens a resolved flag again, with why: its own audited decision; the resolution stays on record. */
  reopenFlag: z.object({
    flagId: z.string().min(1).max(64),
    reason: z.string().trim().min(1, 'Cần ghi lý do').max(2000),
    user: z.string().trim().min(1).max(200),
  }),
  /** Walks the audit chain and the decision tables: whether they agree, or the first entry that does not. */
  verifyAudit: z.object({}),
  listAudit: z.object({}),
  /** Demo returns made by the project's generator, imported in one click. */
  loadDemo: z.object({ user: z.string().max(200).optional() }),
  /** The source sheet around a figure's cell. */
  previewCell: z.object({ file: text, sheet: z.string().min(1).max(200), cell: z.string().regex(/^[A-Z]{1,3}\d{1,7}$/), radius: z.number().int().min(0).max(30).optional() }),
  /** The figures grid as the person sees it (columns shown, filter, sort) as an .xlsx of one sheet. */
  exportGrid: z.object({
    title: z.string().trim().min(1).max(300),
    columns: z.array(z.object({ header: z.string().max(300), decimals: z.boolean().optional() })).min(1).max(500),
    rows: z.array(z.array(z.union([z.string().max(1000), z.number().finite(), z.null()])).max(500)).max(20000),
  }),
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
  /** A copy of the store now (SQLite's online backup), in the backup folder (`sao-luu/`). */
  backupNow: z.object({ user: z.string().trim().min(1).max(200) }),
  /** The backups in the backup folder, latest first. */
  listBackups: z.object({}),
  /** Puts a backup from the backup folder (by name, never a path) in place of the store, once checked. */
  restoreBackup: z.object({ name: z.string().regex(/^[\w.-]{1,200}\.db$/), user: z.string().trim().min(1).max(200) }),
  /** Which store is open: the real one, or the demo store of "Dùng dữ liệu mẫu". */
  storeMode: z.object({}),
  /** A number that changes when anything is committed to the store by another connection (another desk, the check thread). */
  storeChanges: z.object({}),
  /** Opens the demo store (its own file in `du-lieu-mau/`) or goes back to the real one. */
  useDemo: z.object({ on: z.boolean() }),
  getEffective: z.object({
    unit: z.string().min(1).max(20),
    period,
    indicator: z.string().min(1).max(64),
    measure: z.enum(['period', 'ytd']),
    subunit: z.string().max(200).nullable().optional(),
  }),
  /** The office's province and document heading, the provinces to choose from, and, before any set-up, the province the returns name. */
  getSetup: z.object({}),
  /** Saves the set-up (first run or the settings screen); each changed field goes on the audit log. */
  saveSetup: z.object({
    province: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số'),
    agency: z.string().trim().max(200).optional(),
    office: z.string().trim().max(200).optional(),
    place: z.string().trim().max(100).optional(),
    signerAuthority: z.string().trim().max(200).optional(),
    signerTitle: z.string().trim().max(200).optional(),
    signer: z.string().trim().max(200).optional(),
    /** The name under "Người lập biểu" on the exported report. */
    preparer: z.string().trim().max(200).optional(),
    recipients: z.array(z.string().trim().max(300)).max(30).optional(),
    user: z.string().trim().min(1).max(200),
  }),
  /** The entry form of a unit's month: what stands already, last month's year-to-date, whether it is locked. */
  getEntryForm: z.object({ unit: z.string().min(1).max(20), period: month }),
  /** Figures typed from paper, a phone call, a fax or a letter: a typed return, on the audit log. */
  enterFigures: z.object({
    unit: z.string().min(1).max(20),
    period: month,
    source: typedSource,
    ref: z.string().trim().min(1, 'Cần ghi số hiệu hoặc ghi chú của nguồn').max(200),
    user: z.string().trim().min(1, 'Cần ghi tên người nhập').max(200),
    receivedAt: day.optional(),
    figures: z.array(z.object({
      indicator: z.string().min(1).max(64),
      measure: z.enum(['period', 'ytd']),
      value: z.number().finite(),
      subunit: z.string().max(200).nullable().optional(),
      /** The text as typed ("1.234"), kept beside the value. */
      raw: z.string().max(100).optional(),
    })).min(1, 'Chưa nhập số liệu nào').max(2000),
    /** Required where a figure already typed gets another value (a correction). */
    reason: z.string().max(2000).optional(),
  }),
  /** A reviewer's sign-off of a unit's period (or, without unit, the province's): locks it. */
  approvePeriod: z.object({ unit: z.string().min(1).max(20).optional(), period, user: z.string().trim().min(1).max(200), reason: z.string().max(2000).optional() }),
  /** Undoes an approval; always with a reason. */
  unlockPeriod: z.object({ unit: z.string().min(1).max(20).optional(), period, user: z.string().trim().min(1).max(200), reason: z.string().trim().min(1, 'Cần ghi lý do mở khóa').max(2000) }),
  /** Approvals in force (of one period, or all). */
  listApprovals: z.object({ period: period.optional() }),
  /** A held return (for a locked period) taken in by a reviewer. */
  takeIn: z.object({ fileId: z.number().int().min(1), user: z.string().trim().min(1).max(200), reason: z.string().trim().min(1, 'Cần ghi lý do').max(2000) }),
  /** The day a return arrived, set after its import. */
  setReceivedAt: z.object({ fileId: z.number().int().min(1), receivedAt: day, user: z.string().trim().min(1).max(200), reason: z.string().max(2000).optional() }),
  /** The office's deadlines per kind of period (defaults from Circular 13/2022/TT-BCA). */
  getDeadlines: z.object({}),
  saveDeadlines: z.object({
    deadlines: z.partialRecord(z.enum(['month', 'quarter', 'half', 'nine-months', 'year']), z.object({ day: z.number().int().min(1).max(31), monthsAfter: z.number().int().min(0).max(12) })),
    user: z.string().trim().min(1).max(200),
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
  signIn: SignedIn;
  signOut: { signedOut: true };
  whoAmI: { signInRequired: boolean; account: SignedIn | null };
  listAccounts: AccountInfo[];
  createAccount: AccountInfo;
  setAccountRoles: AccountInfo;
  resetPassword: { login: string };
  deactivateAccount: AccountInfo;
  changeOwnPassword: { login: string };
  listSignInFailures: SignInFailures[];
  importFiles: ImportFileResult[];
  startImport: { jobId: string };
  importProgress: ImportJob;
  cancelImport: { cancelled: boolean };
  listImportJobs: ImportJob[];
  listImportBatches: ImportBatch[];
  listFigures: FigureRow[];
  listUnmapped: UnmappedLabel[];
  mapLabel: { label: string; indicator: string; figuresAdded: number };
  listLabelMappings: LabelMapping[];
  listIndicators: Indicator[];
  listUnits: UnitInfo[];
  listFiles: FileRecord[];
  assignUnit: ImportFileResult;
  checkFlags: CheckSummary;
  listFlags: Flag[];
  countFlags: FlagCounts;
  resolveFlag: { flag: Flag | null; summary: CheckSummary };
  listAudit: AuditEntry[];
  reopenFlag: { flag: Flag | null; summary: CheckSummary };
  verifyAudit: AuditCheck;
  loadDemo: ImportFileResult[];
  previewCell: CellPreview;
  exportGrid: { fileName: string; base64: string };
  exportWorkbook: { fileName: string; path: string | null; base64: string | null; sheets: string[]; cells: number; formulas: number };
  getEffective: EffectiveValue;
  backupNow: BackupInfo;
  listBackups: BackupInfo[];
  restoreBackup: { restored: string; auditEntries: number };
  storeMode: { demo: boolean };
  storeChanges: { stamp: number };
  useDemo: { demo: boolean };
  getSetup: SetupState;
  saveSetup: SetupState;
  getEntryForm: EntryForm;
  enterFigures: { unit: string; name: string; held: boolean; entered: number; corrected: number; unchanged: number };
  approvePeriod: { openFlags: number };
  unlockPeriod: { unlocked: true };
  listApprovals: ApprovalRecord[];
  takeIn: { file: number; unit: string };
  setReceivedAt: { file: number; receivedAt: string };
  getDeadlines: Record<PeriodType, Deadline>;
  saveDeadlines: Record<PeriodType, Deadline>;
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
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; issues?: FieldIssue[]; /** forbidden-role: the roles of which one is needed. */ needed?: Role[]; /** sign-in-throttled: when to try again (ISO). */ retryAt?: string } };

/**
 * Fields only the CLI may send: a path to write. The app's edges (HTTP, IPC) refuse them, so no
 * page can make the app write a file anywhere the clerk can (Electron saves through its dialog).
 */
export const CLI_ONLY_FIELDS: Partial<Record<Method, readonly string[]>> = { exportWorkbook: ['out'] };

export const methods = Object.keys(schemas) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schemas, name);
}
