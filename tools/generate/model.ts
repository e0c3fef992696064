/** Shapes shared by the generator's steps: figures per unit and month, and the answer key. */

export type Layout = 'A' | 'B' | 'C' | 'D';
export const LAYOUTS: readonly Layout[] = ['A', 'B', 'C', 'D'];

export interface GenUnit {
  code: string;
  name: string;
  /** huyen | thi_xa | thanh_pho | quan, as in resources/units. */
  type: string;
  communes?: string[];
  /** Province named in the title lines; "Nghệ An" when absent. */
  province?: string;
  /** tinh (default) or thanh_pho: "CÔNG AN TỈNH ..." or "CÔNG AN THÀNH PHỐ ...". */
  provinceType?: string;
}

/** One indicator in one month: the within-period figure and, for flows and rates, the year-to-date. */
export interface Cell {
  period: number;
  ytd: number | null;
}
export type MonthFigures = Record<string, Cell>;
/** A unit's figures for months 1..last, as the unit reports them. */
export type Series = Record<number, MonthFigures>;

export interface AnswerKeyValue {
  unit: string;
  year: number;
  month: number;
  indicator: string;
  column: 'period' | 'ytd';
  value: number;
  file: string;
  sheet: string;
  cell: string;
  commune: string | null;
}

export interface AnswerKeyIssue {
  rule: string;
  unit: string;
  year: number;
  month: number;
  indicators: string[];
  files?: string[];
}

export interface AnswerKey {
  province: string;
  year: number;
  months: number[];
  seed: number;
  layouts: Record<string, Layout>;
  units: Record<string, string>;
  values: AnswerKeyValue[];
  issues: AnswerKeyIssue[];
  files: string[];
}

export const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f + (x >= 0 ? 1e-7 : -1e-7)) / f;
};

/** A rate as offices state it: one decimal, 0 when there is nothing to divide by. */
export const rateOf = (num: number, den: number): number => (den === 0 ? 0 : round((num / den) * 100, 1));
