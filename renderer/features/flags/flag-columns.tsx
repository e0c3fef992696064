/** The flag queue's columns: severity first, then what, who, when, and the message. */
import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Flag } from '../../../shared/types';
import { periodShort } from '../../format/periods';
import { wordIn } from '../../i18n/word';

/** "Huyện Quế Phong" -> "Quế Phong": the code beside it already tells the unit apart. */
export function shortUnitName(name: string): string {
  return name.replace(/^(Huyện|Thị xã|Thành phố|Quận|TX\.?|TP\.?|H\.)\s+/i, '');
}

/** Narrow enough to sit beside the flag's detail; the message is read in full there. */
export function flagColumns(t: TFunction, unitName: (code: string) => string, withStatus: boolean): ColDef<Flag>[] {
  const columns: ColDef<Flag>[] = [
    {
      headerName: t('flags.colSeverity'),
      field: 'severity',
      width: 92,
      cellRenderer: (p: { value: Flag['severity'] | undefined }) => (p.value ? <span className={`badge sev-${p.value}`}>{t(`severity.${p.value}`)}</span> : null),
    },
    { headerName: t('flags.colRule'), field: 'rule', flex: 2, minWidth: 225, tooltipValueGetter: (p) => (p.value ? t(`rules.${String(p.value)}`, { defaultValue: String(p.value) }) : ''), valueFormatter: (p) => (p.value ? t(`rules.${String(p.value)}`, { defaultValue: String(p.value) }) : '') },
    { headerName: t('flags.colUnit'), field: 'unit', flex: 1, minWidth: 150, tooltipValueGetter: (p) => (p.value ? `${String(p.value)} · ${unitName(String(p.value))}` : ''), valueFormatter: (p) => (p.value ? `${String(p.value)} · ${shortUnitName(unitName(String(p.value)))}` : '') },
    { headerName: t('flags.colPeriod'), field: 'period', width: 92, valueFormatter: (p) => (p.value ? periodShort(t, String(p.value)) : '') },
    { headerName: t('flags.colMessage'), colId: 'message', flex: 1, minWidth: 100, valueGetter: (p) => (p.data ? wordIn(p.data.text, p.data.message) : ''), tooltipValueGetter: (p) => (p.data ? wordIn(p.data.text, p.data.message) : '') },
  ];
  if (withStatus) columns.push({ headerName: t('flags.colStatus'), field: 'status', width: 110, valueFormatter: (p) => (p.value ? t(`flagStatus.${String(p.value)}`) : '') });
  return columns;
}
