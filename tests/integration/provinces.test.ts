/**
 * Every province, every year: returns the generator writes for real units of other provinces
 * (Hà Tĩnh, Quảng Bình, Quảng Trị, Hà Nội), before and after the 2025 reform, imported into
 * stores set up for one province or none. Every figure lands under the unit of the key; a return
 * from another province is held; a name two units share is asked, never chosen.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import type { FigureRow, ImportFileResult } from '../../shared/types';
import type { Generated, Layout } from '../../tools/generate/generate';
import { generate, writeGenerated } from '../../tools/generate/generate';
import { provinceUnits } from '../../tools/generate/units';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const root = tempDir();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Returns of `n` real units of a province for some months, written to a folder of their own. */
async function returnsOf(province: string, year: number, months: number[], n: number, seed: number, layouts?: Layout[]): Promise<{ gen: Generated; dir: string }> {
  const dir = fs.mkdtempSync(path.join(root, `p${province}-`));
  const units = provinceUnits(province, `${year}-${String(months[0]).padStart(2, '0')}-01`).slice(0, n);
  const gen = generate({ units, year, months, seed, injectRate: 0, ...(layouts ? { layouts } : {}) });
  await writeGenerated(gen, dir);
  return { gen, dir };
}

const paths = (g: { gen: Generated; dir: string }) => g.gen.files.map((f) => path.join(g.dir, f.name));

/** Figures of the key found under another unit than the key's: must be none. */
function misfiled(gen: Generated, figures: FigureRow[]): string[] {
  const byCell = new Map(figures.map((f) => [`${f.file}|${f.sheet}|${f.cell}`, f]));
  return gen.key.values.flatMap((v) => {
    const f = byCell.get(`${v.file}|${v.sheet}|${v.cell}`);
    return f && f.unit !== v.unit ? [`${v.file} ${v.sheet}!${v.cell}: ${f.unit} ≠ ${v.unit}`] : [];
  });
}

const read = (gen: Generated, figures: FigureRow[]) => {
  const keyed = new Set(gen.key.values.map((v) => `${v.file}|${v.sheet}|${v.cell}`));
  return figures.filter((f) => keyed.has(`${f.file}|${f.sheet}|${f.cell}`)).length;
};

async function store(name: string, province?: string): Promise<Core> {
  const core = createApi({ dbPath: await storeTarget(root, `${name}.db`) });
  if (province) await core.saveSetup({ province, user: 'Lê Thị Tổng Hợp' });
  return core;
}

const statuses = (rs: ImportFileResult[]) => rs.reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});

