/** A figure below zero: counts, areas, rates and plans are never negative. */
import { fmt, named } from '../format';
import { isActive } from '../figures';
import { cellFlags } from '../cells';
import type { Rule } from '../types';

export const negativeValue: Rule = (figures, ctx) =>
  cellFlags('negative_value', 'error', figures.filter((f) => isActive(f) && f.value < 0), (f) => `${named(ctx, f)} là số âm, dưới 0 là ${fmt(-f.value)}`);
