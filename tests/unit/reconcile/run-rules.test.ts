/** The rule set, ids that survive a re-check, and the Vietnamese formats. */
import { describe, expect, it } from 'vitest';
import { fmt, periodLabel } from '../../../main/core/reconcile/format';
import { fnv1a64 } from '../../../main/core/reconcile/hash';
import { figuresSignature, flagId, RULES, runRules } from '../../../main/core/reconcile/run-rules';
import type { RuleFigure } from '../../../main/core/reconcile/types';
import { fig, makeContext } from './fixtures';

const ctx = makeContext();
const breach = (activated: number, id = 0) => [fig({ id: id + 1, indicator: 'DD_THUNHAN', value: 3870 }), fig({ id: id + 2, indicator: 'DD_KICHHOAT', value: activated })];

describe('runRules', () => {
  it('has the sixteen rules and runs only those asked for', () => {
    expect(Object.keys(RULES)).toHaveLength(16);
    expect(runRules(breach(3912), ctx, ['negative_value'])).toEqual([]);
    expect(runRules(breach(3912), ctx).map((f) => f.rule)).toEqual(['child_exceeds_parent']);
    expect(() => runRules([], ctx, ['no_such_rule'])).toThrow(/no_such_rule/);
  });
});

describe('flagId and figuresSignature', () => {
  it('keeps the id while the figures change, and changes the signature', () => {
    const [a] = runRules(breach(3912), ctx, ['child_exceeds_parent']);
    const [b] = runRules(breach(3999, 100), ctx, ['child_exceeds_parent']);
    expect(flagId(a!)).toBe(flagId(b!));
    expect(flagId(a!)).toMatch(/^[0-9a-f]{16}$/);
    expect(figuresSignature(a!)).not.toBe(figuresSignature(b!));
    expect(figuresSignature(a!)).toBe(figuresSignature({ ...a!, figures: [...a!.figures].reverse() }));
  });

  it('tells units, periods, communes and rules apart', () => {
    const [a] = runRules(breach(3912), ctx);
    const other = (p: Partial<RuleFigure>) => runRules([fig({ ...p, indicator: 'DD_THUNHAN', value: 1 }), fig({ ...p, indicator: 'DD_KICHHOAT', value: 2 })], ctx)[0]!;
    const ids = [a!, other({ unit: '425' }), other({ period: '2023-03' }), other({ subunit: 'Xã Tường Sơn' })].map(flagId);
    expect(new Set(ids).size).toBe(4);
  });

  it('is FNV-1a 64', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('gives the ids a byte-by-byte BigInt FNV-1a gives, so resolutions stored earlier still find their flags', () => {
    const reference = (text: string) => {
      let h = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    const texts = ['flag\u241fytd_mismatch\u241f415\u241f2023-05', 'Xã Tường Sơn', 'ĐĐ₫ 🚓', '\u0000\u00ff', 'x'.repeat(1000)];
    for (let i = 0; i < 300; i++) texts.push(String.fromCharCode(...Array.from({ length: i % 40 }, (_, k) => 32 + ((i * 7919 + k * 104729) % 8000))));
    for (const t of texts) expect(fnv1a64(t), JSON.stringify(t)).toBe(reference(t));
  });
});

describe('format', () => {
  it('writes numbers and periods as Vietnamese documents do', () => {
    expect([fmt(3912), fmt(23.7), fmt(-1250)]).toEqual(['3.912', '23,7', '-1.250']);
    expect(['2023-02', '2023-H1', '2023-H2', '2023-Q2', '2023-9M', '2023'].map(periodLabel)).toEqual([
      'tháng 2/2023', '6 tháng đầu năm 2023', '6 tháng cuối năm 2023', 'quý II/2023', '9 tháng đầu năm 2023', 'năm 2023',
    ]);
  });
});
