/** The screens, in the order of a clerk's month: import, map labels, look, review, chase, export. */
export const SCREENS = ['import', 'entry', 'mapping', 'figures', 'flags', 'status', 'trend', 'export', 'audit', 'catalog', 'history', 'backup', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'import';
}
