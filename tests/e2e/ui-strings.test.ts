/**
 * The UI's words: every string goes through t() (no text typed into JSX), every key the code
 * uses is in the Vietnamese resources, and English has exactly the same keys — so a screen can
 * never show a key name or leave English in the Vietnamese UI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/server';

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const renderer = path.join(ROOT, 'renderer');
const vi = JSON.parse(fs.readFileSync(path.join(renderer, 'i18n/vi.json'), 'utf8')) as Tree;
const en = JSON.parse(fs.readFileSync(path.join(renderer, 'i18n/en.json'), 'utf8')) as Tree;
const files = sources(renderer).map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));

describe('UI strings', () => {
  it('English has exactly the Vietnamese keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('every literal key the code asks for exists', () => {
    const known = new Set(keys(vi));
    const missing = files.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)].map((m) => m[1]!).filter((k) => !known.has(k)).map((k) => `${file}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('every key built from a value has its whole family', () => {
    // t(`rules.${rule}`) and the like: the families the screens build keys in.
    const families: Record<string, string[]> = {
      nav: ['import', 'entry', 'mapping', 'figures', 'flags', 'status', 'trend', 'export', 'audit', 'settings'],
      severity: ['error', 'warning', 'info'],
      flagStatus: ['open', 'resolved'],
      measure: ['period', 'ytd'],
      'import.status': ['imported', 'duplicate', 'rejected', 'held'],
      'import.received': ['notDay', 'future'],
      status: ['onTime', 'late', 'missing', 'notDue', 'approved', 'held'],
      'entry.sources': ['paper', 'phone', 'fax', 'letter'],
      'status.periodType': ['month', 'quarter', 'half', 'nine-months', 'year'],
      resolve: ['accept', 'correct', 'choose'],
    };
    const known = new Set(keys(vi));
    for (const [family, members] of Object.entries(families)) for (const m of members) expect(known, `${family}.${m}`).toContain(`${family}.${m}`);
    const rules = fs.readdirSync(path.join(ROOT, 'main/core/reconcile/rules')).map((f) => f.replace(/\.ts$/, '').replace(/-/g, '_'));
    for (const rule of rules) expect(known, `rules.${rule}`).toContain(`rules.${rule}`);
  });

  it('no words are typed straight into JSX', () => {
    // Text with a letter in it right after a tag, other than the language names shown in their
    // own language. Code characters (; = ( ) [ ]) mean a TypeScript generic, not JSX text.
    const allowed = new Set(['Tiếng Việt', 'English']);
    const typed = files.filter((f) => f.file.endsWith('.tsx')).flatMap(({ file, text }) =>
      [...text.matchAll(/<\/?[A-Za-z][^<>]*>([^<>{};=()[\]]*\p{L}[^<>{};=()[\]]*)</gu)].map((m) => m[1]!.trim()).filter((s) => s && !allowed.has(s)).map((s) => `${file}: ${s}`));
    expect(typed).toEqual([]);
  });
});
