/**
 * The catalog as the office's data (issue 14): a new indicator with a "trong đó" child added from
 * the CLI, a return using them imported, the child-above-parent flag raised, the export showing
 * both rows; every change on the audit log, and a retired indicator no longer matched.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { SOURCE_RESOURCES_DIR } from '../../main/core/source-dirs';
import { openDb } from '../../main/core/store/open-db';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let db: string;
// The CLI on the store: a SQLite file, or on the PostgreSQL run a database's address.
beforeAll(async () => { db = await storeTarget(dir); });

function cli(...args: string[]): unknown[] {
  const r = runCli(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean).map((l) => (l.startsWith('{') ? JSON.parse(l) as unknown : l));
}

async function writeReturn(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow(['CÔNG AN HUYỆN YÊN THÀNH']);
  ws.addRow(['BÁO CÁO THÁNG 3 NĂM 2024']);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Trong tháng', 'Lũy kế']);
  ws.addRow([1, 'Số vụ tai nạn giao thông', 'vụ', 5, 12]);
  ws.addRow([2, '- Trong đó: số vụ có người chết', 'vụ', 7, 9]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('an indicator the office adds', () => {
  it('is matched, checked and exported without a code change', async () => {
    const user = ['--db', db, '--user', 'Trần Văn C'];
    cli('indicators', 'add', ...user, '--code', 'TNGT_VU', '--name', 'Số vụ tai nạn giao thông', '--unit', 'vụ', '--kind', 'flow', '--group', 'VII', '--group-name', 'TAI NẠN GIAO THÔNG');
    cli('indicators', 'add', ...user, '--code', 'TNGT_CHET', '--name', 'Trong đó: số vụ có người chết', '--unit', 'vụ', '--kind', 'flow', '--group', 'VII', '--parent', 'TNGT_VU');
    cli('indicators', 'relate', ...user, '--rule', 'child_exceeds_parent', '--child', 'TNGT_CHET', '--parent', 'TNGT_VU');
    const list = cli('indicators', 'list', '--db', db) as { code: string; parent: string | null }[];
    expect(list.find((i) => i.code === 'TNGT_CHET')).toMatchObject({ parent: 'TNGT_VU' });

    const [imported] = cli('import', '--db', db, '--json', await writeReturn('bc thang 3.xlsx')) as { status: string; unmapped: number; figures: number }[];
    expect(imported).toMatchObject({ status: 'imported', unmapped: 0, figures: 4 });
    cli('check', '--db', db);
    const flags = cli('flags', '--db', db, '--format', 'jsonl') as { rule: string; indicators: string[] }[];
    expect(flags.filter((f) => f.rule === 'child_exceeds_parent').map((f) => f.indicators.sort())).toEqual([['TNGT_CHET', 'TNGT_VU']]);

    const out = path.join(dir, 'tong-hop.xlsx');
    cli('export', '--db', db, '--period', '2024-03', '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') texts.push(c.value); })));
    expect(texts).toEqual(expect.arrayContaining(['Số vụ tai nạn giao thông', 'Trong đó: số vụ có người chết']));

    const audit = cli('audit', '--db', db) as { action: string; user: string; target: string }[];
    expect(audit.filter((a) => a.action.startsWith('catalog-')).map((a) => [a.action, a.target])).toEqual([
      ['catalog-add-group', 'VII'], ['catalog-add-indicator', 'TNGT_VU'], ['catalog-add-indicator', 'TNGT_CHET'], ['catalog-relate', 'TNGT_CHET,TNGT_VU'],
    ]);
  }, 120_000);

  it('is no longer matched once retired, its figures kept', async () => {
    cli('indicators', 'retire', '--db', db, '--user', 'Trần Văn C', '--code', 'TNGT_CHET', '--reason', 'Bộ bỏ chỉ tiêu này');
    const [r] = cli('import', '--db', db, '--json', await writeReturn('bc thang 3 (gui lai).xlsx')) as { status: string; unmapped: number }[];
    expect(r).toMatchObject({ status: 'imported', unmapped: 1 });
    expect((cli('indicators', 'list', '--db', db) as { code: string }[]).some((i) => i.code === 'TNGT_CHET')).toBe(false);
  }, 120_000);
});

describe('the shipped catalog', () => {
  // Every start used to write it again: relations deleted and added anew, and on a shared store a
  // write transaction at each desk's start that told the other desks of a change.
  it('is written once per version of its file: a start with the same file changes nothing, a new file is taken in', async () => {
    const store = await storeTarget(dir, 'shipped.db');
    const relations = async (resourcesDir?: string) => {
      const core = createApi({ dbPath: store, ...(resourcesDir ? { resourcesDir } : {}) });
      await core.close();
      const db = openDb(store);
      try {
        return { ids: db.prepare('SELECT id FROM indicator_relations ORDER BY id').pluck().all(), names: db.prepare('SELECT name FROM indicators ORDER BY code').pluck().all() as string[] };
      } finally { db.close(); }
    };
    const first = await relations();
    expect(first.ids.length).toBeGreaterThan(0);
    // A connection kept open sees SQLite's data_version move when another writes (PostgreSQL gives new relation ids).
    const watcher = store.startsWith('postgres') ? null : openDb(store);
    const version = () => watcher?.prepare('PRAGMA data_version').pluck().get();
    const before = version();
    expect(await relations()).toEqual(first);
    expect(version()).toBe(before);
    watcher?.close();
    // A new version of the file: a renamed indicator.
    const resources = path.join(dir, 'resources');
    fs.cpSync(SOURCE_RESOURCES_DIR, resources, { recursive: true });
    const file = path.join(resources, 'catalog', 'indicators.json');
    const catalog = JSON.parse(fs.readFileSync(file, 'utf8')) as { indicators: { name: string }[] };
    const renamed = `${catalog.indicators[0]!.name} (tên mới)`;
    catalog.indicators[0]!.name = renamed;
    fs.writeFileSync(file, JSON.stringify(catalog));
    expect((await relations(resources)).names).toContain(renamed);
  });
});

