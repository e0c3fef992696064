/**
 * The figures grid ↔ flag queue links (issue 17): the addresses read back as written (a commune's
 * cell and a year-to-date one included), and a cell's flags gathered once per cell and period.
 */
import { describe, expect, it } from 'vitest';
import type { Flag, FlagFigure } from '../../../shared/types';
import { figureTargetFromHash, figuresHref, flagIdsFromHash, flagsHref } from '../../../renderer/app/links';
import { cellKey, flaggedCells } from '../../../renderer/features/figures/pivot';

function figure(indicator: string, period: string, subunit: string | null = null): FlagFigure {
  return { indicator, period, measure: 'period', subunit, value: 1, file: 'a.xlsx', sheet: 'S', cell: 'D5' };
}

function flag(id: string, unit: string, figures: FlagFigure[]): Flag {
  return { id, rule: 'r', severity: 'error', unit, period: figures[0]!.period, periods: [], indicators: [], figures, message: id, text: null, status: 'open' };
}

describe('flag links', () => {
  it('reads back the flags and the cell an address names', () => {
    const ids = ['sum:420:2023-06:A', 'x&y=z'];
    expect(flagIdsFromHash(flagsHref(ids))).toEqual(ids);
    expect(flagIdsFromHash('#/flags?batch=3')).toEqual([]);
    const commune = { period: '2023-06', unit: '420', subunit: 'Xã Châu Quang', indicator: 'SUNG', measure: 'ytd' as const };
    expect(figureTargetFromHash(figuresHref(commune))).toEqual(commune);
    const unitCell = { ...commune, subunit: null, measure: 'period' as const };
    expect(figureTargetFromHash(figuresHref(unitCell))).toEqual(unitCell);
    expect(figureTargetFromHash('#/figures')).toBeNull();
  });

  it('gathers each cell its flags, once each, for the period shown', () => {
    const a = flag('a', '420', [figure('SUNG', '2023-06'), figure('SUNG', '2023-06'), figure('KIP', '2023-05')]);
    const b = flag('b', '420', [figure('SUNG', '2023-06'), figure('SUNG', '2023-06', 'Xã X')]);
    const cells = flaggedCells([a, b], '2023-06');
    expect(cells.get(cellKey('420', null, 'SUNG', 'period'))).toEqual([a, b]);
    expect(cells.get(cellKey('420', 'Xã X', 'SUNG', 'period'))).toEqual([b]);
    expect(cells.has(cellKey('420', null, 'KIP', 'period'))).toBe(false);
  });
});
