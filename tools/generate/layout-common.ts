/** What every layout shares: the return being written, its title block and its signature block. */
import type { CatalogFile, CatalogIndicator } from '../../shared/catalog';
import type { CommuneTable } from './communes';
import type { GenUnit, Layout, MonthFigures } from './model';
import type { Rng } from './prng';
import { RECIPIENTS, type UnitStyle, agencyLines, dateLine, signerLines } from './style';
import type { SheetBuilder } from './sheet-plan';

/** One return to write: a month (layouts A-C) or a run of months (D), as the unit reported it. */
export interface ReturnDoc {
  file: string;
  unit: GenUnit;
  year: number;
  layout: Layout;
  months: number[];
  figures: Record<number, MonthFigures>;
  communes: CommuneTable | null;
  style: UnitStyle;
  rng: Rng;
  cat: CatalogFile;
}

/** A row under the one above it: a part of a total ("- Súng các loại"), or a "Trong đó:" line. */
export function partInfo(cat: CatalogFile, ind: CatalogIndicator): { part: boolean; first: boolean } {
  for (const r of cat.relations) {
    if ((r.rule === 'sum_mismatch' || r.rule === 'parts_exceed_total') && r.parts.includes(ind.code)) return { part: true, first: r.parts[0] === ind.code };
  }
  return { part: /^trong đó/iu.test(ind.name), first: true };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
export const roman = (i: number): string => ROMAN[i] ?? String(i + 1);

export function groupTitle(name: string, s: UnitStyle): string {
  if (s.groups !== 'title') return name;
  const lower = name.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** Agency top left, national motto top right, date line, title: rows 1-6 (first column c0, last column c9). */
export function titleBlock(b: SheetBuilder, doc: ReturnDoc, c0: number, c9: number, title: string): void {
  const [province, unit] = agencyLines(doc.unit);
  const split = Math.max(c0 + 2, c9 - 3);
  b.line(1, c0, split - 1, province, 'agency');
  b.line(2, c0, split - 1, unit, 'agencyBold');
  b.line(1, split, c9, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'motto');
  b.line(2, split, c9, 'Độc lập - Tự do - Hạnh phúc', 'mottoSub');
  if (doc.style.reportNo) b.line(3, c0, split - 1, `Số: ${doc.rng.int(12, 480)}/BC-CAH`, 'agency');
  const month = doc.months[doc.months.length - 1]!;
  b.line(3, split, c9, dateLine(doc.unit, doc.year, month, doc.style, doc.rng), 'date');
  b.line(5, c0, c9, doc.style.title, 'title');
  b.line(6, c0, c9, title, 'subtitle');
}

/** "Nơi nhận:" with its list on the left, the signer on the right, from row r. */
export function signatureBlock(b: SheetBuilder, doc: ReturnDoc, r: number, c0: number, c9: number): void {
  const split = Math.max(c0 + 2, c9 - 2);
  b.set(r, c0, 'Nơi nhận:', 'recipientsHead');
  const list = [...doc.rng.shuffle(RECIPIENTS.slice(0, 3)).slice(0, doc.rng.int(1, 3)), RECIPIENTS[3]!];
  list.forEach((line, i) => b.set(r + 1 + i, c0, line, 'recipients'));
  const lines = signerLines(doc.unit, doc.style);
  lines.forEach((line, i) => b.line(r + i, split, c9, line, 'sign'));
  b.line(r + lines.length + 4, split, c9, doc.style.signer.name, 'signName');
}
