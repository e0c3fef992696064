/**
 * The same unit and period sent twice, the earlier file superseded by the later, with different
 * figures: one flag per (unit, period) naming every difference. The later file is the candidate.
 */
import { message, type MessageParams } from '../../../../shared/messages';
import { placeRef } from '../format';
import { draft, groupBy, isLater } from '../figures';
import type { FlagDraft, Rule, RuleContext, RuleFigure } from '../types';

interface Change { before: RuleFigure; after: RuleFigure }

const cellKey = (f: RuleFigure) => `${f.indicator}|${f.measure}|${f.subunit ?? ''}`;

/** The file whose figures hold: the latest not superseded, else the latest of all. */
function candidate(files: RuleFigure[][]): RuleFigure[] {
  const live = files.filter((fs) => !fs[0]!.superseded);
  const pool = live.length > 0 ? live : files;
  return pool.reduce((a, b) => (isLater(b[0]!, a[0]!) ? b : a));
}

function changes(before: RuleFigure[], after: RuleFigure[]): Change[] {
  const now = new Map(after.map((f) => [cellKey(f), f]));
  const out: Change[] = [];
  for (const b of before) {
    const a = now.get(cellKey(b));
    if (a && Math.abs(a.value - b.value) > 1e-9) out.push({ before: b, after: a });
  }
  return out;
}

type Against = MessageParams['conflicting_resubmission']['against'][number];

function describe(ctx: RuleContext, c: Change): Against['changes'][number] {
  return { name: ctx.indicatorName(c.after.indicator), subunit: c.after.subunit, ytd: c.after.measure === 'ytd', before: c.before.value, after: c.after.value, cell: c.after.cell };
}

/** A file by its name, and where two submissions share a name, by when each was imported too. */
function fileName(f: RuleFigure, files: RuleFigure[][]): string {
  const twin = files.some((fs) => fs[0]!.fileId !== f.fileId && fs[0]!.file === f.file);
  return twin ? `${f.file} (nhập ${f.fileImportedAt.slice(0, 16).replace('T', ' ')}, bản số ${f.fileId})` : f.file;
}

function flagFor(ctx: RuleContext, group: RuleFigure[]): FlagDraft | null {
  const files = [...groupBy(group, (f) => String(f.fileId)).values()];
  if (files.length < 2 || !files.some((fs) => fs[0]!.superseded)) return null;
  const keep = candidate(files);
  const parts: Against[] = [];
  const found: Change[] = [];
  for (const old of files.filter((fs) => fs !== keep && fs[0]!.superseded)) {
    const cs = changes(old, keep);
    if (cs.length > 0) parts.push({ file: fileName(old[0]!, files), changes: cs.map((c) => describe(ctx, c)) });
    found.push(...cs);
  }
  if (found.length === 0) return null;
  const key = found[0]!.after;
  // The file in use is named as such: after a reviewer's choice it may be the earlier one.
  const later = isLater(keep[0]!, files.filter((fs) => fs !== keep).map((fs) => fs[0]!).reduce((a, b) => (isLater(b, a) ? b : a)));
  const text = message('conflicting_resubmission', { file: fileName(key, files), against: parts, place: placeRef(key), ...(later ? {} : { chosen: true }) });
  return draft('conflicting_resubmission', 'warning', key, found.map((c) => c.after.indicator), found.flatMap((c) => [c.after, c.before]), text);
}

export const conflictingResubmission: Rule = (figures, ctx) => {
  // Superseded files count here, and only here; total rows repeat other figures and are left out.
  if (!figures.some((f) => f.superseded)) return [];
  const groups = groupBy(figures.filter((f) => f.role !== 'total'), (f) => `${f.unit}|${f.period}`);
  return [...groups.values()].map((g) => flagFor(ctx, g)).filter((d): d is FlagDraft => d !== null);
};
