/**
 * The provinces an office's returns may come from at a date. An office chooses one province; before
 * a 2025 merger its returns also came from the provinces merged into it (Quảng Trị's office reads
 * old Quảng Bình's and Quảng Trị's returns of 2023), so the series stays continuous.
 */
export interface ProvinceNode { id: number; code: string; name: string; type: string; validFrom: string; validTo: string | null; successorIds: number[] }

const validAt = (p: ProvinceNode, date: string) => p.validFrom <= date && (p.validTo === null || date <= p.validTo);

/** The office's provinces at each date: every province version that is, or went into, the chosen one's latest form. */
export function officeProvinces(nodes: ProvinceNode[], code: string): (date: string) => ProvinceNode[] {
  const members = officeMembers(nodes, code);
  return (date) => members.filter((n) => validAt(n, date));
}

/** Every province version of the office, at any date. */
export function officeMembers(nodes: ProvinceNode[], code: string): ProvinceNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // 1. The chosen province's latest forms: follow its successors to the end.
  const roots = new Set<number>();
  const seen = new Set<number>();
  const down = (n: ProvinceNode): void => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    const next = n.successorIds.map((id) => byId.get(id)).filter((x): x is ProvinceNode => x !== undefined);
    if (next.length === 0) roots.add(n.id); else next.forEach(down);
  };
  nodes.filter((n) => n.code === code).forEach(down);
  // 2. Every version whose successors lead to one of them belongs to the office.
  const memo = new Map<number, boolean>();
  const reaches = (n: ProvinceNode): boolean => {
    const known = memo.get(n.id);
    if (known !== undefined) return known;
    memo.set(n.id, false);
    const r = roots.has(n.id) || n.successorIds.some((id) => { const s = byId.get(id); return s ? reaches(s) : false; });
    memo.set(n.id, r);
    return r;
  };
  return nodes.filter(reaches);
}

/** "Tỉnh Nghệ An" → "CÔNG AN TỈNH NGHỆ AN" and "Nghệ An": the defaults of the document heading. */
export function headingDefaults(provinceName: string): { agency: string; place: string } {
  const core = provinceName.replace(/^(tỉnh|thành phố)\s+/iu, '').trim();
  return { agency: `CÔNG AN ${provinceName.toLocaleUpperCase('vi')}`, place: core === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : core };
}
