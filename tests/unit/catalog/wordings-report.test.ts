/**
 * The matcher's report on wordings it was not tuned on (tests/fixtures/wordings/README.md):
 * mapped automatically and right, automatically and wrong (must be 0), first suggestion right,
 * no suggestion. Printed so that the figures can be quoted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../main/core/catalog/load-catalog';
import { buildLabelIndex, matchLabel } from '../../../main/core/catalog/match-label';
import { indexLexicon } from '../../../main/core/catalog/normalize-label';

interface Wording { label: string; unit: string | null; parent: string | null; expected: string | null }

const { catalog, lexicon } = loadCatalog();
const index = buildLabelIndex(catalog.indicators, indexLexicon(lexicon));
const DIR = path.join(__dirname, '../../fixtures/wordings');

export function report(set: Wording[]) {
  const out = { total: set.length, autoRight: 0, autoWrong: 0, firstSuggestionRight: 0, otherSuggestionRight: 0, noSuggestion: 0, heldNoMatch: 0, wrong: [] as string[], misses: [] as string[] };
  for (const w of set) {
    const r = matchLabel(index, w.label, { unit: w.unit, parentAbove: w.parent });
    if (r.indicator !== null) {
      if (r.indicator === w.expected) out.autoRight++;
      else { out.autoWrong++; out.wrong.push(`${w.label} [${w.unit}] → ${r.indicator}`); }
      continue;
    }
    if (w.expected === null) { out.heldNoMatch++; continue; }
    out.misses.push(`${w.label} [${w.unit}] → ${r.suggestions.map((s) => s.indicator).join(',') || '∅'}`);
    if (r.suggestions.length === 0) out.noSuggestion++;
    else if (r.suggestions[0]!.indicator === w.expected) out.firstSuggestionRight++;
    else if (r.suggestions.some((s) => s.indicator === w.expected)) out.otherSuggestionRight++;
  }
  return out;
}

const load = (name: string) => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as Wording[];

describe('the matcher on wordings it was not tuned on', () => {
  it.each(['tuning.json', 'held-back.json'])('%s: never maps a label automatically into the wrong indicator', (name) => {
    const r = report(load(name));
    const { wrong: _w, misses, ...figures } = r;
    process.stdout.write(`${name}: ${JSON.stringify(figures)}\n${process.env.WORDINGS_VERBOSE && name === 'tuning.json' ? misses.join('\n') + '\n' : ''}`);
    expect(r.wrong).toEqual([]);
  });
});
