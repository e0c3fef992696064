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
  const unit = e.unit ? unitWithCode(names, e.unit) : '';
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
      if (e.unit && e.period && text('file')) {
        // The file set aside: written since issue 17; before, the file that was in use (when it was another).
        const aside = text('setAside') || (e.oldValue && e.oldValue !== text('file') ? e.oldValue : '');
        return aside ? t('audit.choiceTargetAside', { file: text('file'), aside, unit, period }) : t('audit.choiceTarget', { file: text('file'), unit, period });
      }
      break;
    case 'map-label':
      if (e.indicator && text('label')) return t('audit.labelTarget', { label: text('label'), indicator: indicatorWithCode(names, e.indicator) });
      break;
    case 'catalog-alias': case 'catalog-rename': case 'catalog-retire': case 'catalog-add-indicator':
      // The catalog's entries name the indicator by its code alone.
      return indicatorWithCode(names, e.target);
    case 'assign-unit':
      if (e.unit && text('file')) return t('audit.assignTarget', { file: text('file'), unit });
      break;
  }
  return e.target;
}

/** "Huyện Quỳ Hợp (420)": the name to read, the code to search by. */
export function unitWithCode(names: Names, code: string): string {
  const name = names.unitName(code);
  return name && name !== code ? `${name} (${code})` : code;
}

export function indicatorWithCode(names: Names, code: string): string {
  const name = names.indicatorName(code);
  return name && name !== code ? `${name} (${code})` : code;
}

/**
 * An old or new value as shown in the change column: the entry's indicator or unit code is named
 * (a label mapped "— → LL_GIUPDO" reads as the indicator's name), other values as stored.
 */
export function auditValue(names: Names, e: AuditEntry, v: string | null, number: (n: number) => string): string {
  if (v === null || v === '') return '—';
  if (e.indicator && v === e.indicator) return indicatorWithCode(names, v);
  if (e.unit && v === e.unit) return unitWithCode(names, v);
  return /^-?\d+(\.\d+)?$/.test(v) ? number(Number(v)) : v;
}
