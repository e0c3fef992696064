/** Shapes of the catalog files in resources/catalog (editable data, loaded at start). */
import type { IndicatorKind } from './types';

export interface CatalogIndicator {
  code: string;
  group: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  parent?: string;
  decimals?: boolean;
  rate?: { numerator: string; denominator: string };
  aliases: string[];
  /** Other units of measure the office writes for this indicator ("người" for "đối tượng"). */
  unitAliases?: string[];
}

export type CatalogRelation =
  | { rule: 'plan_exceeded' | 'child_exceeds_parent' | 'participants_lt_sessions'; child: string; parent: string; measure?: 'period' | 'ytd' }
  | { rule: 'parts_exceed_total' | 'sum_mismatch'; total: string; parts: string[] }
  | { rule: 'rate_mismatch'; rate: string; numerator: string; denominator: string };

export interface CatalogFile {
  groups: { code: string; name: string }[];
  indicators: CatalogIndicator[];
  relations: CatalogRelation[];
}

export interface Lexicon {
  abbreviations: Record<string, string>;
  synonyms: Record<string, string>;
  stopwords: string[];
  /** Units of measure, so that "Súng (khẩu)" is read as the label "Súng" with its unit. */
  units: string[];
  /** Words that negate a label: a label with one the indicator lacks is never matched loosely. */
  negations: string[];
  /** Spellings of one unit of measure: "lượt" and "lượt ng" are "lượt người". */
  unitSynonyms?: Record<string, string>;
}
