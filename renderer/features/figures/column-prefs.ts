/** The indicator columns each user of the machine hid in the figures grid, kept in localStorage. */

const HIDDEN_KEY = 'tonghop.figures.hidden';

/** The indicator columns a user hid, by code: each user of the machine keeps their own. */
export function loadHidden(user: string): Set<string> {
  try {
    const all = JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '{}') as Record<string, unknown>;
    const mine = all[user];
    return new Set(Array.isArray(mine) ? mine.filter((c): c is string => typeof c === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveHidden(user: string, hidden: Set<string>): void {
  let all: Record<string, unknown> = {};
  try { all = JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '{}') as Record<string, unknown>; } catch { /* a damaged entry is replaced */ }
  all[user] = [...hidden];
  localStorage.setItem(HIDDEN_KEY, JSON.stringify(all));
}
