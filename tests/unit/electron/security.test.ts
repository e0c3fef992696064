/** The pure predicates behind navigation and request guards, tried on hostile URLs. */
import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isOwnPage } from '../../../main/electron/security';

const page = 'file:///opt/TongHop/resources/app/dist/renderer/index.html';
const root = 'file:///opt/TongHop/resources/app/dist/renderer';

describe('isOwnPage', () => {
  it.each([
    [page, true],
    [`${page}#/flags`, true],
    [`${page}?x=1#/figures`, true],
    ['file:///opt/TongHop/resources/app/dist/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:5173/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>x</h1>', false],
    ['file://evil-host/opt/TongHop/resources/app/dist/renderer/index.html', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isOwnPage(url, page)).toBe(expected);
  });
});

describe('isAllowedRequest', () => {
  it.each([
    [`${root}/main.js`, true],
    [`${root}/main.css`, true],
    [page, true],
    ['data:image/png;base64,AAAA', true],
    ['blob:file:///1234', true],
    [`${root}/../../../../../etc/passwd`, false],
    ['file:///opt/TongHop/resources/app/dist/renderer-evil/main.js', false],
    ['https://cdn.example.com/react.js', false],
    ['http://127.0.0.1:8080/', false],
    ['ws://127.0.0.1:9222/', false],
    ['ftp://example.com/x', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAllowedRequest(url, root)).toBe(expected);
  });
});
