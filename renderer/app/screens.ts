import type { Method } from '../../shared/api';
import type { SessionState } from './session';
import { allows } from './session';
/** The screens, in the order of a clerk's month: import, map labels, look, review, chase, export. */
export const SCREENS = ['import', 'entry', 'mapping', 'figures', 'flags', 'status', 'trend', 'export', 'audit', 'catalog', 'history', 'backup', 'settings', 'accounts'] as const;
export type Screen = (typeof SCREENS)[number];

/**
 * The screens that are their method's work, hidden from a person whose roles do not allow it
 * (shared/roles.ts). The others are readings everyone signed in may see; their buttons say which
 * role they need.
 */
export const SCREEN_NEEDS: Partial<Record<Screen, Method>> = { import: 'startImport', entry: 'enterFigures', mapping: 'mapLabel', accounts: 'listAccounts' };

export function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'import';
}

/** The screens this person sees, in order: all of them in a store without accounts. */
export function visibleScreens(session: SessionState): Screen[] {
  return SCREENS.filter((s) => { const m = SCREEN_NEEDS[s]; return !m || allows(session, m); });
}