describe('returns of other provinces', () => {
  it('reads Hà Tĩnh\'s district returns of 2023 in an office set up for Hà Tĩnh, each figure under its own district', async () => {
    const g = await returnsOf('42', 2023, [1, 2, 3], 13, 5);
    const core = await store('ha-tinh', '42');
    const results = await core.importFiles({ paths: paths(g) });
    expect(results.filter((r) => r.status !== 'imported').map((r) => r.error?.message)).toEqual([]);
    const figures = await core.listFigures({ all: true });
    expect(misfiled(g.gen, figures)).toEqual([]);
    expect(read(g.gen, figures) / g.gen.key.values.length).toBeGreaterThan(0.95);
    // Commune rows carry their registry code beside the name as written, a commune of the row's district.
    const communes = figures.filter((f) => f.subunit !== null);
    expect(communes.length).toBeGreaterThan(0);
    const units = await core.listUnits({ at: '2023-02-01' });
    const parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
    expect(communes.every((f) => f.subunitCode && parentOf.get(f.subunitCode) === f.unit)).toBe(true);
    console.log(`Hà Tĩnh 2023: ${results.length} returns, ${figures.length} figures, ${communes.length} commune rows with codes`);
    await core.close();
  }, 120_000);

  it('reads Hà Tĩnh\'s returns without a set-up from their title line, and never under Nghệ An\'s communes of the same names', async () => {
    const g = await returnsOf('42', 2023, [4], 13, 8);
    const core = await store('no-setup');
    const results = await core.importFiles({ paths: paths(g) });
    expect(statuses(results)).toEqual({ imported: 13 });
    const figures = await core.listFigures({});
    expect(misfiled(g.gen, figures)).toEqual([]);
    // Xã Hương Sơn (17317) and Xã Nghi Xuân (17905) of Nghệ An share names with Hà Tĩnh's districts.
    expect(figures.filter((f) => f.unit === '17317' || f.unit === '17905')).toEqual([]);
    const setup = await core.getSetup({});
    expect(setup).toMatchObject({ configured: false, setup: null, proposed: { province: '42', name: 'Tỉnh Hà Tĩnh', files: 13 } });
    await core.close();
  }, 120_000);

  it('reads commune police returns of 2025, after the reform, in Hà Tĩnh and in the new Quảng Trị', async () => {
    const ht = await returnsOf('42', 2025, [8, 9], 12, 3, ['A', 'B', 'D']);
    const qt = await returnsOf('44', 2025, [8], 12, 4, ['A', 'B', 'D']);
    for (const [g, province] of [[ht, '42'], [qt, '44']] as const) {
      const core = await store(`after-${province}`, province);
      const results = await core.importFiles({ paths: paths(g) });
      expect(results.filter((r) => r.status !== 'imported').map((r) => r.error?.message)).toEqual([]);
      expect(new Set(results.map((r) => r.unit)).size).toBe(12);
      const figures = await core.listFigures({});
      expect(misfiled(g.gen, figures)).toEqual([]);
      expect(read(g.gen, figures) / g.gen.key.values.length).toBeGreaterThan(0.95);
      console.log(`${province} 2025: ${results.length} commune returns, ${figures.length} figures`);
      await core.close();
    }
  }, 180_000);

  it('keeps a merged province\'s series: the new Quảng Trị reads old Quảng Bình\'s and old Quảng Trị\'s returns of 2024', async () => {
    const qb = await returnsOf('44', 2024, [5], 8, 6);
    const oldQt = await returnsOf('45', 2024, [5], 10, 7);
    const core = await store('quang-tri', '44');
    const results = await core.importFiles({ paths: [...paths(qb), ...paths(oldQt)] });
    expect(statuses(results)).toEqual({ imported: 18 });
    const figures = await core.listFigures({});
    expect(misfiled(qb.gen, figures)).toEqual([]);
    expect(misfiled(oldQt.gen, figures)).toEqual([]);
    // Its units at a date: both old provinces' districts in 2024, the new province's communes in 2025.
    const at2024 = (await core.listUnits({ at: '2024-05-01' })).filter((u) => u.level === 'district');
    expect(new Set(at2024.map((u) => u.provinceCode))).toEqual(new Set(['44', '45']));
    const at2025 = await core.listUnits({ at: '2025-08-01' });
    expect(at2025.filter((u) => u.level === 'commune').length).toBe(78);
    expect(at2025.filter((u) => u.level === 'province').map((u) => u.name)).toEqual(['Tỉnh Quảng Trị']);
    await core.close();
  }, 120_000);

  it('holds a return from another province sent to an office, naming that province (import --json: status held)', async () => {
    const g = await returnsOf('42', 2023, [6], 3, 9);
    const db = await storeTarget(root, 'nghe-an-cli.db');
    expect(runCli(['setup', '--db', db, '--province', '40', '--user', 'Phạm D']).status).toBe(0);
    const r = runCli(['import', '--db', db, '--json', ...paths(g)]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; figures: number; error: { code: string; message: string } | null });
    expect(lines.map((l) => l.status)).toEqual(['held', 'held', 'held']);
    for (const l of lines) {
      expect(l.figures).toBe(0);
      expect(l.error?.code).toBe('other-province');
      expect(l.error?.message).toMatch(/Tỉnh Hà Tĩnh.*không thuộc Tỉnh Nghệ An/);
    }
    expect(runCli(['figures', '--db', db]).stdout.trim()).toBe('');
    // A person who knows better names the unit: the held file goes in under it, on the audit log.
    const core = createApi({ dbPath: db });
    const assigned = await core.assignUnit({ file: g.gen.files[0]!.name, unit: g.gen.files[0]!.unit, user: 'Phạm D' });
    expect(assigned).toMatchObject({ status: 'imported', unit: g.gen.files[0]!.unit });
    expect((await core.listAudit({})).at(-1)).toMatchObject({ action: 'assign-unit', user: 'Phạm D' });
    await core.close();
  }, 120_000);
});

