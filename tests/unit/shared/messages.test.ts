/**
 * Every message code has a wording in Vietnamese and in English: the sample parameters below are
 * typed by code, so a code added without them does not compile, and each is worded in both languages.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, message, messageFromJson, periodWordsEn, periodWordsVi, wordMessage, type At, type FigureRef, type MessageCode, type MessageParams } from '../../../shared/messages';

// ASCII names, so any Vietnamese letter in an English wording comes from the sentence itself.
const fig = (value: number, extra: Partial<FigureRef> = {}): FigureRef => ({ name: 'Cases', value, ...extra });
const at: At = { unitName: 'District A', subunit: 'Commune B', period: '2023-05', file: 'BC_T05.xlsx', sheet: 'T5', cell: 'D15' };
const none = {} as Record<string, never>;

const SAMPLES: { [K in MessageCode]: MessageParams[K] } = {
  negative_value: { figure: fig(-3), at, also: [{ value: -2, subunit: 'Commune C', ytd: true, file: 'f.xlsx', sheet: 'S', cell: 'E9' }] },
  non_integer_count: { figure: fig(2.5), fraction: 0.5, countUnit: 'cases', at, also: [] },
  child_exceeds_parent: { hits: [{ child: fig(12), parent: fig(10, { ytd: true }), diff: 2 }], at },
  participants_lt_sessions: { hits: [{ participants: fig(3), sessions: fig(5), short: 2 }], at },
  sum_mismatch: { hits: [{ total: fig(10), parts: [{ name: 'Guns', value: 4 }, { name: 'Knives', value: 5 }], sum: 9, diff: 1 }], at },
  parts_exceed_total: { hits: [{ total: fig(8), parts: [{ name: 'Guns', value: 4 }, { name: 'Knives', value: 5 }], sum: 9, over: 1 }], at },
  plan_exceeded: { hits: [{ actual: fig(120, { ytd: true }), plan: fig(100), over: 20, percent: 120 }], at },
  rate_mismatch: { hits: [{ rate: fig(50, { pct: true }), numerator: fig(3), denominator: fig(10), computed: 30, off: 20 }], at },
  rate_out_of_range: { hits: [{ rate: fig(130, { pct: true }), below: null, above: 30, computed: { numerator: 13, denominator: 10, rate: 130 } }], at },
  ytd_decrease: { figure: fig(5, { ytd: true }), previousPeriod: '2023-04', previous: 8, drop: 3, month: 1, at },
  ytd_mismatch: { figure: fig(15, { ytd: true }), previous: 10, month: 3, expected: 13, diff: 2, at },
  outlier: { name: 'Cases', value: 900, median: 100, low: 50, high: 150, diff: 800, peersMedian: 90, at },
  missing_return: { period: '2023-05', unitName: 'District A' },
  conflicting_resubmission: { file: 'b.xlsx', against: [{ file: 'a.xlsx', changes: [{ name: 'Cases', subunit: null, ytd: true, before: 3, after: 4, cell: 'D9' }] }], place: at },
  commune_total_mismatch: { hits: [{ communes: 3, name: 'Cases', ytd: false, sum: 9, totalRow: true, total: 10, where: at }], place: at },
  detail_summary_mismatch: { hits: [{ kind: 'sheet', sheet: 'Detail', name: 'Cases', ytd: false, value: 9, cell: 'D9', other: 10, otherSheet: 'Summary', otherCell: 'E9' },
    { kind: 'months', sheet: 'Wide', name: 'Cases', ytd: false, value: 9, cell: 'H9', other: 10, months: 6 }], at },
  formula_no_cache: { cell: 'D4', label: 'Cases', formula: 'SUM(D1:D3)', unitName: 'District A', period: '2023-05', file: 'a.xlsx', sheet: 'S' },
  unmapped_label: { label: 'Odd label', suggestions: [{ name: 'Cases', indicator: 'CASES' }], files: 2, places: [{ unitName: 'District A', period: '2023-Q2', file: 'a.xlsx', sheet: 'S', cell: 'B7' }, { unitName: 'District B', period: '2023-Q2', file: 'b.xlsx', sheet: 'S', cell: 'B8' }] },
  'import.refused': { file: 'a.xlsx', sheet: 'S', cell: 'D4', reason: message('refused.formula-no-cache', { cell: 'D4', formula: 'SUM(D1:D3)' }) },
  'import.skipped': { file: 'Công văn.docx', kind: 'word' },
  'refused.damaged': none, 'refused.encrypted': none, 'refused.numbers': none, 'refused.text': none, 'refused.html': none,
  'refused.pdf': none, 'refused.word': none, 'refused.image': none, 'refused.zip': none, 'refused.empty': none, 'refused.unknown': none,
  'refused.zip-guard': { problem: 'zip-ratio', detail: 'ratio 900' },
  'refused.xml-doctype': { part: 'xl/workbook.xml' },
  'refused.too-large': { megabytes: 31.25, limit: 30 },
  'refused.zip-entry-too-large': { limit: 200 },
  'refused.too-many-sheets': { count: 300, limit: 200 },
  'refused.too-many-merges': { count: 20000, limit: 10000 },
  'refused.too-many-cells': { limit: 2000000 },
  'refused.too-slow': { seconds: 60 },
  'refused.too-slow-sheet': { seconds: 60 },
  'refused.unreadable': { detail: 'bad header' },
  'refused.unreadable-content': { detail: 'bad header' },
  'refused.internal': { detail: 'boom' },
  'refused.other': { vi: 'plain words' },
  'refused.empty-workbook': none, 'refused.no-table': none, 'refused.period-unknown': none, 'refused.unit-unknown': none,
  'refused.formula-no-cache': { cell: 'D4', formula: 'SUM(D1:D3)' },
  'refused.unit-ambiguous': { evidence: 'title', units: [{ name: 'A', code: '412' }, { name: 'A', code: '512' }] },
  'refused.unit-not-valid': { code: '412', month: '2025-07' },
  'note.duplicate': { of: 'a.xlsx' },
  'note.hidden-sheet': { sheet: 'Old' },
  'note.period-conflict': { title: { span: 'month', month: 5, year: 2023 }, file: { span: 'Q2', month: null, year: 2023 } },
  'note.unit-conflict': { evidence: 'title', unit: { name: 'A', code: '412' }, other: 'file-code', otherUnit: { name: 'B', code: '413' } },
  'note.ignored-column': { sheet: 'S', column: 'F', header: 'Notes' },
  'note.cell-skipped': { sheet: 'S', cell: 'D9', why: 'text' },
  'note.held': { periods: ['2023-05'] },
  'note.other': { vi: 'plain words' },
  'note.hidden-row': { sheet: 'S', row: 9, label: 'Cases' },
};

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** What a return must literally contain ("Nội dung", "tháng 5 năm 2023") is quoted, in either language. */
const unquoted = (s: string) => s.replace(/“[^”]*”/g, '');

