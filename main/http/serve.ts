/**
 * Browser mode: the same contract over HTTP on 127.0.0.1 (never another interface), and the UI
 * as static files under the same strict CSP as the Electron window.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Api } from '../../shared/api';
import { dispatch } from './dispatch';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const MAX_BODY = 1024 * 1024;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

export interface ServeOptions { api: Api; staticDir: string; port?: number }

export function serve({ api, staticDir, port = 0 }: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return void handleApi(api, req, res, url.pathname.slice(5));
    serveStatic(staticDir, url.pathname, res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      resolve({ url: `http://127.0.0.1:${p}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

function handleApi(api: Api, req: http.IncomingMessage, res: http.ServerResponse, method: string): void {
  // Only same-origin JSON posts: a page on another site cannot drive the API.
  if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return send(res, 405, { ok: false, error: { code: 'method-not-allowed', message: 'Chỉ nhận POST application/json' } });
  }
  const origin = req.headers.origin;
  if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, { ok: false, error: { code: 'forbidden-origin', message: 'Nguồn gọi không được phép' } });
  let size = 0;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => { size += c.length; if (size > MAX_BODY) req.destroy(); else chunks.push(c); });
  req.on('end', async () => {
    let args: unknown;
    try { args = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}; } catch {
      return send(res, 400, { ok: false, error: { code: 'bad-json', message: 'Nội dung yêu cầu không phải JSON hợp lệ' } });
    }
    send(res, 200, await dispatch(api, method, args));
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function serveStatic(dir: string, pathname: string, res: http.ServerResponse): void {
  const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(dir, `.${rel}`);
  if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('Không tìm thấy');
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}
