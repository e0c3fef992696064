/**
 * One effective figure everywhere (issue 13): the latest correction, else the chosen submission,
 * else the latest file. Each case is read back through every consumer — listFigures (effective),
 * getEffective, the export's figures and the flags — so a consumer that let the first correction win
 * or ignored a choice fails here.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { loadFigures } from '../../main/core/export/load-figures';
import { openDb } from '../../main/core/store/open-db';
import type { Flag, FlagFigure } from '../../shared/types';
import { useStoredSamples } from '../helpers/stored-samples';

/** What each consumer says stands for one figure. */
async function everywhere(core: Core, dbPath: string, unit: string, f: Pick<FlagFigure, 'period' | 'indicator' | 'measure'>) {
  const listed = (await core.listFigures({ unit, period: f.period, effective: true }))
    .filter((r) => r.indicator === f.indicator && r.measure === f.measure && r.subunit === null);
  const effective = await core.getEffective({ unit, period: f.period, indicator: f.indicator, measure: f.measure });
  const db = openDb(dbPath, { readonly: true });
  try {
    const exported = loadFigures(db, [Number(f.period.slice(0, 4))]).get(unit, f.period, f.indicator, f.measure);
    return { listed: listed.map((r) => r.value), effective: effective.value, exported: exported?.value, trail: effective.trail, files: listed.map((r) => r.file) };
  } finally {
    db.close();
  }
}

describe('the effective figure, one rule for every consumer', () => {
  const stored = useStoredSamples();
  const dbPath = () => stored.db;

  it('two corrections of one figure: the latest wins in listFigures, getEffective, the export and the flags', async () => {
    const neg = stored.flags.find((f) => f.rule === 'negative_value')!;
    const fig = neg.figures[0]!;
    await stored.core.resolveFlag({ flagId: neg.id, action: 'correct', cell: `${fig.sheet}!${fig.cell}`, value: 12, reason: 'Đơn vị gõ nhầm dấu trừ', user: 'Trần B' });
    await stored.core.reopenFlag({ flagId: neg.id, reason: 'Đơn vị báo lại: số âm là đúng, gõ sai chữ số', user: 'Trần B' });
    await stored.core.resolveFlag({ flagId: neg.id, action: 'correct', cell: `${fig.sheet}!${fig.cell}`, value: -3, reason: 'Theo công văn đơn vị gửi lại', user: 'Lê C' });

    const seen = await everywhere(stored.core, dbPath(), neg.unit, fig);
    expect(seen.listed).toEqual([-3]);
    expect(seen.effective).toBe(-3);
    expect(seen.exported).toBe(-3);
    expect(seen.trail.filter((s) => s.kind === 'correction').map((s) => s.kind === 'correction' && s.newValue)).toEqual([12, -3]);
    // The rules check -3 (a first-correction-wins loader would check 12: no negative value), after a full check too.
    for (const full of [false, true]) {
      if (full) await stored.core.checkFlags({});
      const again = (await stored.core.listFlags({ unit: neg.unit, period: neg.period })).find((f) => f.rule === 'negative_value' && f.figures.some((x) => x.cell === fig.cell));
      expect(again?.figures.find((x) => x.cell === fig.cell)?.value).toBe(-3);
      expect(again?.status).toBe('open');
    }
  });

  it('a superseded file: the later submission stands unless chosen otherwise, the earlier one only with `all`', async () => {
    const c = stored.flags.find((f) => f.rule === 'conflicting_resubmission')!;
    const inUse = c.figures.find((f) => f.inUse === true)!;
    const earlier = c.figures.find((f) => f.inUse === false && f.indicator === inUse.indicator && f.measure === inUse.measure && f.subunit === inUse.subunit)!;
    const seen = await everywhere(stored.core, dbPath(), c.unit, inUse);
    expect([seen.listed, seen.effective, seen.exported]).toEqual([[inUse.value], inUse.value, inUse.value]);
    const all = (await stored.core.listFigures({ unit: c.unit, period: inUse.period, all: true })).filter((r) => r.indicator === inUse.indicator && r.measure === inUse.measure && r.subunit === null);
    expect(new Set(all.map((r) => r.file))).toEqual(new Set([inUse.file, earlier.file]));
  });
  it('a correction and a choice: the chosen submission stands over the later one, its correction with it', async () => {
    const conflict = stored.flags.find((f) => f.rule === 'conflicting_resubmission')!;
    const inUse = conflict.figures.find((f) => f.inUse === true)!;
    const earlier = conflict.figures.find((f) => f.inUse === false && f.indicator === inUse.indicator && f.measure === inUse.measure && f.subunit === inUse.subunit)!;
    expect(earlier.file).not.toBe(inUse.file);
    // 1. The later file's figure corrected: it stands, corrected.
    await stored.core.resolveFlag({ flagId: conflict.id, action: 'correct', cell: `${inUse.sheet}!${inUse.cell}`, value: inUse.value + 1000, reason: 'Sửa theo bản giấy', user: 'Lê C' });
    let seen = await everywhere(stored.core, dbPath(), conflict.unit, inUse);
    expect([seen.listed, seen.effective, seen.exported]).toEqual([[inUse.value + 1000], inUse.value + 1000, inUse.value + 1000]);
    // The two files still differ, now by other figures: the flag is open again, for the choice.
    expect((await stored.core.listFlags({ rule: 'conflicting_resubmission', unit: conflict.unit, period: conflict.period }))[0]?.status).toBe('open');
    // 2. The earlier submission chosen: its value stands everywhere, the later file's correction does not.
    const r = await stored.core.resolveFlag({ flagId: conflict.id, action: 'choose', file: earlier.file, reason: 'Bản sửa lại gửi nhầm', user: 'Lê C' });
    expect(r.flag?.status).toBe('resolved');
    seen = await everywhere(stored.core, dbPath(), conflict.unit, inUse);
    expect(seen.files).toEqual([earlier.file]);
    expect([seen.listed, seen.effective, seen.exported]).toEqual([[earlier.value], earlier.value, earlier.value]);
    expect(seen.trail.filter((s) => s.kind === 'choice')).toEqual([expect.objectContaining({ file: earlier.file, user: 'Lê C' })]);
    // The flags see the chosen file as the one in use, after a full check too.
    await stored.core.checkFlags({});
    const after: Flag | undefined = (await stored.core.listFlags({ rule: 'conflicting_resubmission', unit: conflict.unit, period: conflict.period }))[0];
    expect(after?.figures.filter((f) => f.inUse).map((f) => f.file)).toContain(earlier.file);
    expect(after?.figures.filter((f) => f.inUse).map((f) => f.file)).not.toContain(inUse.file);
  });

});
