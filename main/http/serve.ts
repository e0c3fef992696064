/**
 * Browser mode: the same contract over HTTP on 127.0.0.1 (never another interface), and the UI
 * as static files under the same strict CSP as the Electron window. Only our own page gets in:
 * the Host must be our address (DNS rebinding), every request but the first carries the launch's
 * secret in an HttpOnly, SameSite=Strict cookie, and API calls come from our origin only.
 * Where the store has accounts, signing in adds a session cookie of the same kind (a new random
 * token per sign-in, forgotten at sign-out or after a day unused): dispatch checks its person's roles.
 * Every request is answered inside a try: no request can take the server down.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Api, Result } from '../../shared/api';
import { dispatch } from './dispatch';
import type { EdgeSession } from './dispatch';
import { COOKIE_NAME, SESSION_COOKIE, clearedSessionCookie, cookieValue, isOwnHost, isOwnOrigin, isSecret, newSecret, secretCookie, sessionCookie } from './guard';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const MAX_BODY = 1024 * 1024;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

export interface ServeOptions { api: Api; staticDir: string; secret: string; port?: number }
export interface Served {
  /** The server's root, without the secret (for building API addresses). */
  url: string;
  /** The address to open: the root with the secret, exchanged at once for the cookie. */
  openUrl: string;
  close: () => Promise<void>;
}

/** Sign-ins of this launch, by their cookie's token; a session unused this long is forgotten. */
const SESSION_IDLE_MS = 24 * 3600_000;
type Sessions = Map<string, { login: string; credential: string | undefined; seen: number }>;

export function serve({ api, staticDir, secret, port = 0 }: ServeOptions): Promise<Served> {
  let boundPort = port;
  const sessions: Sessions = new Map();
  const server = http.createServer((req, res) => {
    try {
      route({ api, staticDir, secret, port: boundPort, sessions }, req, res);
    } catch {
      fail(res, 500, 'internal', 'Lỗi khi xử lý yêu cầu');
    }
  });
  // A request the HTTP parser cannot read is answered 400 and forgotten, not thrown.
  server.on('clientError', (_err, socket) => { if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n'); else socket.destroy(); });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      boundPort = typeof addr === 'object' && addr ? addr.port : port;
      const url = `http://127.0.0.1:${boundPort}/`;
      resolve({ url, openUrl: `${url}?k=${secret}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

interface RouteOptions { api: Api; staticDir: string; secret: string; port: number; sessions: Sessions }

function route({ api, staticDir, secret, port, sessions }: RouteOptions, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  req.on('error', () => res.destroy());
  if (!isOwnHost(req.headers.host, port)) return fail(res, 421, 'forbidden-host', 'Địa chỉ máy chủ không đúng');
  let pathname: string;
  let key: string | null;
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    pathname = decodeURIComponent(url.pathname);
    key = url.searchParams.get('k');
  } catch {
    return fail(res, 400, 'bad-url', 'Địa chỉ yêu cầu không hợp lệ');
  }
  // 1. The printed address: the secret becomes a cookie, and leaves the address bar at once.
  if (key !== null && req.method === 'GET') {
    if (!isSecret(key, secret)) return fail(res, 403, 'bad-secret', 'Mã truy cập không đúng: hãy mở địa chỉ in ra khi khởi động ứng dụng');
    res.writeHead(303, { 'Set-Cookie': secretCookie(secret), Location: pathname, 'Cache-Control': 'no-store' });
    return void res.end();
  }
  // 2. Everything else needs the cookie.
  if (!isSecret(cookieValue(req.headers.cookie, COOKIE_NAME), secret)) {
    return fail(res, 403, 'no-secret', 'Chưa được phép: hãy mở địa chỉ in ra khi khởi động ứng dụng');
  }
  if (pathname.startsWith('/api/')) return handleApi(api, req, res, pathname.slice(5), port, sessions);
  serveStatic(staticDir, pathname, res);
}

function handleApi(api: Api, req: http.IncomingMessage, res: http.ServerResponse, method: string, port: number, sessions: Sessions): void {
  // Only same-origin JSON posts: a page on another site cannot drive the API.
  if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return fail(res, 405, 'method-not-allowed', 'Chỉ nhận POST application/json');
  }
  if (!isOwnOrigin(req.headers.origin, port)) return fail(res, 403, 'forbidden-origin', 'Nguồn gọi không được phép');
  let size = 0;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => { size += c.length; if (size > MAX_BODY) req.destroy(); else chunks.push(c); });
  req.on('end', () => {
    let args: unknown;
    try { args = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}; } catch {
      return fail(res, 400, 'bad-json', 'Nội dung yêu cầu không phải JSON hợp lệ');
    }
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    const now = Date.now();
    const found = token ? sessions.get(token) : undefined;
    const held = found && now - found.seen <= SESSION_IDLE_MS ? found : undefined;
    if (token && found && !held) sessions.delete(token);
    const session: EdgeSession = { login: held?.login ?? null, credential: held?.credential };
    const before = { ...session };
    dispatch(api, method, args, 'app', session).then(
      (result) => {
        // A new password or sign-in is a new token too; a password changed elsewhere ends this one.
        const changed = session.login !== before.login || session.credential !== before.credential;
        if (token && !changed && held) held.seen = now;
        if (changed || (token && !held) || (method === 'signIn' && result.ok)) {
          if (token) sessions.delete(token);
          if (session.login !== null) {
            // A new token at each sign-in: a token known before it (fixation) signs nobody in.
            const fresh = newSecret();
            sessions.set(fresh, { login: session.login, credential: session.credential, seen: now });
            res.setHeader('Set-Cookie', sessionCookie(fresh));
          } else {
            res.setHeader('Set-Cookie', clearedSessionCookie());
          }
        }
        send(res, statusOf(result), result);
      },
      () => fail(res, 500, 'internal', 'Lỗi khi xử lý yêu cầu'),
    );
  });
}

function fail(res: http.ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { ok: false, error: { code, message } });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function serveStatic(dir: string, pathname: string, res: http.ServerResponse): void {
  const rel = pathname === '/' ? '/index.html' : pathname;
  const file = path.resolve(dir, `.${rel}`);
  if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('Không tìm thấy');
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/**
 * A request the contract could not take (bad arguments, no such method) is the caller's fault: 400.
 * An answer the core gave on purpose ("no such file", "not now") is an answer, sent as 200 in its
 * envelope, so the page's console does not report every "not found" as a failed load.
 */
function statusOf(result: Result<unknown>): number {
  if (result.ok) return 200;
  if (result.error.code === 'internal') return 500;
  if (result.error.code === 'forbidden-role') return 403;
  if (result.error.code === 'sign-in-required') return 401;
  return REQUEST_ERRORS.has(result.error.code) ? 400 : 200;
}

const REQUEST_ERRORS = new Set<string>(['invalid-arguments', 'unknown-method', 'forbidden-sender', 'forbidden-argument']);
