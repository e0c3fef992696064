/** Reads the editable catalog files from resources/ and checks their shape. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CatalogFile, Lexicon } from '../../../shared/catalog';
import { SOURCE_RESOURCES_DIR } from '../source-dirs';

const indicatorSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  group: z.string(),
  name: z.string().min(1),
  unit: z.string(),
  kind: z.enum(['flow', 'stock', 'plan', 'rate']),
  parent: z.string().optional(),
  decimals: z.boolean().optional(),
  rate: z.object({ numerator: z.string(), denominator: z.string() }).optional(),
  aliases: z.array(z.string()).default([]),
  unitAliases: z.array(z.string()).optional(),
});

const relationSchema = z.union([
  z.object({ rule: z.enum(['plan_exceeded', 'child_exceeds_parent', 'participants_lt_sessions']), child: z.string(), parent: z.string(), measure: z.enum(['period', 'ytd']).optional() }),
  z.object({ rule: z.enum(['parts_exceed_total', 'sum_mismatch']), total: z.string(), parts: z.array(z.string()).min(1) }),
  z.object({ rule: z.literal('rate_mismatch'), rate: z.string(), numerator: z.string(), denominator: z.string() }),
]);

const catalogSchema = z.object({
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  indicators: z.array(indicatorSchema).min(1),
  relations: z.array(relationSchema).default([]),
});

const lexiconSchema = z.object({
  abbreviations: z.record(z.string(), z.string()),
  synonyms: z.record(z.string(), z.string()),
  stopwords: z.array(z.string()),
  units: z.array(z.string()).default([]),
  negations: z.array(z.string()).default([]),
  unitSynonyms: z.record(z.string(), z.string()).optional(),
});

export function loadCatalog(dir = path.join(SOURCE_RESOURCES_DIR, 'catalog')): { catalog: CatalogFile; lexicon: Lexicon } {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown;
  const catalog = catalogSchema.parse(read('indicators.json'));
  const codes = new Set(catalog.indicators.map((i) => i.code));
  for (const i of catalog.indicators) {
    if (i.parent && !codes.has(i.parent)) throw new Error(`indicators.json: ${i.code} has unknown parent ${i.parent}`);
  }
  return { catalog, lexicon: lexiconSchema.parse(read('lexicon.json')) };
}
