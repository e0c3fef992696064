/** Types both sides of the app use. No node:*, no electron, no react here. */

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
}

export interface FigureRow {
  unit: UnitCode;
  /** Commune as written, where the row is a commune; null for the unit's own figure. */
  subunit: string | null;
  period: PeriodKey;
  indicator: string;
  measure: Measure;
  value: number;
  /** The text as typed (or the number as stored, where the cell held a number). */
  raw: string;
  file: string;
  sheet: string;
  cell: string;
  /** With `effective`: true where a reviewer's correction replaced the value read. */
  corrected?: boolean;
}

export type ImportStatus = 'imported' | 'duplicate' | 'rejected';

export interface ImportError {
  /** Stable machine code, e.g. "encrypted", "zip-bomb", "formula-no-cache". */
  code: string;
  /** Vietnamese message naming the file, and the sheet and cell where there is one. */
  message: string;
  sheet?: string | null;
  cell?: string | null;
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
  status: 'open' | 'resolved';
  /** For outliers: the range the figure was expected in. */
  expected?: { low: number; high: number };
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
  | { kind: 'cell'; file: string; sheet: string; cell: string; raw: string; value: number; superseded: boolean }
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
