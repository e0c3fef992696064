/** The source cell one click away (even after the original file is gone), and demo data in one click. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { onPostgres, storeTarget } from '../helpers/store-target';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('previewing a source cell', () => {
  it('shows the sheet around the cell from the copy kept at import, after the original is gone', async () => {
    fs.mkdirSync(path.join(dir, 'a'));
    const core = createApi({ dbPath: await storeTarget(path.join(dir, 'a')) });
    const original = path.join(dir, 'BC_T01_2023_412.xlsx');
    fs.copyFileSync(path.join(SAMPLES_DIR, 'BC_T01_2023_412.xlsx'), original);
    await core.importFiles({ paths: [original] });
    fs.rmSync(original);
    const p = await core.previewCell({ file: 'BC_T01_2023_412.xlsx', sheet: 'T1', cell: 'D14', radius: 2 });
    expect(p.origin).toBe('B12');
    expect(p.rows[p.target.row]![p.target.col]).toBe('1087');
    expect(p.rows[p.target.row]![0]).toBe('Số hồ sơ định danh điện tử đã thu nhận');
    await expect(core.previewCell({ file: 'BC_T01_2023_412.xlsx', sheet: 'Không có', cell: 'A1' })).rejects.toThrow(/không có trang/);
    await core.close();
  });
});

describe('demo data', () => {
  it('imports a quarter of generated returns for the 21 districts, with flags to review', async () => {
    fs.mkdirSync(path.join(dir, 'b'), { recursive: true });
    const core = createApi({ dbPath: await storeTarget(path.join(dir, 'b')), demo: async () => (await import('../../tools/generate/demo')).writeDemoReturns });
    const cwd = fs.readdirSync(process.cwd()).sort();
    const results = await core.loadDemo({});
    // The returns beside a SQLite store; a shared store keeps their bytes itself, and no folder
    // named after its address appears where the app runs.
    expect(fs.readdirSync(process.cwd()).sort()).toEqual(cwd);
    expect(fs.existsSync(path.join(dir, 'b', 'du-lieu-mau'))).toBe(!onPostgres);
    expect(results.length).toBeGreaterThan(40);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(new Set(results.map((r) => r.unit)).size).toBe(21);
    expect((await core.listFlags({})).length).toBeGreaterThan(0);
    // Each return's source cell is one click away, from the copy beside the store or in it.
    const f = (await core.listFigures({})).find((x) => x.file !== null)!;
    expect((await core.previewCell({ file: f.file!, sheet: f.sheet, cell: f.cell })).rows.flat()).toContain(f.raw);
    await core.close();
  }, 60_000);
});
