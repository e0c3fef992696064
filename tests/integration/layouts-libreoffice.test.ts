/**
 * The layouts offices use besides the samples' four (issue 14), each in a workbook LibreOffice
 * wrote from a flat ODS made here: header words split over rows without merges, a row of column
 * letters, a Mã số column, ĐVT ditto marks, the standard columns of statistical forms with their
 * roles (plan, previous period, estimate, year-to-date, same period last year, %, difference),
 * field/value period and sender, a sheet name with stray spaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import type { FodsSheet } from '../helpers/fods';
import { fods } from '../helpers/fods';
import { convertWithLibreOffice, hasLibreOffice } from '../helpers/libreoffice';
import { tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
let core: Core;
beforeAll(async () => { core = createApi({ dbPath: await storeTarget(dir) }); });
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

/** Each sheet list -> a .fods -> the .xlsx LibreOffice writes. */
function viaLibreOffice(files: Record<string, FodsSheet[]>): string[] {
  const src = Object.entries(files).map(([name, sheets]) => {
    const p = path.join(dir, `${name}.fods`);
    fs.writeFileSync(p, fods(sheets));
    return p;
  });
  return convertWithLibreOffice(src, 'xlsx', dir);
}

const FORM_HEAD = [
  ['STT', 'Chỉ tiêu', 'Mã', 'Đơn vị', 'Kế', 'Thực hiện', 'Ước thực', 'Lũy kế', 'Cùng kỳ', 'So sánh (%)', 'Tăng/'],
  [null, null, 'số', 'tính', 'hoạch năm', 'tháng trước', 'hiện tháng 3', 'từ đầu năm', 'năm trước', 'với cùng kỳ', 'giảm'],
  ['A', 'B', 'C', 'D', '1', '2', '3', '4', '5', '6 = 3/5', '7 = 3 - 5'],
];

