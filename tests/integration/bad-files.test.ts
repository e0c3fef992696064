import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { DEFAULT_LIMITS } from '../../main/core/file/limits';
import {
  makeEmptyWorkbook, makeEncryptedOoxml, makeSheetJsWorkbook, makeEntityBombXlsx, makePasswordXls, makeTruncatedZip,
  makeXlsxWithFormulaNoCache, patchDeclaredSize, pseudoRandomBytes, replaceZipEntry, unzipAll,
} from '../fixtures/make-bad-files';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const GOOD = path.join(SAMPLES_DIR, 'BC_T01_2023_412.xlsx');
const DETAIL = path.join(SAMPLES_DIR, 'H. Đô Lương - BC thang 1-2023.xlsx');

/** The detail sheet's "Tổng cộng" formula saved without its cached result. */
function detailWithoutCachedTotal(): Uint8Array {
  const bytes = new Uint8Array(fs.readFileSync(DETAIL));
  const sheet = unzipAll(bytes).find((e) => /worksheets\/sheet2\.xml$/.test(e.name))!;
  const xml = new TextDecoder().decode(sheet.data as Uint8Array).replace(/(<c r="K23"[^>]*>)(<f[^>]*>[^<]*<\/f>)<v>[^<]*<\/v>/, '$1$2');
  return replaceZipEntry(bytes, sheet.name, xml);
}

const cases: { name: string; bytes: () => Uint8Array; code: string; message: RegExp; cell?: string }[] = [
  { name: 'BC_T01_2023_415 (mat khau).xlsx', bytes: makeEncryptedOoxml, code: 'encrypted', message: /mật khẩu/ },
  { name: 'BC_T01_2023_416.xls', bytes: () => makePasswordXls(), code: 'encrypted', message: /mật khẩu/ },
  { name: 'BC_T01_2023_417.xlsx', bytes: () => makeTruncatedZip(new Uint8Array(fs.readFileSync(GOOD))), code: 'damaged', message: /bị hỏng|cắt cụt/ },
  { name: 'BC_T01_2023_418.xlsx', bytes: () => pseudoRandomBytes(5000), code: 'unknown', message: /không nhận ra định dạng/ },
  { name: 'BC_T01_2023_419.xlsx', bytes: () => new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), code: 'pdf', message: /PDF/ },
  { name: 'bao cao.xls', bytes: () => new TextEncoder().encode('<html><body><table><tr><td>1</td></tr></table></body></html>'), code: 'html', message: /HTML/ },
  { name: 'BC_T01_2023_420.xlsx', bytes: makeEntityBombXlsx, code: 'xml-doctype', message: /DOCTYPE/ },
  // No table at all: refused, saying what was looked for and what was found (its formula among it).
  { name: 'BC_T01_2023_421.xlsx', bytes: makeXlsxWithFormulaNoCache, code: 'no-table', message: /đã thấy trang “[^”]+”: 4 ô số, 0 ô chữ, ô D5 có công thức “=SUM\(D1:D4\)” chưa tính/ },
  { name: 'BC_T01_2023_422.xlsx', bytes: makeEmptyWorkbook, code: 'empty-workbook', message: /không có dữ liệu/ },
  { name: 'BC_T01_2023_423.xlsx', bytes: () => new Uint8Array(0), code: 'empty', message: /rỗng/ },
  { name: 'BC_T01_2023_424.xlsx', bytes: () => patchDeclaredSize(new Uint8Array(fs.readFileSync(GOOD)), 'xl/worksheets/sheet1.xml', 0xfffffff0), code: 'zip-too-large', message: /quá lớn/ },
];

