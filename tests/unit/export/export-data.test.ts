/** The numbers of the consolidated workbook, on a store written by hand so every one is known. */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { CellFormulaValue } from 'exceljs';
import type { ExportData, IndicatorRow } from '../../../main/core/export/export-data';
import { buildExportData } from '../../../main/core/export/export-data';
import { exportWorkbook } from '../../../main/core/export/export-workbook';
import type { SyntheticStore } from './synthetic-store';
import { syntheticStore } from './synthetic-store';

let s: SyntheticStore;

beforeAll(() => {
  s = syntheticStore();
  const vinh = s.file('TP Vinh Q2.xlsx', '412');
  [10, 20, 30].forEach((v, k) => s.figure(vinh, '412', `2023-0${k + 4}`, 'NHA_XD', v));
  s.figure(vinh, '412', '2023-06', 'NHA_XD', 100, { measure: 'ytd', cell: 'E12' });
  [100, 200, 300].forEach((v, k) => s.figure(vinh, '412', `2023-0${k + 4}`, 'DVC_TONG', v));
  [50, 50, 100].forEach((v, k) => s.figure(vinh, '412', `2023-0${k + 4}`, 'DVC_TRUCTUYEN', v));
  [500, 510, 520].forEach((v, k) => s.figure(vinh, '412', `2023-0${k + 4}`, 'MH_TONG', v));
  s.figure(vinh, '412', '2023-04', 'NHA_KH', 1000);
  s.figure(vinh, '412', '2023-06', 'NHA_KH', 1200);
  // A commune row and a total row repeat figures: neither is counted.
  s.figure(vinh, '412', '2023-06', 'NHA_XD', 999, { role: 'subunit', subunit: 'Phường Lê Lợi' });
  s.figure(vinh, '412', '2023-06', 'NHA_XD', 999, { role: 'total' });

  const cuaLo = s.file('TX Cửa Lò 6 tháng.xlsx', '413');
  s.figure(cuaLo, '413', '2023-01', 'NHA_XD', 1);
  s.figure(cuaLo, '413', '2023-04', 'NHA_XD', 5);
  s.figure(cuaLo, '413', '2023-06', 'NHA_XD', 7, { cell: 'H12' });
  s.figure(cuaLo, '413', '2023-04', 'DVC_TONG', 10);
  s.figure(cuaLo, '413', '2023-06', 'DVC_TONG', 30);
  s.figure(cuaLo, '413', '2023-04', 'DVC_TRUCTUYEN', 5);
  s.figure(cuaLo, '413', '2023-06', 'DVC_TRUCTUYEN', 15);
  s.figure(cuaLo, '413', '2023-04', 'MH_TONG', 50);
  s.figure(cuaLo, '413', '2023-05', 'MH_TONG', 60);

  const lastYear = s.file('TP Vinh 2022.xlsx', '412');
  [8, 8, 8].forEach((v, k) => s.figure(lastYear, '412', `2022-0${k + 4}`, 'NHA_XD', v));
  s.figure(s.file('TX Cửa Lò 2022.xlsx', '413'), '413', '2022-05', 'NHA_XD', 6);

  // A return replaced by a resubmission does not count.
  const old = s.file('Anh Sơn T6.xlsx', '424');
  s.figure(old, '424', '2023-06', 'NHA_XD', 40);
  const fixed = s.file('Anh Sơn T6 (sửa lại).xlsx', '424');
  s.figure(fixed, '424', '2023-06', 'NHA_XD', 4);
  s.db.prepare('UPDATE files SET superseded_by = ? WHERE id = ?').run(fixed, old);
});

const build = (period: string, extra: Partial<Parameters<typeof buildExportData>[2]> = {}) =>
  buildExportData(s.db, s.catalog, { period, layout: 'units', provinceLabel: 'Toàn tỉnh', ...extra });
const row = (d: ExportData, code: string): IndicatorRow => d.rows.find((r) => r.indicator.code === code)!;
const col = (d: ExportData, name: string) => d.partLabels.indexOf(name);

