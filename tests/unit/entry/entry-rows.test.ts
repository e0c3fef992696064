/** The entry form's offer and refusals, the export's default period, the completeness states: pure, on real catalog rows. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '../../../shared/catalog';
import type { EntryForm, FileRecord, Indicator } from '../../../shared/types';
import { latestMonth } from '../../../renderer/features/export/export-periods';
import { entryRows, offeredText, outgoing } from '../../../renderer/features/entry/entry-rows';
import { submissionOf } from '../../../renderer/features/status/submission-status';

const catalog = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../resources/catalog/indicators.json'), 'utf8')) as CatalogFile;
const indicators: Indicator[] = catalog.indicators.map((i, n) => ({ code: i.code, name: i.name, unit: i.unit, kind: i.kind, group: i.group, groupName: '', parent: i.parent ?? null, decimals: false, rate: i.rate ?? null, sort: n }));
const byKind = (kind: string) => indicators.find((i) => i.kind === kind)!;
const form = (period: string, previousYtd: Record<string, number> = {}): EntryForm => ({ unit: '415', period, current: {}, previousYtd, locked: false });

describe('the entry form', () => {
  const flow = byKind('flow');
  it('offers Lũy kế as last month\'s year-to-date plus this month, January as this month, a stock as the month\'s own figure', () => {
    expect(offeredText(form('2023-03', { [flow.code]: 809 }), flow, '399')).toBe('1.208');
    expect(offeredText(form('2023-01'), flow, '1.234')).toBe('1.234');
    expect(offeredText(form('2023-03'), flow, '399')).toBeNull();
    expect(offeredText(form('2023-03', { [byKind('rate').code]: 50 }), byKind('rate'), '23,7')).toBeNull();
    if (indicators.some((i) => i.kind === 'stock')) expect(offeredText(form('2023-05', {}), byKind('stock'), '12')).toBe('12');
  });

  it('sends typed and offered figures, and names a text that is not a number instead of guessing', () => {
    const rows = entryRows(indicators);
    const other = rows.find((i) => i.code !== flow.code)!;
    const { figures, bad } = outgoing(rows, { [flow.code]: { period: '1.234', ytd: '', ytdEdited: false }, [other.code]: { period: 'mười hai', ytd: '23,7', ytdEdited: true } }, form('2023-01'));
    expect(figures).toHaveLength(3);
    expect(figures).toEqual(expect.arrayContaining([
      { indicator: flow.code, measure: 'period', value: 1234, raw: '1.234' },
      { indicator: flow.code, measure: 'ytd', value: 1234, raw: '1.234' },
      { indicator: other.code, measure: 'ytd', value: 23.7, raw: '23,7' },
    ]));
    expect(bad.map((b) => [b.indicator.code, b.text])).toEqual([[other.code, 'mười hai']]);
  });
});

describe('the export screen', () => {
  it('defaults to the latest month with returns, not the last period in sort order', () => {
    expect(latestMonth(['2023', '2023-01', '2023-06', '2023-H1', '2023-Q2'])).toBe('2023-06');
  });
});

describe('a completeness cell', () => {
  const file = (id: number, receivedAt: string, held = false): FileRecord => ({ id, name: `f${id}`, sha256: '', size: 1, importedAt: receivedAt, receivedAt, outcome: 'imported', unit: '415', periods: ['2023-06'], error: null, supersededBy: null, held });
  const now = new Date(2023, 11, 1);
  it('is received by the 15th, late after it, missing without a return, held while only a held return is there, approved once signed off', () => {
    expect(submissionOf([file(1, '2023-06-15')], '2023-06', { now }).state).toBe('onTime');
    expect(submissionOf([file(1, '2023-06-16')], '2023-06', { now }).state).toBe('late');
    expect(submissionOf([], '2023-06', { now }).state).toBe('missing');
    expect(submissionOf([], '2023-06', { now: new Date(2023, 5, 10) }).state).toBe('notDue');
    expect(submissionOf([file(2, '2023-07-01', true)], '2023-06', { now }).state).toBe('held');
    const approval = { id: 1, unit: '415', period: '2023-06', user: 'B', at: '2023-06-20', reason: null, openFlags: 0 };
    const s = submissionOf([file(1, '2023-06-10'), file(2, '2023-07-01', true)], '2023-06', { now, approval });
    expect(s).toMatchObject({ state: 'approved', resubmitted: false });
    expect(s.held.map((f) => f.id)).toEqual([2]);
    // The office's own deadline: the 5th of the month after.
    const deadlines = { month: { day: 5, monthsAfter: 1 }, quarter: { day: 15, monthsAfter: 0 }, half: { day: 15, monthsAfter: 0 }, 'nine-months': { day: 15, monthsAfter: 0 }, year: { day: 15, monthsAfter: 0 } };
    expect(submissionOf([file(1, '2023-07-04')], '2023-06', { now, deadlines }).state).toBe('onTime');
  });
});
