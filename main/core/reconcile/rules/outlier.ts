/**
 * A monthly figure far outside both its unit's own history and its peers in the same month (a typed
 * extra zero): the modified z-score of Iglewicz and Hoaglin, as DHIS2 uses it.
 */
import { message as text, type Message } from '../../../../shared/messages';
import { atRef } from '../format';
import { draft, isActive, isLater, monthOf } from '../figures';
import { median, modifiedZ, range, spread, type Spread } from '../stats';
import type { FlagDraft, OutlierPoint, Rule, RuleContext, RuleFigure } from '../types';

/** Iglewicz–Hoaglin's recommended cut-off for |modified z|. */
const Z_LIMIT = 3.5;
/** Fewer values than this give no history or no peer group worth comparing with. */
const MIN_HISTORY = 3;
const MIN_PEERS = 4;
/** A count off by fewer than 10 is not worth a reviewer's time, whatever its z. */
const MIN_DEVIATION_COUNT = 10;
/** History: the unit's other months within a year either side, so that old levels do not weigh. */
const WINDOW_MONTHS = 12;

type Point = OutlierPoint;

/** A unit's points: indicator -> its months (one point a month, the latest file's). */
export type UnitPoints = Map<string, Point[]>;

/**
 * Monthly within-period figures of units (not communes), for flows and stocks, by unit and
 * indicator. Kept for the figure list it was made from: the checker and the rule share it.
 */
const pointsCache = new WeakMap<RuleFigure[], Map<string, UnitPoints>>();
export function outlierPoints(figures: RuleFigure[], ctx: RuleContext): Map<string, UnitPoints> {
  let byUnit = pointsCache.get(figures);
  if (byUnit) return byUnit;
  byUnit = new Map();
  // Plans are yearly targets repeated each month and rates have their own checks: neither here.
  const wantedKind = new Map<string, boolean>();
  const kindOk = (indicator: string) => {
    let ok = wantedKind.get(indicator);
    if (ok === undefined) wantedKind.set(indicator, (ok = ['flow', 'stock'].includes(ctx.indicators.get(indicator)?.kind ?? '')));
    return ok;
  };
  // Nested maps, not joined keys: a million figures make no key strings. Figures come unit by unit.
  let unit = '';
  let months: Map<string, Map<string, Point>> = new Map();
  const perUnit = new Map<string, Map<string, Map<string, Point>>>();
  for (const f of figures) {
    // Negative figures are negative_value's: one wrong cell, one flag.
    if (!isActive(f) || f.role !== 'value' || f.value < 0 || f.subunit !== null || f.measure !== 'period' || !kindOk(f.indicator)) continue;
    const ym = monthOf(f.period);
    if (!ym) continue;
    if (f.unit !== unit) {
      unit = f.unit;
      months = perUnit.get(unit) ?? perUnit.set(unit, new Map()).get(unit)!;
    }
    const byPeriod = months.get(f.indicator) ?? months.set(f.indicator, new Map()).get(f.indicator)!;
    const prev = byPeriod.get(f.period);
    if (!prev || isLater(f, prev.f)) byPeriod.set(f.period, { f, index: ym.year * 12 + ym.month });
  }
  for (const [u, indicators] of perUnit) {
    const out: UnitPoints = new Map();
    for (const [indicator, byPeriod] of indicators) out.set(indicator, [...byPeriod.values()]);
    byUnit.set(u, out);
  }
  pointsCache.set(figures, byUnit);
  return byUnit;
}

/** indicator -> month -> unit -> point: the units compared in one month. Kept by a checker between checks. */
export type PeerGroups = Map<string, Map<string, Map<string, Point>>>;

export function peerGroups(byUnit: Map<string, UnitPoints>): PeerGroups {
  const peers: PeerGroups = new Map();
  for (const [unit, indicators] of byUnit) addUnitPoints(peers, unit, indicators);
  return peers;
}

/**
 * A unit's points replace its old ones in the peer groups. A group whose values change loses its
 * kept spread; the others keep theirs, so a correction costs one group's spread, not every month's.
 */
export function setUnitPoints(peers: PeerGroups, unit: string, indicators: UnitPoints | undefined): void {
  const fresh = new Map<Map<string, Point>, Point>();
  for (const [indicator, points] of indicators ?? []) for (const p of points) fresh.set(groupOf(peers, indicator, p.f.period), p);
  for (const months of peers.values()) {
    for (const group of months.values()) {
      const after = fresh.get(group);
      if (group.get(unit)?.f.value !== after?.f.value) sharedBaselines.delete(group);
      if (after) group.set(unit, after);
      else group.delete(unit);
    }
  }
}

