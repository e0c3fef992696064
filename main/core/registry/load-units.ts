/**
 * The unit registry from the official lists in resources/units (registry.json names them, in date
 * order, with merge tables and successors): every unit of the country with its province, its
 * validity and its successors, so that a code plus a date names one unit. A code that keeps its
 * name, type and parent from one list to the next is one unit throughout; one that changes gets a
 * new version whose predecessor points to it; one that disappears ends the day before the change.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SOURCE_RESOURCES_DIR } from '../source-dirs';
import { readCsv } from './read-csv';

export type UnitLevel = 'province' | 'district' | 'commune';

export interface UnitSpec {
  key: string;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentCode: string | null;
  /** The province the unit belongs to (its own code for a province). */
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  successorKeys: string[];
}

const listSchema = z.object({
  file: z.string(),
  validFrom: z.string(),
  level: z.enum(['province', 'district', 'commune']).optional(),
  parentCode: z.string().optional(),
  source: z.string().optional(),
  /** Where the list's changes happened on different days: a per-code date (dd/mm/yyyy or ISO) from another file. */
  changedAt: z.object({ file: z.string(), codeColumn: z.string(), dateColumn: z.string() }).optional(),
  /** A province whose changes took effect on a known day (a resolution's date), before the per-code dates. */
  validFromByProvince: z.record(z.string(), z.string()).default({}),
});

const registrySchema = z.object({
  lists: z.array(listSchema).min(1),
  merges: z.array(z.object({ file: z.string(), at: z.string(), fromColumn: z.string(), toColumn: z.string() })).default([]),
  successors: z.array(z.object({ from: z.string(), to: z.string(), at: z.string(), source: z.string().optional() })).default([]),
});

type List = z.infer<typeof listSchema>;

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const validOn = (u: UnitSpec, date: string) => u.validFrom <= date && (u.validTo === null || date <= u.validTo);
const isoDate = (s: string) => (/^\d{2}\/\d{2}\/\d{4}$/.test(s) ? `${s.slice(6)}-${s.slice(3, 5)}-${s.slice(0, 2)}` : s);

export function registryFile(dir: string): z.infer<typeof registrySchema> {
  return registrySchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'registry.json'), 'utf8')));
}

/** A hash of registry.json and every file it names: the store is seeded again only when it changes. */
export function registryVersion(dir = path.join(SOURCE_RESOURCES_DIR, 'units')): string {
  const reg = registryFile(dir);
  const files = [...reg.lists.flatMap((l) => [l.file, ...(l.changedAt ? [l.changedAt.file] : [])]), ...reg.merges.map((m) => m.file)];
  const h = createHash('sha256').update(fs.readFileSync(path.join(dir, 'registry.json')));
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

interface Row { code: string; name: string; type: string; level: UnitLevel; parentCode: string | null; provinceCode: string }

function readList(dir: string, list: List): Row[] {
  const rows = readCsv(path.join(dir, list.file)).map((r) => ({
    code: r.code!, name: r.name!, type: r.type!, level: (r.level ?? list.level ?? 'commune') as UnitLevel,
    parentCode: r.parent_code || list.parentCode || null, provinceCode: '',
  }));
  // A commune's parent is its district (before 2025) or its province (from 2025).
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const r of rows) {
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    r.provinceCode = r.level === 'province' ? r.code : parent?.level === 'district' ? parent.parentCode ?? '' : r.parentCode ?? '';
  }
  return rows;
}

/** The day each code of a list took its new form: the province's known date, the file's date, or the list's. */
function changeDates(dir: string, list: List): (row: Row) => string {
  const perCode = new Map<string, string>();
  if (list.changedAt) for (const r of readCsv(path.join(dir, list.changedAt.file))) perCode.set(r[list.changedAt.codeColumn]!, isoDate(r[list.changedAt.dateColumn]!));
  return (row) => list.validFromByProvince[row.provinceCode] ?? perCode.get(row.code) ?? list.validFrom;
}

const same = (a: UnitSpec, b: Row) => a.name === b.name && a.type === b.type && a.parentCode === b.parentCode && a.level === b.level;

export function loadUnits(dir = path.join(SOURCE_RESOURCES_DIR, 'units')): UnitSpec[] {
  const reg = registryFile(dir);
  const units: UnitSpec[] = [];
  const versions = new Map<string, UnitSpec[]>();
  let open = new Map<string, UnitSpec>();
  for (const list of reg.lists) {
    const next = new Map<string, UnitSpec>();
    const dateOf = changeDates(dir, list);
    for (const row of readList(dir, list)) {
      const prev = open.get(row.code);
      if (prev && same(prev, row)) { next.set(row.code, prev); continue; }
      const from = dateOf(row);
      const unit: UnitSpec = { key: `${row.code}@${from}`, ...row, validFrom: from, validTo: null, source: list.file, successorKeys: [] };
      if (prev) { prev.validTo = dayBefore(from); prev.successorKeys.push(unit.key); }
      units.push(unit);
      (versions.get(row.code) ?? versions.set(row.code, []).get(row.code)!).push(unit);
      next.set(row.code, unit);
    }
    // Codes the new list no longer has ended the day before their change.
    for (const [code, u] of open) {
      if (next.has(code)) continue;
      const row = { code, provinceCode: u.provinceCode } as Row;
      u.validTo = dayBefore(dateOf(row));
    }
    open = next;
  }
  const at = (code: string, date: string) => versions.get(code)?.find((u) => validOn(u, date));
  const link = (from: string, to: string, date: string) => {
    const a = at(from, dayBefore(date));
    const b = at(to, date);
    if (a && b && a !== b && !a.successorKeys.includes(b.key)) a.successorKeys.push(b.key);
  };
  for (const m of reg.merges) for (const r of readCsv(path.join(dir, m.file))) if (r[m.fromColumn]) link(r[m.fromColumn]!, r[m.toColumn]!, m.at);
  for (const s of reg.successors) link(s.from, s.to, s.at);
  return units;
}

/** "Huyện Diễn Châu" -> "Diễn Châu": the name without its type word. */
export function coreName(name: string): string {
  return name.replace(/^(thành phố|thị xã|huyện|quận|xã|phường|thị trấn|tỉnh|đặc khu)\s+/iu, '').trim();
}
