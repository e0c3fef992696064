/** Types both sides of the app use. No node:*, no electron, no react here. */
import type { Message } from './messages';

/** GSO code of a unit, e.g. "425". A code alone is ambiguous across eras; a code plus a date is not. */
export type UnitCode = string;

/** "2023-03" (month), "2023-Q2", "2023-H1", "2023-9M", "2023" (year). */
export type PeriodKey = string;

/** Whether a figure counts within its period or from the start of the year. */
export type Measure = 'period' | 'ytd';

/** 'value': the unit's figure; 'subunit': a commune row; 'total': a total that repeats figures stored elsewhere (kept to check them). */
export type FigureRole = 'value' | 'subunit' | 'total';

/** What one cell says, wherever it is read or stored: the value, the text as typed, and where. */
export interface CellReading {
  subunit: string | null;
  measure: Measure;
  role: FigureRole;
  value: number;
  raw: string;
  typedUnit: string | null;
  approx: boolean;
  sheet: string;
  cell: string;
}

export type IndicatorKind = 'flow' | 'stock' | 'plan' | 'rate';

export interface Indicator {
  code: string;
  name: string;
  /** Unit of measure, e.g. "căn", "hồ sơ". */
  unit: string;
  kind: IndicatorKind;
  /** Group heading I–VI. */
  group: string;
  /** The group's name as the catalog has it, so headings follow catalog edits. */
  groupName: string;
  /** Parent indicator for "trong đó" and "such as" rows. */
  parent: string | null;
  /** True where fractions are normal (hectares, kilograms, rates). */
  decimals: boolean;
  /** A rate's two figures: its total is numerator over denominator (shared/figure-math), never a sum. */
  rate: { numerator: string; denominator: string } | null;
  sort: number;
}

export interface UnitInfo {
  id: number;
  code: UnitCode;
  name: string;
  type: string;
  level: 'province' | 'district' | 'commune';
  parentCode: UnitCode | null;
  validFrom: string;
  validTo: string | null;
  /** The province the unit belongs to. */
  provinceCode?: UnitCode | null;
}

export interface FigureRow {
  unit: UnitCode;
  /** Commune as written, where the row is a commune; null for the unit's own figure. */
  subunit: string | null;
  period: PeriodKey;
  indicator: string;
  measure: Measure;
  value: number;
  /** The commune row's registry code, resolved by name and date within the unit; null where none or several fit. */
  subunitCode?: string | null;
  /** The text as typed (or the number as stored, where the cell held a number). */
  raw: string;
  /** The file it was read from; null for a typed figure (see `source`). */
  file: string | null;
  sheet: string;
  cell: string;
  /** Where a typed figure came from (paper, phone...); absent for a figure read from a file. */
  source?: FigureSource;
  /** With `effective`: true where a reviewer's correction replaced the value read. */
  corrected?: boolean;
}

/** `held`: on record but changing nothing until a person acts: a return from another province (read, not stored), or one for an approved, locked period (stored, not taken in). */
/** `skipped`: no spreadsheet at all (a cover letter, a PDF), passed over rather than refused as a return. */
export type ImportStatus = 'imported' | 'duplicate' | 'rejected' | 'held' | 'skipped';

export interface ImportError {
  /** Stable machine code, e.g. "encrypted", "zip-bomb", "formula-no-cache". */
  code: string;
  /** Vietnamese message naming the file, and the sheet and cell where there is one. */
  message: string;
  sheet?: string | null;
  cell?: string | null;
  /** The same as data (code "import.refused" with the reason), for the UI to word in its language. */
  text?: Message | null;
}

export interface ImportFileResult {
  file: string;
  status: ImportStatus;
  figures: number;
  unmapped: number;
  error: ImportError | null;
  unit?: UnitCode | null;
  periods?: PeriodKey[];
  /** Notes that did not stop the import (an unknown column, a hidden sheet skipped...). */
  warnings?: string[];
  /** SHA-256 of the bytes, where they could be read. */
  sha256?: string;
  /** The same notes as data, in the same order, for the UI to word in its language. */
  notes?: Message[];
}

export interface LabelSuggestion {
  indicator: string;
  name: string;
  score: number;
  /** Why this indicator: each piece of evidence for it, shown to the person choosing. */
  evidence?: MatchEvidence[];
}

/**
 * One piece of evidence for a label's indicator (issue 14), as data; the UI words it
 * ("ĐVT khớp: người", "nằm dưới dòng Tổng số vũ khí...").
 */
export type MatchEvidence =
  | { kind: 'words'; words: string[] }
  | { kind: 'unit'; unit: string }
  | { kind: 'under'; indicator: string; name: string }
  | { kind: 'group'; group: string; name: string }
  | { kind: 'confirmed'; label: string }
  | { kind: 'exact' }
  /** This sender's last return had this indicator on the same row, under the label it wrote then. */
  | { kind: 'history'; file: string; label: string };

export interface UnmappedLabel {
  label: string;
  normalized: string;
  occurrences: number;
  files: string[];
  suggestions: LabelSuggestion[];
}

