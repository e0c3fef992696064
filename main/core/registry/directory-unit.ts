/** A unit as the recogniser looks it up: its validity and every name people write for it. */
export interface DirectoryUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  level: 'province' | 'district' | 'commune';
  validFrom: string;
  validTo: string | null;
  /** The district above a commune (before 2025) or the province above it (from 2025). */
  parentCode: string | null;
  /** The province the unit belongs to; a province's own code. */
  provinceCode: string;
  /** Folded names: the official one, its core without the type word, and confirmed aliases. */
  names: string[];
  /** The same names without diacritics. */
  asciiNames: string[];
}
