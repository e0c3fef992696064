/**
 * The standard columns of statistical forms that are read to check, never stored as the period's
 * figures (issue 14): a comparison in % and a difference are checked against the figures they
 * compare; the previous period and the same period last year are handed on to be checked against
 * what the store holds for those periods.
 */
import type { CheckRole, Comparator } from './column-roles';

export interface RowChecks {
  /** The row's figure for the period (the one value column of a list). */
  period: number | null;
  values: Partial<Record<Comparator, { value: number; cell: string }>>;
  derived: { role: Extract<CheckRole, { kind: 'percent' | 'difference' }>; value: number; cell: string }[];
}

const DEFAULT_ORDER: Comparator[] = ['last-year', 'previous', 'plan'];

/** Messages for each comparison or difference the row's own figures contradict. */
export function checkDerived(row: RowChecks): string[] {
  if (row.period === null) return [];
  const out: string[] = [];
  for (const d of row.derived) {
    const of = d.role.of ?? DEFAULT_ORDER.find((k) => row.values[k]) ?? null;
    const base = of ? row.values[of] : undefined;
    if (!of || !base) continue;
    if (d.role.kind === 'percent') {
      if (base.value === 0) continue;
      const expected = (row.period / base.value) * 100;
      // Forms round the percentage, to a whole number or to one or two decimals.
      if (Math.abs(d.value - expected) > 0.51 + expected * 0.005) {
        out.push(`ô ${d.cell} ghi ${fmt(d.value)}% nhưng số của kỳ (${fmt(row.period)}) so với ${WORDS[of]} ô ${base.cell} (${fmt(base.value)}) là ${fmt(expected)}%`);
      }
    } else {
      const expected = row.period - base.value;
      if (Math.abs(d.value - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
        out.push(`ô ${d.cell} ghi tăng/giảm ${fmt(d.value)} nhưng số của kỳ (${fmt(row.period)}) trừ ${WORDS[of]} ô ${base.cell} (${fmt(base.value)}) là ${fmt(expected)}`);
      }
    }
  }
  return out;
}

const WORDS: Record<Comparator, string> = { 'last-year': 'cùng kỳ năm trước', previous: 'kỳ trước', plan: 'kế hoạch' };

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
function fmt(x: number): string {
  return NUMBER.format(x);
}