/** A label's standing mapping: the latest confirmation of it, by whom and when. */
export interface LabelMapping {
  label: string;
  /** As UnmappedLabel.normalized: the label folded, which the mapping is kept under. */
  normalized: string;
  indicator: string;
  user: string;
  at: string;
}

export interface FileRecord {
  id: number;
  name: string;
  sha256: string;
  size: number;
  importedAt: string;
  /** When the file arrived: "YYYY-MM-DD" where the person importing gave the date, else the import's date-time. */
  receivedAt: string;
  outcome: 'imported' | 'rejected';
  unit: UnitCode | null;
  periods: PeriodKey[];
  error: ImportError | null;
  supersededBy: number | null;
  /** True while the file waits, for a locked period, for a reviewer to take it in. */
  held?: boolean;
  /** 'file', or where a typed return came from; with its reference and who typed it. */
  sourceKind?: 'file' | TypedSource;
  sourceRef?: string | null;
  importedBy?: string | null;
}

export interface ImportProgress {
  file: string;
  index: number;
  total: number;
  result?: ImportFileResult;
}

/** An import running in the main process, as the renderer polls it. */
export interface ImportJob {
  jobId: string;
  /** Files in the batch (folders read recursively). */
  total: number;
  /** Files finished: imported, duplicate or refused. */
  done: number;
  /** Path of the file being imported; null before the first and after the last. */
  current: string | null;
  /** One per finished file, in the order they finished (from `from` where the poll gave one). */
  results: ImportFileResult[];
  /** True once the batch and the check after it are over. */
  finished: boolean;
  /** True once a person asked to stop: the file in hand is finished, no other is started. */
  cancelled: boolean;
  /** Vietnamese message where the batch itself failed (never for one bad file: that is a result). */
  error: string | null;
  /** The batch in the import history, once it has started; its raised flags open the flag queue (`listFlags` `batch`). */
  batchId?: number;
  /** Flags the batch's check raised (open after it, not there before), once the check is over. */
  flagsRaised?: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** The flag queue's counts for a filter, counted in the store rather than by listing. */
export interface FlagCounts {
  total: number;
  open: number;
  resolved: number;
  bySeverity: Record<Severity, number>;
}

/** One figure a flag points at, with the cell it came from. */
export interface FlagFigure {
  indicator: string;
  period: PeriodKey;
  measure: Measure;
  subunit: string | null;
  value: number;
  file: string;
  sheet: string;
  cell: string;
  /** The file's id (two files may share a name), and whether its figures stand (not superseded). */
  fileId?: number;
  inUse?: boolean;
}

export interface Flag {
  /** Stable for the same rule, unit, period and indicators, so a resolution survives a re-check. */
  id: string;
  rule: string;
  severity: Severity;
  unit: UnitCode;
  period: PeriodKey;
  periods: PeriodKey[];
  indicators: string[];
  figures: FlagFigure[];
  /** Vietnamese: what is wrong, by how much, where. */
  message: string;
  /** The same as data (code and parameters), for the UI to word in its language; null on flags stored before codes. */
  text: Message | null;
  status: 'open' | 'resolved';
  /** For outliers: the range the figure was expected in. */
  expected?: { low: number; high: number };
  /** Where resolved: the decision that stands. */
  decision?: FlagDecision;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string;
  action: string;
  target: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  /** What the entry is about, by ids (null where it is not about one, or was written before these fields). */
  unit?: UnitCode | null;
  period?: PeriodKey | null;
  flagId?: string | null;
  fileId?: number | null;
  indicator?: string | null;
  /** Further plain data the UI words the entry from: a cell, a measure, a file's name, a rule. */
  detail?: Record<string, string | number | boolean | null> | null;
}

/** The audit chain's state: every entry and decision row agrees, or the first that does not. */
export interface AuditCheck {
  ok: boolean;
  /** Entries walked. */
  entries: number;
  /** The first entry that does not agree (null where all do, or where what broke is a decision row without an entry). */
  brokenEntry: number | null;
  /** Vietnamese: what does not agree. */
  message: string | null;
}

/** The decision that resolved a flag: which, by whom, when and why. */
export interface FlagDecision {
  action: 'accept' | 'correct' | 'choose';
  user: string;
  at: string;
  reason: string;
  /** correct: the value given; choose: the file chosen. */
  value?: number;
  file?: string;
}

export interface CheckSummary {
  /** Flags per rule, open and resolved. */
  rules: { rule: string; open: number; resolved: number }[];
  open: number;
  resolved: number;
  millis: number;
}

/** Where an effective value comes from: the cell as read, then each decision on it. */
export type TrailStep =
  | { kind: 'cell'; file: string; sheet: string; cell: string; raw: string; value: number; superseded: boolean; source?: FigureSource; held?: boolean }
  | { kind: 'correction'; user: string; at: string; reason: string; oldValue: number; newValue: number }
  | { kind: 'choice'; user: string; at: string; reason: string; file: string };

export interface EffectiveValue {
  unit: UnitCode;
  period: PeriodKey;
  indicator: string;
  measure: Measure;
  subunit: string | null;
  value: number | null;
  trail: TrailStep[];
}

/** A window of the source sheet around one cell, for the reviewer to see the figure in place. */
export interface CellPreview {
  file: string;
  sheet: string;
  cell: string;
  /** A1 address of the top-left cell of `rows`. */
  origin: string;
  /** Cell texts as shown, row by row. */
  rows: string[][];
  /** Row and column of `cell` within `rows`. */
  target: { row: number; col: number };
  /**
   * The table's header rows over the cell's column (same columns; a merged heading once), always
   * above `rows`, which start after them: shown frozen on top, so "Trong kỳ" is told from "Lũy kế". Null: none found.
   */
  header?: { origin: string; rows: string[][] } | null;
}

/** One batch of the import history, with every path in it and its outcome. */
export interface ImportBatch {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  user: string | null;
  cancelled: boolean;
  /** Flags the batch's check raised (batch_flags); `listFlags` `batch` lists them. */
  flagsRaised: number;
  files: { name: string; path: string; sha256: string | null; status: ImportStatus; code: string | null; message: string | null; figures: number; unit: string | null }[];
}

/** One backup of the store in the backup folder. */
export interface BackupInfo {
  name: string;
  size: number;
  /** When it was written (ISO). */
  at: string;
  /** Made once a day by the app at start, or by a person. */
  automatic: boolean;
}

/** How an office heads its documents, and its province: chosen on first run, changed in the settings screen. */
export interface OfficeSetup {
  /** Province code (GSO), e.g. "40" for Nghệ An. */
  province: UnitCode;
  provinceName: string;
  /** Parent body, first line of the agency block: "CÔNG AN TỈNH NGHỆ AN". */
  agency: string;
  /** Issuing body, second line: "PHÒNG THAM MƯU". */
  office: string;
  /** Place on the date line: "Nghệ An". */
  place: string;
  /** Authority line above the signer's title: "TL. GIÁM ĐỐC" (may be empty). */
  signerAuthority: string;
  signerTitle: string;
  signer: string;
  /** Who prepares the report: the name under "Người lập biểu" (may be empty: signed by hand). */
  preparer: string;
  /** "Nơi nhận", one line each. */
  recipients: string[];
}

/** A province the set-up may choose: the current ones, and those merged in 2025 (validTo set). */
export interface ProvinceChoice { code: UnitCode; name: string; validFrom: string; validTo: string | null }

export interface SetupState {
  /** False until a person has saved a set-up (an existing store counts as Nghệ An's). */
  configured: boolean;
  /** The set-up in force, with defaults where nothing was chosen; null before the first. */
  setup: OfficeSetup | null;
  /** Without a set-up: the province most imported returns' title lines named, for a person to confirm. */
  proposed: { province: UnitCode; name: string; files: number } | null;
  provinces: ProvinceChoice[];
}

/** Where a typed return came from: giấy (paper), điện thoại (phone), fax, công văn (letter). */
export type TypedSource = 'paper' | 'phone' | 'fax' | 'letter';

/** A typed figure's provenance: the source and its reference, who typed it and when. */
export interface FigureSource { kind: TypedSource; ref: string; user: string; at: string }

/** A sign-off in force: a unit's period, or the province's (unit null). */
export interface ApprovalRecord {
  id: number;
  unit: UnitCode | null;
  period: PeriodKey;
  user: string;
  at: string;
  reason: string | null;
  /** Flags still open when it was approved (then `reason` says why). */
  openFlags: number;
}

export type PeriodType = 'month' | 'quarter' | 'half' | 'nine-months' | 'year';

/** Returns are due on `day` of the period's last month plus `monthsAfter` months. */
export interface Deadline { day: number; monthsAfter: number }

/** The entry form's starting point: the catalog rows, what is typed already, last month's year-to-date. */
export interface EntryForm {
  unit: UnitCode;
  period: PeriodKey;
  /** Values of the unit's standing figures for the period, by "INDICATOR:measure". */
  current: Record<string, number>;
  /** Last month's year-to-date per indicator, for "Lũy kế" = that + this month. */
  previousYtd: Record<string, number>;
  locked: boolean;
}

/**
 * One figure cell of a recognised table, as `inspect` and the import preview show it before
 * anything is stored (issue 14): where it is, what its row and column say, and what it would be.
 */
export interface InspectLine {
  file: string;
  sheet: string;
  cell: string;
  /** The row's label as written (decoded from TCVN3/VNI where the file used them). */
  rowLabel: string;
  /** The heading rows above the cell joined with " / ". */
  columnHeader: string;
  /** What the column holds: period, ytd, month:5, total, subunit... */
  role: string;
  value: number;
  raw: string;
  /** The indicator it would be stored as, or null: the label waits for a person. */
  indicator: string | null;
  measure: Measure;
  /** An estimate ("Ước thực hiện") or an approximate figure ("gần 50"). */
  approx: boolean;
  evidence: MatchEvidence[];
  /** Where the label is unmapped: the ranked suggestions with their evidence. */
  suggestions?: LabelSuggestion[];
}

export interface InspectedFile {
  file: string;
  /** Why the file could not be read, naming sheet and cell; null when it was read. */
  error: string | null;
  lines: InspectLine[];
}
