/**
 * What the review screens read beside the queue: counts of flags by filter and severity, figures
 * after corrections, indicator groups named by the catalog, and acceptances worded for people.
 */
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../shared/types';
import { loadCatalog } from '../../main/core/catalog/load-catalog';
import { dispatch } from '../../main/http/dispatch';
import { useStoredSamples } from '../helpers/stored-samples';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

describe('the review screens\' queries on the stored samples', () => {
  const stored = useStoredSamples();

  it('counts what listing finds, for every filter, by severity', async () => {
    await stored.core.resolveFlag({ flagId: stored.flags.find((f) => f.severity === 'warning')!.id, action: 'accept', reason: 'Số liệu đúng', user: 'Trần B' });
    const listed = await stored.core.listFlags({});
    const filters = [{}, { status: 'open' as const }, { status: 'resolved' as const }, { unit: '415' }, { rule: 'ytd_mismatch' }, { period: '2023-04' }, { severity: 'error' as const }, { status: 'open' as const, severity: 'warning' as const }];
    for (const filter of filters) {
      const expected = listed.filter((f) => Object.entries(filter).every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v));
      const count = await stored.core.countFlags(filter);
      expect(count, JSON.stringify(filter)).toEqual({
        total: expected.length,
        open: expected.filter((f) => f.status === 'open').length,
        resolved: expected.filter((f) => f.status === 'resolved').length,
        bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, expected.filter((f) => f.severity === s).length])),
      });
      expect(await stored.core.listFlags(filter), JSON.stringify(filter)).toEqual(expected);
    }
    expect((await stored.core.countFlags({})).resolved).toBe(1);
  });

  it('lists figures after corrections only when asked, marking the corrected ones', async () => {
    const neg = stored.flags.find((f) => f.rule === 'negative_value')!;
    const fig = neg.figures[0]!;
    await stored.core.resolveFlag({ flagId: neg.id, action: 'correct', value: Math.abs(fig.value), reason: 'Đơn vị gõ nhầm dấu trừ', user: 'Trần B' });
    const query = { unit: neg.unit, period: fig.period };
    const same = (f: { file: string | null; sheet: string; cell: string }) => f.file === fig.file && f.sheet === fig.sheet && f.cell === fig.cell;
    const asRead = await stored.core.listFigures(query);
    expect(asRead.find(same)).toMatchObject({ value: fig.value });
    expect(asRead.find(same)).not.toHaveProperty('corrected');
    const effective = await stored.core.listFigures({ ...query, effective: true });
    expect(effective.find(same)).toMatchObject({ value: Math.abs(fig.value), corrected: true, raw: asRead.find(same)!.raw });
    expect(effective.filter((f) => f.corrected)).toHaveLength(1);
    expect(effective).toHaveLength(asRead.length);
    expect((await stored.core.listAudit({})).at(-1)!.target).toBe(
      `Sửa số liệu “Số người lầm lỗi được quản lý, giáo dục, giúp đỡ tại cộng đồng” (trong kỳ) — Huyện Thanh Chương, tháng 2/2023 (tệp ${fig.file}, trang “${fig.sheet}”, ô ${fig.cell})`);
    // The effective value the provenance panel shows is the one the grid shows.
    expect((await stored.core.getEffective({ unit: neg.unit, period: fig.period, indicator: fig.indicator, measure: fig.measure })).value).toBe(Math.abs(fig.value));
  });

  it('names each indicator\'s group as the catalog does', async () => {
    const groups = new Map(loadCatalog().catalog.groups.map((g) => [g.code, g.name]));
    const indicators = await stored.core.listIndicators({});
    for (const i of indicators) expect(i.groupName).toBe(groups.get(i.group));
    expect(new Set(indicators.map((i) => i.groupName)).size).toBe(groups.size);
  });

  it('records a decision whose reason was pasted with an invisible NUL character, as typed without it', async () => {
    // From a desk (HTTP, IPC) through the contract's edge; PostgreSQL's text cannot hold the character.
    const flag = (await stored.core.listFlags({ status: 'open', rule: 'outlier' }))[0]!;
    const r = await dispatch(stored.core, 'resolveFlag', { flagId: flag.id, action: 'accept', reason: 'Đã gọi\u0000 điện xác minh', user: 'Lê\u0000 C' }, 'trusted');
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    expect((await stored.core.listAudit({})).at(-1)).toMatchObject({ action: 'accept-flag', user: 'Lê C', reason: 'Đã gọi điện xác minh' });
  });

  it('words an acceptance for people: the rule and unit by name, the month as written', async () => {
    const plan = stored.flags.find((f) => f.rule === 'child_exceeds_parent' && f.unit === '415' && f.period === '2023-04')!;
    await stored.core.resolveFlag({ flagId: plan.id, action: 'accept', reason: 'Đã xác minh với đơn vị', user: 'Lê C' });
    const entry = (await stored.core.listAudit({})).at(-1)!;
    expect(entry.action).toBe('accept-flag');
    expect(entry.target).toBe(`Chấp nhận cảnh báo “Chỉ tiêu ‘trong đó’ lớn hơn chỉ tiêu tổng” — Huyện Quế Phong, tháng 4/2023: ${plan.message}`);
  });
});
