/**
 * The links between the figures grid and the flag queue, as hash routes, so each screen reads
 * where it was sent from its address (as "#/flags?batch=N" does) and a link can be opened anew.
 */
import type { Measure } from '../../shared/types';

/** A cell of the figures grid: the unit's row (or a commune's under it), an indicator's column. */
export interface FigureTarget { period: string; unit: string; subunit: string | null; indicator: string; measure: Measure }

function params(hash: string): URLSearchParams {
  return new URLSearchParams(hash.split('?')[1] ?? '');
}

/** The flag queue showing just these flags (a cell's open flags). */
export function flagsHref(ids: string[]): string {
  return `#/flags?${ids.map((id) => `flag=${encodeURIComponent(id)}`).join('&')}`;
}

export function flagIdsFromHash(hash: string): string[] {
  return params(hash).getAll('flag').filter((id) => id.length > 0).slice(0, 50);
}

export function figuresHref(target: FigureTarget): string {
  const q = new URLSearchParams({ period: target.period, unit: target.unit, indicator: target.indicator, measure: target.measure });
  if (target.subunit !== null) q.set('subunit', target.subunit);
  return `#/figures?${q.toString()}`;
}

export function figureTargetFromHash(hash: string): FigureTarget | null {
  const q = params(hash);
  const period = q.get('period'), unit = q.get('unit'), indicator = q.get('indicator');
  if (!period || !unit || !indicator) return null;
  return { period, unit, indicator, subunit: q.get('subunit') || null, measure: q.get('measure') === 'ytd' ? 'ytd' : 'period' };
}
