/**
 * The arithmetic the workbook's formulas do, done the same way in TypeScript, so that each formula
 * cell's cached result is the app's own figure. It lives in shared/ because the figures grid's
 * province row adds up by the same rule (a rate from its numerator and denominator).
 */
export { percentOf, round1, sumOrNull } from '../../../shared/figure-math';
