/**
 * Who may talk to browser mode, as pure predicates (tested exhaustively): only our own address
 * (a rebound DNS name is refused), only a caller holding this launch's secret, only our origin.
 */
import crypto from 'node:crypto';

export const COOKIE_NAME = 'tonghop_k';

/** A fresh secret per launch: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Host must be exactly our loopback address and port: DNS rebinding sends the attacker's name. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A cross-site page sends its own Origin; ours or none (same-origin GET) is accepted. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Constant-time comparison, so the secret cannot be guessed a character at a time. */
export function isSecret(candidate: string | null | undefined, secret: string): boolean {
  if (typeof candidate !== 'string') return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The Set-Cookie header that hands the secret to the page: script cannot read it, no other site sends it. */
export function secretCookie(secret: string): string {
  return `${COOKIE_NAME}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The cookie of a sign-in (browser mode with accounts), beside the launch's secret. */
export const SESSION_COOKIE = 'tonghop_s';

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}
