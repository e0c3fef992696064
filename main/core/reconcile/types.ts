/** Shapes the reconciliation rules work on: figures in, flag drafts out. Pure data, no I/O. */
import type { Severity } from '../../../shared/types';
import type { Message, MessageCode } from '../../../shared/messages';
import type { CatalogIndicator, CatalogRelation } from '../../../shared/catalog';

export interface RuleFigure {
  id: number;
  fileId: number;
  file: string;
  fileImportedAt: string;
  unit: string;
  unitName: string;
  subunit: string | null;
  /** "2023-03", "2023-H1", "2023-Q2", "2023-9M", "2023". */
  period: string;
  indicator: string;
  measure: 'period' | 'ytd';
  role: 'value' | 'subunit' | 'total';
  value: number;
  /** The text as typed; empty where the rules load figures in bulk (no rule needs it). */
  raw: string;
  sheet: string;
  cell: string;
  superseded: boolean;
}

export interface FlagDraft {
  rule: string;
  severity: Severity;
  unit: string;
  period: string;
  periods: string[];
  indicators: string[];
  figures: RuleFigure[];
  /** Vietnamese, worded from the code and parameters below (the CLI and the export show it). */
  message: string;
  messageCode: MessageCode;
  params: Message['params'];
  expected?: { low: number; high: number };
  /** Tells apart flags of one rule, unit, period and indicators (an unmapped label: its cell). */
  key?: string;
}

export interface ExpectedUnit {
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

export interface RuleContext {
  indicators: Map<string, CatalogIndicator>;
  relations: CatalogRelation[];
  indicatorName(code: string): string;
  expectedUnits: ExpectedUnit[];
  /** Months like "2023-01" the office expects returns for. */
  periodsExpected: string[];
  /** Re-checking some units only: rules that compare units still read every unit, but flag only these. */
  onlyUnits?: Set<string>;
  /** Every unit's monthly points by indicator, month and unit, kept between checks for the outlier rule. */
  outlierPeers?: Map<string, Map<string, Map<string, OutlierPoint>>>;
}

/** A unit's within-month figure as the outlier rule compares it; `index` counts months (year × 12 + month). */
export interface OutlierPoint { f: RuleFigure; index: number }

export type Rule = (figures: RuleFigure[], ctx: RuleContext) => FlagDraft[];
