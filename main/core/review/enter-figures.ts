/**
 * A return typed by a clerk from paper, a phone call, a fax or a letter, in one transaction with
 * its audit entries. Its figures join a typed return (a files row without bytes) for the unit,
 * period, source and reference; a figure typed again with another value is a correction, with a
 * reason, exactly as a reviewer's correction of a figure read from a file.
 */
import type { Database } from '../store/db';
import type { Measure, TypedSource } from '../../../shared/types';
import { fmt, measureLabel, periodLabel } from '../reconcile/format';
import { appendAudit } from '../store/queries/audit';
import { insertFigures } from '../store/queries/figures';
import { isLocked } from '../store/queries/approvals';
import { indicatorName } from '../store/queries/indicators';
import { findTypedReturn, insertCorrection, insertTypedReturn, otherStanding, TYPED_SHEET, typedCell, typedFigure, unitAt } from '../store/queries/typed-returns';
import { ReviewError } from './resolve-flag';

export const SOURCE_WORDS: Record<TypedSource, string> = { paper: 'giấy', phone: 'điện thoại', fax: 'fax', letter: 'công văn' };

export interface TypedFigure { indicator: string; measure: Measure; value: number; subunit?: string | null | undefined; raw?: string | undefined }

export interface Entry {
  unit: string; period: string; source: TypedSource; ref: string; user: string;
  /** The day the return arrived, where it is not today. */
  receivedAt?: string | undefined;
  figures: TypedFigure[];
  /** Why a figure already typed gets another value. */
  reason?: string | undefined;
}

export interface EntryOutcome { unit: string; name: string; held: boolean; entered: number; corrected: number; unchanged: number }

export function enterFigures(db: Database, e: Entry, at: string, knownIndicator: (code: string) => boolean): EntryOutcome {
  const unit = unitAt(db, e.unit, `${e.period.slice(0, 7)}-01`);
  if (!unit) throw new ReviewError(`Không có đơn vị mã “${e.unit}” trong danh mục`);
  const unknown = e.figures.find((f) => !knownIndicator(f.indicator));
  if (unknown) throw new ReviewError(`Không có chỉ tiêu mã “${unknown.indicator}” trong danh mục`);
  const bad = e.figures.find((f) => !Number.isFinite(f.value));
  if (bad) throw new ReviewError(`Giá trị của chỉ tiêu “${indicatorName(db, bad.indicator)}” không phải là số`);
  const out: EntryOutcome = { unit: e.unit, name: '', held: false, entered: 0, corrected: 0, unchanged: 0 };
  db.transaction(() => {
    // 1. The typed return: found again by its unit, period, source and reference, else started (held if the period is locked).
    const key = { unitId: unit.id, period: e.period, kind: e.source, ref: e.ref.trim() };
    // Figures typed after the month was locked start a held return of their own, even under the same reference.
    const held = isLocked(db, e.unit, e.period);
    const name = `nhập tay từ ${SOURCE_WORDS[e.source]} ${key.ref} (${e.unit}, ${e.period})${held ? `, giữ lại lúc ${at}` : ''}`;
    const found = findTypedReturn(db, key, held);
    const fileId = found?.id ?? insertTypedReturn(db, { ...key, name, at, receivedAt: e.receivedAt ?? at, user: e.user, held });
    Object.assign(out, { name: found?.name ?? name, held });
    const where = (f: TypedFigure) => `“${indicatorName(db, f.indicator)}” (${measureLabel(f.measure)}) — ${f.subunit ? `${f.subunit}, ` : ''}${unit.name}, ${periodLabel(e.period)}`;
    for (const f of e.figures) {
      const cell = typedCell(f.indicator, f.measure, f.subunit ?? null);
      const before = typedFigure(db, fileId, cell);
      if (before && before.value === f.value) { out.unchanged++; continue; }
      if (before) {
        // 2. A figure typed again with another value: a correction, as for a figure read from a file.
        if (!e.reason?.trim()) throw new ReviewError(`Chỉ tiêu ${where(f)} đã nhập ${fmt(before.value)}; muốn sửa thành ${fmt(f.value)} cần ghi lý do`);
        insertCorrection(db, { figureId: before.id, value: f.value, oldValue: before.value, user: e.user, at, reason: e.reason });
        appendAudit(db, { at, user: e.user, action: 'correct-figure', target: `Sửa số liệu ${where(f)} (${name})`, oldValue: String(before.value), newValue: String(f.value), reason: e.reason });
        out.corrected++;
        continue;
      }
      // 3. A figure another return already gives: the same value adds nothing; another value is a
      // decision on that figure (correct it on the flags or figures screen), never a silent second one.
      const other = otherStanding(db, { unitId: unit.id, period: e.period, indicator: f.indicator, measure: f.measure, subunit: f.subunit ?? null, fileId });
      if (other && other.value === f.value) { out.unchanged++; continue; }
      if (other) throw new ReviewError(`Chỉ tiêu ${where(f)} đã có ${fmt(other.value)} từ “${other.file}”; muốn đổi thành ${fmt(f.value)} thì sửa số liệu đó (kèm lý do), không nhập thêm một số thứ hai`);
      // 4. A new figure, with the typed return as its source and the indicator's name as its label.
      insertFigures(db, fileId, unit.id, [{
        subunit: f.subunit ?? null, period: e.period, indicator: f.indicator, measure: f.measure, role: f.subunit ? 'subunit' : 'value',
        value: f.value, raw: f.raw ?? String(f.value).replace('.', ','), typedUnit: null, approx: false, label: indicatorName(db, f.indicator), sheet: TYPED_SHEET, cell,
      }]);
      appendAudit(db, { at, user: e.user, action: 'enter-figure', target: `Nhập tay ${where(f)}, từ ${SOURCE_WORDS[e.source]} ${key.ref}${held ? ' (kỳ đã khóa: giữ lại)' : ''}`, oldValue: null, newValue: String(f.value), reason: e.reason ?? null });
      out.entered++;
    }
  })();
  return out;
}
