/**
 * What an audit entry is about, worded from its structured fields (unit, period, flag, file,
 * indicator and plain detail), in the UI's language. Nothing here reads the entry's prose: an entry
 * written before the structured fields existed is shown with the words it was written with.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/types';
import { periodLabel } from '../../format/periods';

export interface Names { unitName: (code: string) => string; indicatorName: (code: string) => string }

/** "Tháng 3/2023" -> "tháng 3/2023": inside a sentence. */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

export function auditTarget(t: TFunction, names: Names, e: AuditEntry): string {
  const d = e.detail ?? {};
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  const unit = e.unit ? names.unitName(e.unit) : '';
  const period = e.period ? lowerFirst(periodLabel(t, e.period)) : '';
  const rule = text('rule') ? t(`rules.${text('rule')}`, { defaultValue: text('rule') }) : '';
  switch (e.action) {
    case 'accept-flag':
      if (e.unit && e.period && rule) return t('audit.acceptTarget', { rule, unit, period, message: text('message') });
      break;
    case 'reopen-flag':
      if (e.unit && e.period && rule) return t('audit.reopenTarget', { rule, unit, period, message: text('message') });
      break;
    case 'correct-figure':
      if (e.unit && e.period && e.indicator) {
        const who = text('subunit') ? `${text('subunit')}, ${unit}` : unit;
        const source = t('audit.source', { file: text('file'), sheet: text('sheet'), cell: text('cell') });
        return t('audit.correctTarget', { indicator: names.indicatorName(e.indicator), measure: lowerFirst(t(`measure.${text('measure') || 'period'}`)), who, period, source });
      }
      break;
    case 'choose-submission':
      if (e.unit && e.period && text('file')) return t('audit.choiceTarget', { file: text('file'), unit, period });
      break;
    case 'map-label':
      if (e.indicator && text('label')) return t('audit.labelTarget', { label: text('label'), indicator: names.indicatorName(e.indicator) });
      break;
    case 'assign-unit':
      if (e.unit && text('file')) return t('audit.assignTarget', { file: text('file'), unit });
      break;
  }
  return e.target;
}
