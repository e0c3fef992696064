/**
 * The unit registry from the official lists in resources/units (registry.json names them, in date
 * order, with merge tables and successors): each unit with its validity and successors, so that a
 * code plus a date names one unit. A code that keeps its name, type and parent from one list to
 * the next is one unit throughout; one that changes gets a new version whose predecessor points to
 * it; one that disappears ends the day before the list that drops it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SOURCE_RESOURCES_DIR } from '../source-dirs';

export interface UnitSpec {
  key: string;
  code: string;
  name: string;
  type: string;
  level: 'province' | 'district' | 'commune';
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  source: string;
  successorKeys: string[];
}

const registrySchema = z.object({
  province: z.object({ code: z.string(), name: z.string(), validFrom: z.string() }),
  lists: z.array(z.object({ file: z.string(), validFrom: z.string(), level: z.enum(['district', 'commune']).optional(), parentCode: z.string().optional(), source: z.string().optional() })).min(1),
  merges: z.array(z.object({ file: z.string(), at: z.string(), fromColumn: z.string(), toColumn: z.string() })).default([]),
  successors: z.array(z.object({ from: z.string(), to: z.string(), at: z.string(), source: z.string().optional() })).default([]),
});

function readCsv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v.trim()])));
}

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const validOn = (u: UnitSpec, date: string) => u.validFrom <= date && (u.validTo === null || date <= u.validTo);

export function loadUnits(dir = path.join(SOURCE_RESOURCES_DIR, 'units')): UnitSpec[] {
  const reg = registrySchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'registry.json'), 'utf8')));
  const p = reg.province;
  const units: UnitSpec[] = [{ key: `${p.code}@${p.validFrom}`, code: p.code, name: p.name, type: 'tinh', level: 'province', parentCode: null, validFrom: p.validFrom, validTo: null, source: 'registry.json', successorKeys: [] }];
  let open = new Map<string, UnitSpec>();
  for (const list of reg.lists) {
    const next = new Map<string, UnitSpec>();
    for (const r of readCsv(path.join(dir, list.file))) {
      const row = { code: r.code!, name: r.name!, type: r.type!, level: (r.level ?? list.level ?? 'commune') as UnitSpec['level'], parentCode: r.parent_code || list.parentCode || null };
      const prev = open.get(row.code);
      if (prev && prev.name === row.name && prev.type === row.type && prev.parentCode === row.parentCode && prev.level === row.level) { next.set(row.code, prev); continue; }
      const unit: UnitSpec = { key: `${row.code}@${list.validFrom}`, ...row, validFrom: list.validFrom, validTo: null, source: list.file, successorKeys: [] };
      if (prev) { prev.validTo = dayBefore(list.validFrom); prev.successorKeys.push(unit.key); }
      units.push(unit);
      next.set(row.code, unit);
    }
    // Codes the new list no longer has ended the day before it.
    for (const [code, u] of open) if (!next.has(code)) u.validTo = dayBefore(list.validFrom);
    open = next;
  }
  const link = (from: string, to: string, at: string) => {
    const a = units.find((u) => u.code === from && validOn(u, dayBefore(at)));
    const b = units.find((u) => u.code === to && validOn(u, at));
    if (a && b && a !== b && !a.successorKeys.includes(b.key)) a.successorKeys.push(b.key);
  };
  for (const m of reg.merges) for (const r of readCsv(path.join(dir, m.file))) link(r[m.fromColumn]!, r[m.toColumn]!, m.at);
  for (const s of reg.successors) link(s.from, s.to, s.at);
  return units;
}

/** "Huyện Diễn Châu" -> "Diễn Châu": the name without its type word. */
export function coreName(name: string): string {
  return name.replace(/^(thành phố|thị xã|huyện|quận|xã|phường|thị trấn|tỉnh)\s+/iu, '').trim();
}