describe.skipIf(!hasLibreOffice)('layouts of statistical forms, written by LibreOffice', () => {
  it('reads split headings, column letters, Mã số, ditto ĐVT and the form\'s columns by role; stores only the period and year-to-date', async () => {
    const [feb, mar] = viaLibreOffice({
      'bieu-thang-2': [{ name: 'Biểu 01', rows: [
        ['Đơn vị báo cáo: Công an huyện Yên Thành'], ['Kỳ báo cáo: Tháng 2/2024'], [],
        ['STT', 'Chỉ tiêu', 'ĐVT', 'Trong tháng', 'Lũy kế'],
        [1, 'Số đợt tuyên truyền', 'đợt', 3, 6],
        [2, 'Số người nghiện được cai nghiện tại cộng đồng', 'người', 5, 9],
      ] }],
      'bieu-thang-3': [{ name: ' Báo cáo  ', rows: [
        ['Đơn vị báo cáo: Công an huyện Yên Thành'], ['Kỳ báo cáo: Tháng 3/2024'], [],
        ...FORM_HEAD,
        // Previous month 3 agrees with February's file; 7 (not 5) for the addicts does not.
        [1, 'Số đợt tuyên truyền', '01', 'đợt', 40, 3, 4, 10, 2, 200, 2],
        [2, 'Số người nghiện được cai nghiện tại cộng đồng', '02', 'người', null, 7, 6, 15, 6, 100, 0],
        // Ditto: "người" as above; the % says 150 where 2 of 1 is 200.
        [3, '- Trong đó: số người đã từ bỏ được ma túy', '03', '"', null, 1, 2, 4, 1, 150, 1],
      ] }],
    });
    const results = await core.importFiles({ paths: [feb!, mar!] });
    expect(results.map((r) => [r.status, r.unit, r.periods, r.error?.message])).toEqual([
      ['imported', '426', ['2024-02'], undefined], ['imported', '426', ['2024-03'], undefined],
    ]);
    const figs = (await core.listFigures({ all: true })).filter((f) => f.file === path.basename(mar!));
    expect(figs.map((f) => [f.indicator, f.measure, f.value, f.cell]).sort()).toEqual([
      ['CN_NGHIEN', 'period', 6, 'G8'], ['CN_NGHIEN', 'ytd', 15, 'H8'],
      ['CN_TUBO', 'period', 2, 'G9'], ['CN_TUBO', 'ytd', 4, 'H9'],
      ['TT_DOT', 'period', 4, 'G7'], ['TT_DOT', 'ytd', 10, 'H7'],
    ]);
    expect(figs.every((f) => f.sheet === ' Báo cáo  ')).toBe(true);
    const warnings = results[1]!.warnings!.join('\n');
    // The previous month's figure checked against the store: only the one that differs is said.
    expect(warnings).toMatch(/ô F8: ghi 7 cho kỳ trước \(2024-02, CN_NGHIEN\) nhưng đã nhập 5/);
    expect(warnings).not.toMatch(/ô F7:/);
    // The % checked against the figures it compares.
    expect(warnings).toMatch(/ô J9 ghi 150% .* là 200%/);
    expect(warnings).not.toMatch(/ô J7 |ô K7 |ô K9 /);
    expect(warnings).toMatch(/cột E \(“Kế hoạch năm”\) là kế hoạch năm: đọc để đối chiếu/);
  }, 240_000);

  it('marks the figures of an "Ước thực hiện" column as estimates', async () => {
    const [lines] = await core.inspectFiles({ paths: [path.join(dir, 'bieu-thang-3.xlsx')] }).then((r) => r.map((f) => f.lines));
    const g7 = lines!.find((l) => l.cell === 'G7')!;
    expect(g7).toMatchObject({ indicator: 'TT_DOT', columnHeader: 'Ước thực / hiện tháng 3', value: 4, approx: true });
    expect(lines!.find((l) => l.cell === 'H7')).toMatchObject({ indicator: 'TT_DOT', role: 'ytd', approx: false });
  });

  it('reads a column per day with its total, two tables on one sheet, a commune table, the period as a range of days and the sender in the file name', async () => {
    const [file] = viaLibreOffice({
      'BC CA Dien Chau': [
        { name: 'Tổng hợp', rows: [
          ['BÁO CÁO KẾT QUẢ CÔNG TÁC'], ['(Từ ngày 15/02/2024 đến ngày 14/03/2024)'], [],
          ['STT', 'Nội dung', 'ĐVT', 'Ngày 1', 'Ngày 2', 'Ngày 3', 'Ngày 4', 'Ngày 5', 'Tổng'],
          [1, 'Số đợt tuyên truyền', 'đợt', 1, 0, 2, 0, 1, 4],
          // The days add up to 170, the total says 160: read as written, and said.
          [2, 'Số lượt người tham dự tuyên truyền', 'lượt người', 50, 0, 80, 0, 40, 160],
          [],
          ['II. KẾT QUẢ VẬN ĐỘNG GIAO NỘP VŨ KHÍ'],
          ['STT', 'Nội dung', 'ĐVT', 'Trong tháng', 'Lũy kế'],
          [1, 'Súng các loại', 'khẩu', 2, 5],
          [2, 'Kíp nổ', 'cái', 10, 30],
        ] },
        { name: 'Theo xã', rows: [
          ['SỐ LIỆU THEO XÃ'], [],
          ['STT', 'Tên xã', 'Số đợt', 'Số lượt người'],
          [null, null, 'tuyên truyền', 'tham dự tuyên truyền'],
          [1, 'Xã Diễn Kim', 1, 100],
          [2, 'Xã Diễn Hải', 3, 60],
          [null, 'Tổng cộng', 4, 160],
        ] },
      ],
    });
    const [r] = await core.importFiles({ paths: [file!] });
    expect(r, r?.error?.message).toMatchObject({ status: 'imported', unit: '425', periods: ['2024-03'] });
    const figs = (await core.listFigures({ all: true })).filter((f) => f.file === path.basename(file!));
    const own = figs.filter((f) => f.subunit === null).map((f) => [f.sheet, f.cell, f.indicator, f.measure, f.value]).sort();
    expect(own).toEqual([
      ['Tổng hợp', 'D10', 'VK_SUNG', 'period', 2], ['Tổng hợp', 'D11', 'VK_KIP', 'period', 10],
      ['Tổng hợp', 'E10', 'VK_SUNG', 'ytd', 5], ['Tổng hợp', 'E11', 'VK_KIP', 'ytd', 30],
      ['Tổng hợp', 'I5', 'TT_DOT', 'period', 4], ['Tổng hợp', 'I6', 'TT_LUOT', 'period', 160],
    ].sort());
    expect(figs.filter((f) => f.subunit !== null).map((f) => [f.subunit, f.indicator, f.value]).sort()).toEqual([
      ['Xã Diễn Hải', 'TT_DOT', 3], ['Xã Diễn Hải', 'TT_LUOT', 60], ['Xã Diễn Kim', 'TT_DOT', 1], ['Xã Diễn Kim', 'TT_LUOT', 100],
    ]);
    expect(r!.warnings!.join('\n')).toMatch(/ô I6: tổng ghi 160 nhưng các ngày D6:H6 cộng lại được 170/);
    expect(r!.warnings!.join('\n')).not.toMatch(/ô I5:/);
  }, 240_000);
});