describe('messages', () => {
  it('has a sample for every code, and every code is worded', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...MESSAGE_CODES].sort());
  });

  for (const code of MESSAGE_CODES) {
    it(`words ${code} in Vietnamese and in English`, () => {
      const m = message(code, SAMPLES[code]);
      const vi = wordMessage(m, 'vi');
      const en = wordMessage(m, 'en');
      expect(vi.length).toBeGreaterThan(8);
      expect(en.length).toBeGreaterThan(8);
      expect(en).not.toBe(vi);
      expect(unquoted(en)).not.toMatch(VIETNAMESE);
      // Survives the store: JSON out and back gives the same words.
      expect(wordMessage(messageFromJson(JSON.stringify(m))!, 'en')).toBe(en);
    });
  }

  it('writes numbers the Vietnamese way in Vietnamese and the English way in English', () => {
    const m = message('negative_value', { figure: fig(-3912.5), at, also: [] });
    expect(wordMessage(m, 'vi')).toContain('Cases (-3.912,5) là số âm, dưới 0 là 3.912,5 — Commune B, District A, tháng 5/2023, tệp BC_T05.xlsx, trang T5, ô D15');
    expect(wordMessage(m, 'en')).toBe('Cases (-3,912.5) is negative, 3,912.5 below zero — Commune B, District A, May 2023, file BC_T05.xlsx, sheet T5, cell D15');
  });

  it('words every kind of period in both languages', () => {
    expect(['2023-03', '2023-Q2', '2023-H1', '2023-H2', '2023-9M', '2023'].map(periodWordsVi))
      .toEqual(['tháng 3/2023', 'quý II/2023', '6 tháng đầu năm 2023', '6 tháng cuối năm 2023', '9 tháng đầu năm 2023', 'năm 2023']);
    expect(['2023-03', '2023-Q2', '2023-H1', '2023-H2', '2023-9M', '2023'].map(periodWordsEn))
      .toEqual(['March 2023', 'Q2 2023', 'first half of 2023', 'second half of 2023', 'first nine months of 2023', 'year 2023']);
  });

  it('refuses a stored message whose code it does not know', () => {
    expect(messageFromJson('{"code":"no-such-code","params":{}}')).toBeNull();
    expect(messageFromJson(null)).toBeNull();
  });
});
