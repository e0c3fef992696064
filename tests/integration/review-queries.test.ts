/**
 * What the review screens read beside the queue: counts of flags by filter and severity, figures
 * after corrections, indicator groups named by the catalog, and acceptances worded for people.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flag, Severity } from '../../shared/types';
import type { Core } from '../../main/core/api';
import { createApi } from '../../main/core/api';
import { loadCatalog } from '../../main/core/catalog/load-catalog';
import { sampleFiles, tempDir } from '../helpers/samples';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

describe('the review screens\' queries on the stored samples', () => {
  const dir = tempDir();
  let core: Core;
  let flags: Flag[];
  beforeAll(async () => {
    core = createApi({ dbPath: path.join(dir, 'store.db'), now: () => '2023-07-10T08:00:00.000Z' });
    await core.importFiles({ paths: sampleFiles() });
    flags = await core.listFlags({});
  });
  afterAll(() => { core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('counts what listing finds, for every filter, by severity', async () => {
    await core.resolveFlag({ flagId: flags.find((f) => f.severity === 'warning')!.id, action: 'accept', reason: 'Số liệu đúng', user: 'Trần B' });
    const listed = await core.listFlags({});
    const filters = [{}, { status: 'open' as const }, { status: 'resolved' as const }, { unit: '415' }, { rule: 'ytd_mismatch' }, { period: '2023-04' }, { severity: 'error' as const }, { status: 'open' as const, severity: 'warning' as const }];
    for (const filter of filters) {
      const expected = listed.filter((f) => Object.entries(filter).every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v));
      const count = await core.countFlags(filter);
      expect(count, JSON.stringify(filter)).toEqual({
        total: expected.length,
        open: expected.filter((f) => f.status === 'open').length,
        resolved: expected.filter((f) => f.status === 'resolved').length,
        bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, expected.filter((f) => f.severity === s).length])),
      });
      expect(await core.listFlags(filter), JSON.stringify(filter)).toEqual(expected);
    }
    expect((await core.countFlags({})).resolved).toBe(1);
  });

  it('lists figures after corrections only when asked, marking the corrected ones', async () => {
    const neg = flags.find((f) => f.rule === 'negative_value')!;
    const fig = neg.figures[0]!;
    await core.resolveFlag({ flagId: neg.id, action: 'correct', value: Math.abs(fig.value), reason: 'Đơn vị gõ nhầm dấu trừ', user: 'Trần B' });
    const query = { unit: neg.unit, period: fig.period };
    const same = (f: { file: string; sheet: string; cell: string }) => f.file === fig.file && f.sheet === fig.sheet && f.cell === fig.cell;
    const asRead = await core.listFigures(query);
    expect(asRead.find(same)).toMatchObject({ value: fig.value });
    expect(asRead.find(same)).not.toHaveProperty('corrected');
    const effective = await core.listFigures({ ...query, effective: true });
    expect(effective.find(same)).toMatchObject({ value: Math.abs(fig.value), corrected: true, raw: asRead.find(same)!.raw });
    expect(effective.filter((f) => f.corrected)).toHaveLength(1);
    expect(effective).toHaveLength(asRead.length);
    expect((await core.listAudit({})).at(-1)!.target).toBe(
      `Sửa số liệu “Số người lầm lỗi được quản lý, giáo dục, giúp đỡ tại cộng đồng” (trong kỳ) — Huyện Thanh Chương, tháng 2/2023 (tệp ${fig.file}, trang “${fig.sheet}”, ô ${fig.cell})`);
    // The effective value the provenance panel shows is the one the grid shows.
    expect((await core.getEffective({ unit: neg.unit, period: fig.period, indicator: fig.indicator, measure: fig.measure })).value).toBe(Math.abs(fig.value));
  });

  it('names each indicator\'s group as the catalog does', async () => {
    const groups = new Map(loadCatalog().catalog.groups.map((g) => [g.code, g.name]));
    const indicators = await core.listIndicators({});
    for (const i of indicators) expect(i.groupName).toBe(groups.get(i.group));
    expect(new Set(indicators.map((i) => i.groupName)).size).toBe(groups.size);
  });

  it('words an acceptance for people: the rule and unit by name, the month as written', async () => {
    const plan = flags.find((f) => f.rule === 'child_exceeds_parent' && f.unit === '415' && f.period === '2023-04')!;
    await core.resolveFlag({ flagId: plan.id, action: 'accept', reason: 'Đã xác minh với đơn vị', user: 'Lê C' });
    const entry = (await core.listAudit({})).at(-1)!;
    expect(entry.action).toBe('accept-flag');
    expect(entry.target).toBe(`Chấp nhận cảnh báo “Chỉ tiêu ‘trong đó’ lớn hơn chỉ tiêu tổng” — Huyện Quế Phong, tháng 4/2023: ${plan.message}`);
  });
});
