/**
 * What this sender's last return had on the same row, as evidence for a label left unmapped now
 * (issue 14): "tháng trước đơn vị này ghi ở dòng này nhãn ... cho chỉ tiêu ...". It ranks that
 * indicator first among the suggestions, unless the row's ĐVT ruled it out; it never maps alone.
 */
import type { Database } from '../store/db';
import type { LabelSuggestion } from '../../../shared/types';
import type { LabelIndex } from '../catalog/match-label';
import type { RecognisedReturn } from '../recognise/recognise-return';
import { senderRows } from '../store/queries/figures';
import { unitVerdict } from '../catalog/unit-of-measure';

export function addSenderHistory(db: Database, ret: RecognisedReturn, labels: LabelIndex): void {
  if (ret.unmapped.length === 0) return;
  const before = new Map<string, { indicator: string; label: string; file: string }>();
  for (const r of senderRows(db, ret.unit.id)) before.set(`${r.sheet.trim()}|${rowOf(r.cell)}`, r);
  for (const u of ret.unmapped) {
    const had = before.get(`${u.sheet.trim()}|${rowOf(u.cell)}`);
    if (!had || !labels.indicators.has(had.indicator)) continue;
    // A ĐVT that rules the indicator out keeps it out: the matcher left it off the suggestions.
    if (u.typedUnit && isContradicted(labels, u.typedUnit, had.indicator)) continue;
    const evidence = { kind: 'history' as const, file: had.file, label: had.label };
    const existing = u.suggestions.find((s) => s.indicator === had.indicator);
    const first: LabelSuggestion = existing
      ? { ...existing, evidence: [evidence, ...(existing.evidence ?? [])] }
      : { indicator: had.indicator, name: labels.indicators.get(had.indicator)!.name, score: 0, evidence: [evidence] };
    u.suggestions = [first, ...u.suggestions.filter((s) => s.indicator !== had.indicator)].slice(0, 3);
  }
}

function rowOf(cell: string): string {
  return cell.replace(/^[A-Z]+/, '');
}

function isContradicted(labels: LabelIndex, typed: string, code: string): boolean {
  return unitVerdict(labels.units, labels.lex, typed, code) === 'contradicts';
}
