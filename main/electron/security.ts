/**
 * Pure predicates behind the window's guards (navigation, requests, IPC senders), kept apart
 * from Electron so that tests can run them exhaustively.
 */

/** True when `url` is our own page: the same file:// path, whatever its hash or query. */
export function isOwnPage(url: string, pageUrl: string): boolean {
  const a = parse(url);
  const b = parse(pageUrl);
  if (!a || !b || a.protocol !== 'file:' || b.protocol !== 'file:') return false;
  return a.host === b.host && decodeURIComponent(a.pathname) === decodeURIComponent(b.pathname);
}

/**
 * Requests the window may make: files of the app and in-page data. Nothing from a network, so a
 * link or an injected tag cannot load remote content.
 */
export function isAllowedRequest(url: string, appRootUrl: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'devtools:' || u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (u.protocol !== 'file:') return false;
  const root = appRootUrl.endsWith('/') ? appRootUrl : `${appRootUrl}/`;
  return decodeURIComponent(u.href).startsWith(decodeURIComponent(root));
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
