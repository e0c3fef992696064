/**
 * One shared copy of each distinct text. The store hands every row fresh strings: a million figures
 * hold a few hundred distinct periods, indicators, sheets and cells, and keeping one copy of each
 * spares the memory and the collector's time. Rows come file by file, so a column mostly repeats
 * the row before: that is asked first.
 */
export function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  let last = '';
  return (s) => {
    if (s === last) return last;
    let known = seen.get(s);
    if (known === undefined) seen.set(s, (known = s));
    return (last = known);
  };
}
