/** A figure below zero: counts, areas, rates and plans are never negative. */
import { message } from '../../../../shared/messages';
import { figureRef } from '../format';
import { isActive } from '../figures';
import { cellFlags } from '../cells';
import type { Rule } from '../types';

export const negativeValue: Rule = (figures, ctx) =>
  cellFlags('negative_value', 'error', figures.filter((f) => isActive(f) && f.value < 0), (f, at, also) => message('negative_value', { figure: figureRef(ctx, f), at, also }));