function addUnitPoints(peers: PeerGroups, unit: string, indicators: UnitPoints): void {
  for (const [indicator, points] of indicators) for (const p of points) groupOf(peers, indicator, p.f.period).set(unit, p);
}

function groupOf(peers: PeerGroups, indicator: string, period: string): Map<string, Point> {
  const months = peers.get(indicator) ?? peers.set(indicator, new Map()).get(indicator)!;
  return months.get(period) ?? months.set(period, new Map()).get(period)!;
}

/**
 * The values to compare with. Where most are 0 the indicator counts occasional events (rehab
 * rounds, seizures): a month with any event is then "unusual" by MAD, so we compare with the
 * months that had events, i.e. with the usual size of an event.
 */
function baseline(values: number[]): { values: number[]; events: boolean; spread?: Spread } {
  const events = median(values) === 0;
  return { values: events ? values.filter((v) => v !== 0) : values, events };
}

/** A baseline's spread, kept with it so a shared peer group's is worked out once. */
function spreadOf(b: Baseline): Spread {
  return (b.spread ??= spread(b.values));
}

function farFrom(x: number, s: Spread, minDeviation: number): boolean {
  return Math.abs(modifiedZ(x, s)) > Z_LIMIT && Math.abs(x - s.median) >= minDeviation;
}

function message(ctx: RuleContext, f: RuleFigure, own: Spread, peers: Spread, expected: { low: number; high: number }): Message {
  return text('outlier', {
    name: ctx.indicatorName(f.indicator), value: f.value, median: own.median, low: expected.low, high: expected.high,
    diff: Math.abs(f.value - own.median), peersMedian: peers.median, at: atRef(f),
  });
}

/**
 * The peers' spread without the unit itself. Among many peers one value does not move a median,
 * so large groups share one spread (computed once): checking 3,321 communes stays linear.
 */
const SHARED_PEERS = 50;
type Baseline = ReturnType<typeof baseline>;
/** Shared spreads, kept with their group for as long as its values stay the same (see setUnitPoints). */
const sharedBaselines = new WeakMap<Map<string, Point>, Baseline>();
function peerBaseline(p: Point, group: Map<string, Point> | undefined): Baseline {
  if (!group) return baseline([]);
  if (group.size <= SHARED_PEERS) return baseline([...group.values()].filter((q) => q.f.unit !== p.f.unit).map((q) => q.f.value));
  let b = sharedBaselines.get(group);
  if (!b) sharedBaselines.set(group, (b = baseline([...group.values()].map((q) => q.f.value))));
  return b;
}

function check(ctx: RuleContext, p: Point, history: Point[], rivals: Baseline): FlagDraft | null {
  const x = p.f.value;
  const minDeviation = ctx.indicators.get(p.f.indicator)?.decimals ? 0 : MIN_DEVIATION_COUNT;
  // Near its peers, a figure is no outlier whatever its history: most figures stop here, cheaply.
  if (rivals.values.length < MIN_PEERS || (x === 0 && rivals.events) || !farFrom(x, spreadOf(rivals), minDeviation)) return null;
  const others = baseline(history.filter((h) => h !== p && Math.abs(h.index - p.index) <= WINDOW_MONTHS).map((h) => h.f.value));
  // A month with no event is the usual month where events are occasional.
  if (others.values.length < MIN_HISTORY || (x === 0 && others.events)) return null;
  const own = spread(others.values);
  const peer = spreadOf(rivals);
  // Both tests, on the same side: a unit that is simply bigger than the others is not an outlier.
  if (!farFrom(x, own, minDeviation)) return null;
  if (Math.sign(x - own.median) !== Math.sign(x - peer.median)) return null;
  const r = range(own, Z_LIMIT);
  const expected = { low: Math.max(0, round2(r.low)), high: round2(r.high) };
  const d = draft('outlier', 'warning', p.f, [p.f.indicator], [p.f], message(ctx, p.f, own, peer, expected));
  return { ...d, expected };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * With `ctx.outlierPeers` (a re-check of some units), `figures` need only be those units': their
 * peers come from the groups the checker keeps, so one unit is checked without reading a million.
 */
export const outlier: Rule = (figures, ctx) => {
  const byUnit = outlierPoints(figures, ctx);
  const peers = ctx.outlierPeers ?? peerGroups(byUnit);
  const out: FlagDraft[] = [];
  for (const [unit, indicators] of byUnit) {
    if (ctx.onlyUnits && !ctx.onlyUnits.has(unit)) continue;
    for (const [indicator, history] of indicators) {
      const months = peers.get(indicator);
      for (const p of history) {
        const d = check(ctx, p, history, peerBaseline(p, months?.get(p.f.period)));
        if (d) out.push(d);
      }
    }
  }
  return out;
};
