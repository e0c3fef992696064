/** The latest month among the periods: what an office exports most days (issue 17), rather than the last key in sort order (a quarter). */
export function latestMonth(periods: string[]): string | undefined {
  return periods.filter((p) => /^\d{4}-\d{2}$/.test(p)).sort().at(-1);
}

/** Periods one can export: each month with data, and the quarters, halves and years those months make up. */
export function exportPeriods(months: string[]): string[] {
  const out = new Set<string>();
  for (const p of months) {
    out.add(p);
    const m = /^(\d{4})-(\d{2})$/.exec(p);
    if (!m) continue;
    const month = Number(m[2]);
    out.add(`${m[1]}-Q${Math.ceil(month / 3)}`);
    out.add(`${m[1]}-H${month <= 6 ? 1 : 2}`);
    out.add(m[1]!);
  }
  return [...out].sort();
}
