/** Figures from the sample returns' answer key, to check what the UI shows against what was written. */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server';

export const SAMPLES = path.resolve(ROOT, '../shared/samples/returns-2023');

interface KeyValue { unit: string; month: number; indicator: string; column: 'period' | 'ytd'; value: number; commune: string | null }

/** A unit's own within-month figure of 1,000 or more that only one file gives (so no resubmission decides it). */
export function bigFigure(month: number): KeyValue {
  const key = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'answer-key.json'), 'utf8')) as { values: KeyValue[] };
  const id = (v: KeyValue) => `${v.unit}|${v.month}|${v.indicator}|${v.column}|${v.commune ?? ''}`;
  const seen = new Map<string, number>();
  for (const v of key.values) seen.set(id(v), (seen.get(id(v)) ?? 0) + 1);
  const early = new Set(['NHA_KH', 'NHA_XD', 'DD_THUNHAN', 'DD_KICHHOAT', 'DVC_TONG']);
  const hit = key.values.find((v) => v.month === month && v.column === 'period' && v.commune === null && v.value >= 1000 && early.has(v.indicator) && seen.get(id(v)) === 1);
  if (!hit) throw new Error('no figure of 1,000 or more in the answer key');
  return hit;
}
