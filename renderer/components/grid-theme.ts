/**
 * AG Grid's look and words for this app: the theme as parameters (the grid injects its own CSS,
 * which the CSP allows as inline style), and its built-in texts in the UI's language.
 */
import { AG_GRID_LOCALE_EN, AG_GRID_LOCALE_VN } from '@ag-grid-community/locale';
import { themeQuartz } from 'ag-grid-community';

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  accentColor: '#8b1a1a',
  headerBackgroundColor: '#f1ece6',
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  wrapperBorderRadius: 4,
});

export function gridLocale(lang: string): Record<string, string> {
  return lang === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_VN;
}
