/** Browser mode's gatekeepers, as pure predicates, against what an attacker would send. */
import { describe, expect, it } from 'vitest';
import { cookieValue, isOwnHost, isOwnOrigin, isSecret, newSecret, secretCookie } from '../../../main/http/guard';

describe('browser mode guard', () => {
  it('takes only our own loopback host and port', () => {
    for (const ok of ['127.0.0.1:5173', 'localhost:5173']) expect(isOwnHost(ok, 5173), ok).toBe(true);
    for (const bad of [undefined, '', '127.0.0.1', 'localhost', '127.0.0.1:5174', 'evil.example:5173', 'LOCALHOST:5173', '127.0.0.1:5173.evil.example', '[::1]:5173', '0.0.0.0:5173', '127.0.0.2:5173', ' 127.0.0.1:5173'])
      expect(isOwnHost(bad, 5173), String(bad)).toBe(false);
  });

  it('takes no origin (a same-origin GET) or ours, nothing else', () => {
    expect(isOwnOrigin(undefined, 80)).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:80', 80)).toBe(true);
    for (const bad of ['null', 'http://evil.example', 'https://127.0.0.1:80', 'http://127.0.0.1:81', 'http://127.0.0.1:80.evil.example', ''])
      expect(isOwnOrigin(bad, 80), bad).toBe(false);
  });

  it('compares secrets whole and reads the cookie among others', () => {
    const s = newSecret();
    expect(s).toMatch(/^[\w-]{43}$/);
    expect(newSecret()).not.toBe(s);
    expect(isSecret(s, s)).toBe(true);
    for (const bad of [null, undefined, '', s.slice(1), `${s}x`, s.toUpperCase() === s ? `${s}1` : s.toUpperCase()]) expect(isSecret(bad, s)).toBe(false);
    expect(cookieValue(`a=1; tonghop_k=${s}; b=2`, 'tonghop_k')).toBe(s);
    expect(cookieValue('xtonghop_k=1', 'tonghop_k')).toBeNull();
    expect(cookieValue(undefined, 'tonghop_k')).toBeNull();
    expect(secretCookie(s)).toBe(`tonghop_k=${s}; HttpOnly; SameSite=Strict; Path=/`);
  });
});
