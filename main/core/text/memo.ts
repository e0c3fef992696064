/**
 * Memoise a pure string function. Returns repeat the same labels, headings and names from file to
 * file, so folding each once pays; the cache is dropped when full so memory stays bounded.
 */
export function memo<R>(fn: (s: string) => R, max = 50_000): (s: string) => R {
  let cache = new Map<string, R>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const r = fn(s);
    if (cache.size >= max) cache = new Map();
    cache.set(s, r);
    return r;
  };
}
