/** The rules on the figures of the 106 sample returns: every planted inconsistency, little else. */
import { describe, expect, it } from 'vitest';
import { flagId, runRules } from '../../../main/core/reconcile/run-rules';
import type { FlagDraft, RuleFigure } from '../../../main/core/reconcile/types';
import { answerKey, type AnswerKey } from '../../helpers/samples';
import { makeContext } from './fixtures';

/** Import order: files named in an issue's `files` come last, in that order (a resubmission is later). */
function importOrder(key: AnswerKey): { order: string[]; superseded: Set<string> } {
  const chains = key.issues.filter((i) => i.files && i.files.length > 1).map((i) => i.files!);
  const late = new Set(chains.flat());
  const order = [...key.files.filter((f) => !late.has(f)), ...chains.flat()];
  return { order, superseded: new Set(chains.flatMap((c) => c.slice(0, -1))) };
}

function sampleFigures(key: AnswerKey): RuleFigure[] {
  const { order, superseded } = importOrder(key);
  const fileId = new Map(order.map((f, i) => [f, i + 1]));
  return key.values.map((v, i) => {
    const id = fileId.get(v.file)!;
    return {
      id: i + 1, fileId: id, file: v.file, fileImportedAt: new Date(Date.UTC(2023, 6, 1, 0, 0, id)).toISOString(),
      unit: v.unit, unitName: key.units[v.unit]!, subunit: v.commune, period: `${v.year}-${String(v.month).padStart(2, '0')}`,
      indicator: v.indicator, measure: v.column, role: v.commune ? 'subunit' : 'value', value: v.value, raw: String(v.value),
      sheet: v.sheet, cell: v.cell, superseded: superseded.has(v.file),
    };
  });
}

const monthOf = (d: FlagDraft) => Number(d.period.slice(5, 7));

describe('rules on the sample returns 2023', () => {
  const key = answerKey();
  const units = Object.entries(key.units).map(([code, name]) => ({ code, name, validFrom: '2023-01-01', validTo: null }));
  const ctx = makeContext(units, ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']);
  const flags = runRules(sampleFigures(key), ctx);

  it('flags every planted inconsistency with its rule, unit, month and indicators', () => {
    const counts: Record<string, number> = {};
    for (const f of flags) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    console.log('flags per rule on the samples:', counts, 'total', flags.length);
    const missed = key.issues.filter((issue) => !flags.some((f) => f.rule === issue.rule && f.unit === issue.unit
      && f.period.startsWith(String(issue.year)) && monthOf(f) === issue.month
      && [...f.indicators].sort().join() === [...issue.indicators].sort().join()));
    expect(missed).toEqual([]);
  });

  it('raises few flags beyond the planted ones (at most 5%)', () => {
    const planted = new Set(key.issues.map((i) => `${i.unit}|${i.year}-${String(i.month).padStart(2, '0')}`));
    const extra = flags.filter((f) => !planted.has(`${f.unit}|${f.period}`));
    console.log('flags outside the planted (unit, month) pairs:', extra.map((f) => `${f.rule} ${f.unit} ${f.period}: ${f.message}`));
    expect(extra.length).toBeLessThanOrEqual(Math.floor(flags.length * 0.05));
  });

  it('gives each flag its own id', () => {
    expect(new Set(flags.map(flagId)).size).toBe(flags.length);
  });
});
