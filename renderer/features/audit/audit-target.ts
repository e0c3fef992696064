/**
 * What an audit entry is about, as the log shows it. The core now writes accepted flags and
 * corrected figures in words ("Chấp nhận cảnh báo “…” — Huyện Quế Phong, tháng 4/2023: …"),
 * shown as they are. The log is append-only, so entries written before keep their codes and are
 * reworded here: "rule unit period: message" (accept), "unit period INDICATOR measure [commune]
 * (tệp …)" (correct). A chosen submission's target stays "unit period" (the core looks choices up
 * by it) and is always reworded.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/types';
import { periodLabel } from '../../format/periods';

export interface Names { unitName: (code: string) => string; indicatorName: (code: string) => string }

const OLD_ACCEPT = /^([a-z_]+) \S+ \S+: ([\s\S]*)$/;
const OLD_CORRECT = /^(\S+) (\d{4}(?:-[\dQHM]{2})?) ([A-Z][A-Z0-9_]*) (period|ytd)(?: (.+?))? \((tệp [\s\S]+)\)$/;
const SUBMISSION = /^(\S+) (\d{4}(?:-[\dQHM]{2})?)$/;

/** "Tháng 3/2023" -> "tháng 3/2023": inside a sentence. */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

export function auditTarget(t: TFunction, names: Names, e: AuditEntry): string {
  const unit = (code: string) => `${code} · ${names.unitName(code)}`;
  if (e.action === 'accept-flag') {
    const m = OLD_ACCEPT.exec(e.target);
    if (m) return t('audit.flagTarget', { rule: t(`rules.${m[1]}`, { defaultValue: m[1] }), message: m[2] });
  }
  if (e.action === 'correct-figure') {
    const m = OLD_CORRECT.exec(e.target);
    if (m) {
      const who = m[5] ? `${m[5]}, ${unit(m[1]!)}` : unit(m[1]!);
      return t('audit.figureTarget', { indicator: names.indicatorName(m[3]!), measure: lowerFirst(t(`measure.${m[4]}`)), who, period: lowerFirst(periodLabel(t, m[2]!)), source: m[6] });
    }
  }
  if (e.action === 'choose-submission') {
    const m = SUBMISSION.exec(e.target);
    if (m) return t('audit.submissionTarget', { unit: unit(m[1]!), period: lowerFirst(periodLabel(t, m[2]!)) });
  }
  return e.target;
}