describe('export data, units layout', () => {
  it('has a column per district unit of the period, with short names, in code order', () => {
    const d = build('2023-Q2');
    expect(d.partLabels).toHaveLength(21);
    expect(d.partLabels.slice(0, 4)).toEqual(['TP Vinh', 'TX Cửa Lò', 'TX Thái Hòa', 'Quế Phong']);
  });

  it('sums a quarter\'s months for flows, naming a missing month; a unit with no figure is empty, not 0', () => {
    const d = build('2023-Q2');
    const r = row(d, 'NHA_XD');
    expect(r.parts[col(d, 'TP Vinh')]!.value).toBe(60);
    expect(r.parts[col(d, 'TX Cửa Lò')]!.value).toBe(12);
    expect(r.parts[col(d, 'TX Cửa Lò')]!.method).toMatch(/chưa có tháng 5\/2023/);
    expect(r.parts[col(d, 'Quế Phong')]!.value).toBeNull();
    expect(r.total.value).toBe(76);
  });

  it('takes the last month for stocks, the latest plan, and recomputes rates from their parts', () => {
    const d = build('2023-Q2');
    expect(row(d, 'MH_TONG').parts[col(d, 'TP Vinh')]!.value).toBe(520);
    expect(row(d, 'MH_TONG').parts[col(d, 'TX Cửa Lò')]!.value).toBe(60);
    expect(row(d, 'MH_TONG').parts[col(d, 'TX Cửa Lò')]!.method).toMatch(/tháng 6\/2023 chưa có số liệu/);
    expect(row(d, 'NHA_KH').parts[col(d, 'TP Vinh')]!.value).toBe(1200);
    const rate = row(d, 'DVC_TYLE');
    expect(rate.parts[col(d, 'TP Vinh')]!.value).toBe(33.3);
    expect(rate.parts[col(d, 'TX Cửa Lò')]!.value).toBe(50);
    expect(rate.total.value).toBe(34.4);
    expect(rate.parts[col(d, 'Quế Phong')]!.value).toBeNull();
  });

  it('uses the year-to-date a unit wrote, else its months from January summed', () => {
    const d = build('2023-06');
    const r = row(d, 'NHA_XD');
    expect(r.parts[col(d, 'TP Vinh')]!.value).toBe(30);
    expect(r.ytdParts[col(d, 'TP Vinh')]!.figure).toMatchObject({ value: 100, fromMonths: false });
    expect(r.ytdParts[col(d, 'TX Cửa Lò')]!.figure).toMatchObject({ value: 13, fromMonths: true });
    expect(r.ytd.value).toBe(117);
  });

  it('compares with the same period last year, and leaves the change empty where there is none', () => {
    const d = build('2023-Q2');
    expect(row(d, 'NHA_XD').lastYear.value).toBe(30);
    expect(row(d, 'NHA_XD').change).toBe(253.3);
    expect(row(d, 'DVC_TONG').lastYear.value).toBeNull();
    expect(row(d, 'DVC_TONG').change).toBeNull();
  });

  it('ignores commune rows, total rows and superseded files', () => {
    const d = build('2023-06');
    expect(row(d, 'NHA_XD').parts[col(d, 'Anh Sơn')]!.value).toBe(4);
    expect(row(d, 'NHA_XD').parts[col(d, 'TP Vinh')]!.sources.map((f) => f.cell)).not.toContain('D999');
  });

  it('applies the latest correction and keeps it in the figure\'s trail', () => {
    const id = (s.db.prepare(`SELECT fg.id FROM figures fg JOIN files f ON f.id = fg.file_id WHERE f.name = 'TX Cửa Lò 6 tháng.xlsx' AND fg.cell = 'H12'`).get() as { id: number }).id;
    const correct = s.db.prepare(`INSERT INTO corrections (figure_id, value, old_value, user, at, reason) VALUES (?, ?, ?, 'Lê C', ?, ?)`);
    correct.run(id, 700, 7, '2023-07-02T09:00:00Z', 'gõ thừa số 0');
    correct.run(id, 70, 700, '2023-07-02T10:00:00Z', 'gõ thiếu số 0');
    const d = build('2023-06');
    const part = row(d, 'NHA_XD').parts[col(d, 'TX Cửa Lò')]!;
    // The latest of two corrections stands (a "first correction wins" would give 700).
    expect(part.value).toBe(70);
    expect(part.sources[0]!.corrections.map((c) => c.value)).toEqual([700, 70]);
    expect(part.sources[0]!.corrections[1]).toMatchObject({ user: 'Lê C', reason: 'gõ thiếu số 0', oldValue: 700 });
    // Corrections are never deleted: a third puts the value as read back, for the tests that follow.
    correct.run(id, 7, 70, '2023-07-02T11:00:00Z', 'trả lại số đọc từ ô');
  });

  it('sums a unit that no longer exists into its successor under the units of a later date, with a note', () => {
    const d = build('2023-Q2', { underUnitsAt: '2025-01-01' });
    expect(d.partLabels).toHaveLength(20);
    expect(d.partLabels).not.toContain('TX Cửa Lò');
    expect(row(d, 'NHA_XD').parts[col(d, 'TP Vinh')]!.value).toBe(72);
    expect(row(d, 'DVC_TYLE').parts[col(d, 'TP Vinh')]!.value).toBe(34.4);
    expect(d.notes.join('\n')).toMatch(/Cửa Lò \(413\) sáp nhập vào Thành phố Vinh \(412\) từ ngày 01\/12\/2024/);
    expect(d.notes.join('\n')).toMatch(/Cột “TP Vinh” gồm cả số liệu của Thị xã Cửa Lò/);
  });
});

