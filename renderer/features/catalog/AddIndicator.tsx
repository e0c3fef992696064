/** The form that adds an indicator to the office's catalog, in an existing group or a new one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorKind } from '../../../shared/types';

export interface NewIndicatorArgs { code: string; name: string; unit: string; kind: IndicatorKind; group: string; groupName?: string; parent?: string }

const KINDS: IndicatorKind[] = ['flow', 'stock', 'plan', 'rate'];

export function AddIndicator({ indicators, groups, disabled, onAdd }: { indicators: Indicator[]; groups: [string, string][]; disabled: boolean; onAdd: (a: NewIndicatorArgs) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ code: '', name: '', unit: '', kind: 'flow' as IndicatorKind, group: groups[0]?.[0] ?? '', groupName: '', parent: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const known = groups.some(([g]) => g === f.group);
  const ok = /^[A-Z][A-Z0-9_]*$/.test(f.code) && f.name.trim() && f.unit.trim() && f.group.trim() && (known || f.groupName.trim());
  const submit = () => onAdd({
    code: f.code, name: f.name.trim(), unit: f.unit.trim(), kind: f.kind, group: f.group.trim(),
    ...(known ? {} : { groupName: f.groupName.trim() }), ...(f.parent ? { parent: f.parent } : {}),
  });
  return (
    <fieldset className="card add-indicator" data-testid="catalog-add">
      <legend>{t('catalog.addTitle')}</legend>
      <div className="row">
        <label className="field"><span className="field-label">{t('catalog.code')}</span><input value={f.code} onChange={set('code')} placeholder="TNGT_VU" /></label>
        <label className="field wide"><span className="field-label">{t('catalog.name')}</span><input value={f.name} onChange={set('name')} /></label>
        <label className="field"><span className="field-label">{t('catalog.unit')}</span><input value={f.unit} onChange={set('unit')} /></label>
        <label className="field"><span className="field-label">{t('catalog.kind')}</span>
          <select value={f.kind} onChange={set('kind')}>{KINDS.map((k) => <option key={k} value={k}>{t(`catalog.kinds.${k}`)}</option>)}</select>
        </label>
        <label className="field"><span className="field-label">{t('catalog.group')}</span><input value={f.group} onChange={set('group')} list="catalog-groups" /></label>
        <datalist id="catalog-groups">{groups.map(([g, n]) => <option key={g} value={g}>{n}</option>)}</datalist>
        {!known && <label className="field"><span className="field-label">{t('catalog.groupName')}</span><input value={f.groupName} onChange={set('groupName')} /></label>}
        <label className="field"><span className="field-label">{t('catalog.parent')}</span>
          <select value={f.parent} onChange={set('parent')}><option value="">—</option>{indicators.map((i) => <option key={i.code} value={i.code}>{i.code} · {i.name}</option>)}</select>
        </label>
        <button type="button" className="button primary" disabled={disabled || !ok} onClick={submit}>{t('catalog.add')}</button>
      </div>
    </fieldset>
  );
}