/** One return written by hand: its title lines and one figure. */
async function handMade(name: string, lines: string[], value: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  for (const l of lines) ws.addRow([l]);
  ws.addRow(['Báo cáo kết quả tháng 5 năm 2023']);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Trong tháng', 'Lũy kế']);
  ws.addRow([1, 'Số đợt tuyên truyền', 'đợt', value, value * 3]);
  const file = path.join(root, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('units of the same name in two provinces', () => {
  it('tells TX Hoàng Mai (Nghệ An) from Quận Hoàng Mai (Hà Nội) by the province line, and asks where nothing tells them apart', async () => {
    const core = await store('same-name');
    const [na, hn, neither] = await core.importFiles({ paths: [
      await handMade('hoang mai a.xlsx', ['CÔNG AN TỈNH NGHỆ AN', 'CÔNG AN HOÀNG MAI'], 4),
      await handMade('hoang mai b.xlsx', ['CÔNG AN THÀNH PHỐ HÀ NỘI', 'CÔNG AN HOÀNG MAI'], 5),
      await handMade('hoang mai c.xlsx', ['CÔNG AN HOÀNG MAI'], 6),
    ] });
    expect(na).toMatchObject({ status: 'imported', unit: '432' });
    expect(hn).toMatchObject({ status: 'imported', unit: '008' });
    expect(neither).toMatchObject({ status: 'rejected', error: { code: 'unit-ambiguous' } });
    expect(neither!.error!.message).toMatch(/Thị xã Hoàng Mai 432.*Quận Hoàng Mai 008|Quận Hoàng Mai 008.*Thị xã Hoàng Mai 432/);
    await core.close();
  });

  it('keeps the type word as evidence: "H. Kỳ Anh" is the district, "TX Kỳ Anh" the town, both in Hà Tĩnh', async () => {
    const core = await store('ky-anh', '42');
    const [h, tx] = await core.importFiles({ paths: [
      await handMade('H. Kỳ Anh T5.2023.xlsx', ['CÔNG AN TỈNH HÀ TĨNH', 'BÁO CÁO'], 1),
      await handMade('TX Kỳ Anh T5.2023.xlsx', ['CÔNG AN TỈNH HÀ TĨNH', 'BÁO CÁO'], 2),
    ] });
    const units = await core.listUnits({ at: '2023-05-01' });
    const name = (code: string | null | undefined) => units.find((u) => u.code === code)?.name;
    expect([h!.status, name(h!.unit)]).toEqual(['imported', 'Huyện Kỳ Anh']);
    expect([tx!.status, name(tx!.unit)]).toEqual(['imported', 'Thị xã Kỳ Anh']);
    await core.close();
  });
});

describe('across the reform: the export under the units of 1 July 2025', () => {
  it('sums old communes into the new ones, and keeps a commune split between two new ones apart, marked and named', async () => {
    // Hà Tĩnh's commune police returns of May 2025: TP Hà Tĩnh's old wards, Phường Đại Nài among them,
    // which 2025 divided between Phường Thành Sen and Phường Hà Huy Tập.
    const wanted = new Set(['18073', '18077', '18079', '18082', '18643']);
    const units = provinceUnits('42', '2025-05-01').filter((u) => wanted.has(u.code));
    const gen = generate({ units, year: 2025, months: [5], seed: 12, injectRate: 0, layouts: ['A'] });
    const dir = fs.mkdtempSync(path.join(root, 'split-'));
    await writeGenerated(gen, dir);
    const db = await storeTarget(root, 'split.db');
    expect(runCli(['setup', '--db', db, '--province', '42', '--agency', 'CÔNG AN TỈNH HÀ TĨNH', '--office', 'PHÒNG THAM MƯU', '--place', 'Hà Tĩnh', '--signer-title', 'Trưởng phòng', '--signer', 'Nguyễn Văn Ký']).status).toBe(0);
    expect(runCli(['import', '--db', db, dir]).stdout).toMatch(/đã nhập 5,/);
    const out = path.join(root, 'split.xlsx');
    const r = runCli(['export', '--db', db, '--period', '2025-05', '--under-units-at', '2025-07-01', '--out', out]);
    expect(r.stderr).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') texts.push(c.value); }));
    // The office's heading and signature, not Nghệ An's defaults.
    expect(texts).toContain('CÔNG AN TỈNH HÀ TĨNH');
    expect(texts.some((t) => /^Hà Tĩnh, ngày/.test(t))).toBe(true);
    expect(texts).toContain('Nguyễn Văn Ký');
    expect(texts.join('\n')).not.toMatch(/NGHỆ AN/);
    // Columns: the new wards, and Đại Nài in a marked column of its own.
    expect(texts).toContain('P. Thành Sen');
    expect(texts).toContain('P. Đại Nài (*)');
    expect(texts.some((t) => /Phường Đại Nài \(mã 18082\) được chia cho Phường Thành Sen \(mã 18073\), Phường Hà Huy Tập \(mã 18652\)/.test(t))).toBe(true);
    // Thành Sen's column holds Nam Hà's, Bắc Hà's and Tân Giang's figures, not Đại Nài's.
    const header = ws.getRow(findRow(ws, 'P. Thành Sen'));
    const col = (label: string) => { let k = 0; header.eachCell((c, n) => { if (c.value === label) k = n; }); return k; };
    const row = ws.getRow(findRow(ws, 'Số đợt tuyên truyền'));
    // The figures as stored (a label the app left for a person is not in any column).
    const stored = runCli(['figures', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l) as FigureRow);
    const key = (code: string) => stored.find((f) => f.unit === code && f.indicator === 'TT_DOT' && f.measure === 'period')?.value ?? 0;
    expect(row.getCell(col('P. Thành Sen')).value).toBe(key('18073') + key('18077') + key('18079'));
    expect(row.getCell(col('P. Đại Nài (*)')).value).toBe(key('18082'));
  }, 120_000);
});

function findRow(ws: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  ws.eachRow((row, n) => row.eachCell((c) => { if (!found && typeof c.value === 'string' && c.value.includes(text)) found = n; }));
  return found;
}

describe('the district mergers of late 2024', () => {
  it('keeps Lộc Hà, divided between Thạch Hà and TP Hà Tĩnh, in a marked column under the units of 2025', async () => {
    const units = provinceUnits('42', '2024-06-01').filter((u) => ['436', '445', '448'].includes(u.code));
    const gen = generate({ units, year: 2024, months: [6], seed: 21, injectRate: 0, layouts: ['A'] });
    const dir = fs.mkdtempSync(path.join(root, 'loc-ha-'));
    await writeGenerated(gen, dir);
    const core = await store('loc-ha', '42');
    expect(statuses(await core.importFiles({ paths: paths({ gen, dir }) }))).toEqual({ imported: 3 });
    const r = await core.exportWorkbook({ period: '2024-06', underUnitsAt: '2025-01-01' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64!, 'base64') as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') texts.push(c.value); }));
    expect(texts).toContain('Lộc Hà (*)');
    expect(texts.some((t) => /Huyện Lộc Hà \(mã 448\) được chia cho Huyện Thạch Hà \(mã 445\), Thành phố Hà Tĩnh \(mã 436\)|Huyện Lộc Hà \(mã 448\) được chia cho Thành phố Hà Tĩnh \(mã 436\), Huyện Thạch Hà \(mã 445\)/.test(t))).toBe(true);
    // Without the later units each keeps its own column, unmarked.
    const plain = await core.exportWorkbook({ period: '2024-06' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(plain.base64!, 'base64') as unknown as ArrayBuffer);
    const texts2: string[] = [];
    wb2.getWorksheet('Tổng hợp')!.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') texts2.push(c.value); }));
    expect(texts2).toContain('Lộc Hà');
    expect(texts2).not.toContain('Lộc Hà (*)');
    await core.close();
  }, 120_000);
});
