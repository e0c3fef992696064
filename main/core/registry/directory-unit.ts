/** A unit as the recogniser looks it up: its validity and every name people write for it. */
export interface DirectoryUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  level: 'province' | 'district' | 'commune';
  validFrom: string;
  validTo: string | null;
  /** Folded names: the official one, its core without the type word, and confirmed aliases. */
  names: string[];
  /** The same names without diacritics. */
  asciiNames: string[];
}
