/**
 * Browser mode attacked as a neighbour would: raw HTTP requests with a rebound Host, no cookie,
 * a guessed cookie, another site's Origin, a malformed address, a path to write in the body.
 * Each is refused, nothing is written, and the server still answers its own page afterwards.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/api/create-api';
import { createApi } from '../../../main/core/api/create-api';
import { newSecret } from '../../../main/http/guard';
import { serve } from '../../../main/http/serve';

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

let core: Core;
let server: Awaited<ReturnType<typeof serve>>;
let port: number;
let work: string;
const secret = newSecret();
const cookie = `tonghop_k=${secret}`;

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers }, setHost: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString('utf8'); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const callApi = (method: string, args: object, headers: Record<string, string> = {}) =>
  request({ path: `/api/${method}`, method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers }, body: JSON.stringify(args) });

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-attack-'));
  const staticDir = path.join(work, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tổng Hợp</title>');
  core = createApi({ dbPath: path.join(work, 'store.db') });
  server = await serve({ api: core, staticDir, secret });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server.close();
  await core.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('browser mode refuses', () => {
  it('prints an address carrying the secret, which it exchanges for an HttpOnly, SameSite=Strict cookie', async () => {
    expect(server.openUrl).toBe(`http://127.0.0.1:${port}/?k=${secret}`);
    const r = await request({ path: `/?k=${secret}` });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const set = String(r.headers['set-cookie']);
    expect(set).toContain(`tonghop_k=${secret}`);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect((await request({ path: '/', headers: { Cookie: cookie } })).body).toContain('Tổng Hợp');
  });

  it('a wrong secret in the address', async () => {
    const r = await request({ path: `/?k=${newSecret()}` });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('a rebound host name, even with the right cookie', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `localhost`, '']) {
      const r = await callApi('listFiles', {}, { Host: host });
      expect(r.status, host).toBe(421);
      expect(r.body).not.toContain('"ok":true');
    }
    expect((await callApi('listFiles', {}, { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('an API call without the cookie, or with a guessed one', async () => {
    for (const c of [undefined, 'tonghop_k=', `tonghop_k=${newSecret()}`, `tonghop_k=${secret.slice(0, -1)}`, `other=${secret}`]) {
      const r = await request({ path: '/api/listFiles', method: 'POST', headers: { 'Content-Type': 'application/json', ...(c ? { Cookie: c } : {}) }, body: '{}' });
      expect(r.status, c).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'no-secret' } });
    }
    // The page itself is not served without it either.
    expect((await request({ path: '/' })).status).toBe(403);
  });

  it('a call from another site’s page', async () => {
    const r = await callApi('listFiles', {}, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden-origin' } });
  });

  it('a malformed address with 400, and answers the next request', async () => {
    for (const p of ['/%E0%A4%A', '/api/%E0%A4%A', '/%', `/%E0%A4%A?k=${secret}`]) {
      const r = await request({ path: p, headers: { Cookie: cookie } });
      expect(r.status, p).toBe(400);
    }
    expect((await callApi('listFiles', {})).status).toBe(200);
  });

  it('bytes that are not HTTP, and stays up', async () => {
    await new Promise<void>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.end('\x00\x01GARBAGE / HTTP/9\r\n\r\n'));
      s.on('data', () => undefined);
      s.on('close', () => resolve());
      s.on('error', () => resolve());
    });
    expect((await callApi('listFiles', {})).status).toBe(200);
  });

  it('a path to write in the body, and writes nothing', async () => {
    const target = path.join(work, 'written-by-a-page.xlsx');
    const r = await callApi('exportWorkbook', { period: '2023-06', out: target });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden-argument', message: 'Nơi lưu tệp: không được phép ở đây' } });
    expect(fs.existsSync(target)).toBe(false);
    // Without it the workbook comes back as bytes for the page to offer as a download (an office
    // set up first: a store without one has no province to export).
    expect(JSON.parse((await callApi('saveSetup', { province: '40', user: 'kiểm thử' })).body)).toMatchObject({ ok: true });
    const ok = JSON.parse((await callApi('exportWorkbook', { period: '2023-06' })).body) as { ok: boolean; value: { base64: string | null; path: string | null } };
    expect(ok.ok).toBe(true);
    expect(ok.value.path).toBeNull();
    expect(ok.value.base64).toBeTruthy();
  });

  it('a validation error names the field in Vietnamese with its limit', async () => {
    const r = await callApi('resolveFlag', { flagId: 'x', action: 'accept', reason: 'a'.repeat(2001), user: 'A' });
    const body = JSON.parse(r.body) as { error: { message: string; issues: unknown[] } };
    expect(body.error.message).toBe('Lý do: tối đa 2.000 ký tự');
    expect(body.error.issues).toEqual([{ field: 'reason', kind: 'too-long', limit: 2000 }]);
  });
});