describe('bad files', () => {
  const dir = tempDir();
  let core: Core;
  let db: string;
  beforeAll(async () => {
    db = await storeTarget(dir);
    core = createApi({ dbPath: db });
    for (const c of cases) fs.writeFileSync(path.join(dir, c.name), c.bytes());
  });
  afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it.each(cases)('$name is refused with its message and leaves the store as it was', async (c) => {
    const before = await core.listFigures({ all: true });
    const flagsBefore = await core.listFlags({});
    const [result] = await core.importFiles({ paths: [path.join(dir, c.name)] });
    expect(result).toMatchObject({ file: c.name, status: 'rejected', figures: 0 });
    expect(result!.error!.code).toBe(c.code);
    expect(result!.error!.message).toContain(`tệp “${c.name}”`);
    expect(result!.error!.message).toMatch(c.message);
    if (c.cell) expect(result!.error!.cell).toBe(c.cell);
    expect(await core.listFigures({ all: true })).toEqual(before);
    expect(await core.listFlags({})).toEqual(flagsBefore);
    const record = (await core.listFiles({})).filter((f) => f.name === c.name).at(-1);
    expect(record).toMatchObject({ outcome: 'rejected', error: { code: c.code } });
  });

  it('reads the rest of a file whose one formula has no cached result, and flags that cell with its formula', async () => {
    const name = 'H. Đô Lương - BC thang 1-2023 (chua tinh).xlsx';
    fs.writeFileSync(path.join(dir, name), detailWithoutCachedTotal());
    const [r] = await core.importFiles({ paths: [path.join(dir, name)] });
    expect(r, r?.error?.message).toMatchObject({ status: 'imported' });
    const probe = createApi({ dbPath: ':memory:' });
    const [whole] = await probe.importFiles({ paths: [DETAIL] });
    const all = await probe.listFigures({ all: true });
    await probe.close();
    const got = (await core.listFigures({ all: true })).filter((f) => f.file === name);
    expect(got.some((f) => f.sheet === 'Chi tiết theo xã' && f.cell === 'K23')).toBe(false);
    expect(got).toHaveLength(all.filter((f) => !(f.sheet === 'Chi tiết theo xã' && f.cell === 'K23')).length);
    expect(whole!.status).toBe('imported');
    const flags = (await core.listFlags({ rule: 'formula_no_cache' })).filter((f) => f.figures[0]!.file === name);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: 'error', figures: [{ sheet: 'Chi tiết theo xã', cell: 'K23' }] });
    expect(flags[0]!.message).toMatch(/Ô K23 .*có công thức “=SUM\(/);
  });

  it.each([
    ['NaN', '<c r="D14" t="n"><v>NaN</v></c>'],
    ['1e309', '<c r="D14" t="n"><v>1e309</v></c>'],
    ['#NUM!', '<c r="D14" t="e"><v>#NUM!</v></c>'],
  ])('reads a number cell holding %s as the error cell Excel shows, and the rest of the return', async (label, cellXml) => {
    // Before: NaN refused the whole file on SQLite (stored as NULL) and was kept as a figure on PostgreSQL; an infinity was a figure on both.
    const bytes = new Uint8Array(fs.readFileSync(GOOD));
    const sheet = unzipAll(bytes).find((e) => /worksheets\/sheet1\.xml$/.test(e.name))!;
    const xml = new TextDecoder().decode(sheet.data as Uint8Array);
    expect(xml).toMatch(/<c r="D14"[^>]*><v>1087<\/v><\/c>/);
    const name = `BC_T01_2023_412 (${label.replace(/\W/g, '')}).xlsx`;
    fs.writeFileSync(path.join(dir, name), replaceZipEntry(bytes, sheet.name, xml.replace(/<c r="D14"[^>]*>.*?<\/c>/, cellXml)));
    const [r] = await core.importFiles({ paths: [path.join(dir, name)] });
    expect(r, r?.error?.message).toMatchObject({ status: 'imported', unit: '412', figures: 47 });
    const got = (await core.listFigures({ all: true })).filter((f) => f.file === name);
    expect(got).toHaveLength(47);
    expect(got.every((f) => Number.isFinite(f.value))).toBe(true);
    expect(got.find((f) => f.cell === 'D14')).toBeUndefined();
  });

  it('stops a file that takes longer than the time limit, and reads the next one', async () => {
    const big = path.join(dir, 'BC_T01_2023_425.xlsx');
    fs.writeFileSync(big, makeSheetJsWorkbook('xlsx', [['STT', 'Nội dung', 'Kỳ này'], ...Array.from({ length: 60_000 }, (_, i) => [i, `Chỉ tiêu ${i}`, i])]));
    // 50 ms: no machine parses 180,000 cells that fast, so the limit is always what stops it.
    const hurried = createApi({ dbPath: db, limits: { ...DEFAULT_LIMITS, maxMillis: 50 } });
    const before = await hurried.listFigures({ all: true });
    const [slow] = await hurried.importFiles({ paths: [big] });
    expect(slow).toMatchObject({ status: 'rejected', error: { code: 'too-slow' } });
    expect(slow!.error!.message).toMatch(/quá 0.05 giây/);
    expect(await hurried.listFigures({ all: true })).toEqual(before);
    await hurried.close();
    const [next] = await core.importFiles({ paths: [path.join(SAMPLES_DIR, 'BC_T02_2023_415.xlsx')] });
    expect(next).toMatchObject({ status: 'imported', figures: 48 });
  });

  // Files are read ahead while one is stored: ending the thread for the slow file must not refuse the
  // files queued behind it, and their time limit runs from their own turn, not from the queue.
  it('refuses only the file that takes too long: the files read ahead of it are read by a fresh thread', async () => {
    const slow = path.join(dir, 'BC_T03_2023_400 (cham).xlsx');
    fs.writeFileSync(slow, makeSheetJsWorkbook('xlsx', [['STT', 'Nội dung', 'Kỳ này', 'Lũy kế', 'Cùng kỳ', 'Ghi chú', 'Tỷ lệ'], ...Array.from({ length: 65_000 }, (_, i) => [i, `Chỉ tiêu ${i}`, i, i, i, `ghi chú ${i}`, i / 7])]));
    // A batch is taken in the order its files arrived: the slow one first, the others queued behind it.
    fs.utimesSync(slow, new Date('2023-04-01'), new Date('2023-04-01'));
    const goods = ['BC_T03_2023_412.xlsx', 'BC_T03_2023_414.xlsx', 'BC_T03_2023_418.xlsx'].map((f) => path.join(SAMPLES_DIR, f));
    // 455,000 cells take seconds; a return takes a few milliseconds, a hundred times under the limit.
    const hurried = createApi({ dbPath: await storeTarget(dir, 'read-ahead.db'), limits: { ...DEFAULT_LIMITS, maxMillis: 400 } });
    try {
      const results = await hurried.importFiles({ paths: [slow, ...goods] });
      expect(results.map((r) => [r.file, r.status, r.error?.code ?? null])).toEqual([
        ['BC_T03_2023_400 (cham).xlsx', 'rejected', 'too-slow'],
        ...goods.map((g) => [path.basename(g), 'imported', null]),
      ]);
    } finally {
      await hurried.close();
    }
  });

  it('stops an entry that inflates past the limit though its directory says it is small', async () => {
    const bytes = new Uint8Array(fs.readFileSync(GOOD));
    const part = 'xl/worksheets/sheet1.xml';
    const xml = new TextDecoder().decode(unzipAll(bytes).find((e) => e.name === part)!.data as Uint8Array);
    const padded = xml.replace('</worksheet>', `<!--${' '.repeat(2 * 1024 * 1024)}--></worksheet>`);
    const lying = patchDeclaredSize(replaceZipEntry(bytes, part, padded), part, xml.length);
    const file = path.join(dir, 'BC_T01_2023_426.xlsx');
    fs.writeFileSync(file, lying);
    const strict = createApi({ dbPath: db, limits: { ...DEFAULT_LIMITS, maxEntryBytes: 1024 * 1024 } });
    const before = await strict.listFigures({ all: true });
    const [result] = await strict.importFiles({ paths: [file] });
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'zip-too-large' } });
    expect(result!.error!.message).toMatch(/giải nén ra hơn 1 MB/);
    expect(await strict.listFigures({ all: true })).toEqual(before);
    await strict.close();
  });

  it('goes on with the rest of a batch after a bad file', async () => {
    const results = await core.importFiles({ paths: [path.join(dir, cases[0]!.name), GOOD, path.join(dir, cases[2]!.name)] });
    expect(results.map((r) => r.status).sort()).toEqual(['imported', 'rejected', 'rejected']);
    expect((await core.listFigures({ unit: '412' })).length).toBe(results.find((r) => r.status === 'imported')!.figures);
  });
});