describe('export data, periods layout', () => {
  it('has a column per month of the period for one unit, the total by kind', () => {
    const d = build('2023-Q2', { layout: 'periods', unit: '412' });
    expect(d.partLabels).toEqual(['Tháng 4', 'Tháng 5', 'Tháng 6']);
    expect(d.subject).toBe('Thành phố Vinh');
    expect(row(d, 'NHA_XD').parts.map((p) => p.value)).toEqual([10, 20, 30]);
    expect(row(d, 'NHA_XD').total.value).toBe(60);
    expect(row(d, 'MH_TONG').total.value).toBe(520);
    expect(row(d, 'DVC_TYLE').parts.map((p) => p.value)).toEqual([50, 25, 33.3]);
  });

  it('marks a year-to-date made of the months shown, so the sheet can make it a formula', () => {
    const d = build('2023-H1', { layout: 'periods', unit: '413' });
    expect(row(d, 'NHA_XD').parts.map((p) => p.value)).toEqual([1, null, null, 5, null, 7]);
    expect(row(d, 'NHA_XD').ytd).toMatchObject({ value: 13, fromMonths: true });
  });

  it('adds up every unit for the province', () => {
    const d = build('2023-Q2', { layout: 'periods' });
    expect(d.subject).toBe('Toàn tỉnh');
    expect(row(d, 'NHA_XD').parts.map((p) => p.value)).toEqual([15, 20, 41]);
  });
});

describe('the workbook on hand-written figures', () => {
  it('writes totals, rates and changes as formulas whose cached results are the app\'s figures', async () => {
    const out = await exportWorkbook(s.db, { period: '2023-Q2', today: new Date(2023, 6, 3) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const labelRow = (name: string) => ws.getColumn(2).values.findIndex((v) => v === name);
    const r = labelRow('Số nhà ở đã xây dựng, bàn giao cho hộ nghèo');
    expect(ws.getCell(r, 4).value).toBe(60);
    expect(ws.getCell(r, 25).value).toEqual({ formula: `IF(COUNT(D${r}:X${r})=0,"",SUM(D${r}:X${r}))`, result: 76 });
    expect(ws.getCell(r, 28).value).toMatchObject({ result: 253.3 });
    const rate = labelRow('Tỷ lệ hồ sơ tiếp nhận trực tuyến');
    expect(ws.getCell(rate, 4).value).toMatchObject({ formula: expect.stringContaining(`ROUND(D${rate - 1}/D${rate - 2}*100,1)`), result: 33.3 });
    // An empty result is written as <v></v>; exceljs reads it back as no result at all.
    expect((ws.getCell(rate, 6).value as CellFormulaValue).result ?? '').toBe('');
    expect(ws.getCell(r, 6).value).toBeNull();
  });
});
