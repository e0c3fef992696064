/**
 * Nhập tay: a unit's return for a month typed from paper, a phone call, a fax or a letter. Typed
 * figures go through the same rules, flags, effective values and export as figures read from files.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypedSource } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { Spinner } from '../../components/Spinner';
import { formatNumber } from '../../format/numbers';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { useUserName } from '../../hooks/use-user-name';
import type { Inputs } from './entry-rows';
import { entryRows, outgoing } from './entry-rows';
import { EntryTable } from './EntryTable';

const SOURCES: TypedSource[] = ['paper', 'phone', 'fax', 'letter'];

/** Last month: the return a clerk usually types. */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function EntryScreen() {
  const { t } = useTranslation();
  const ref = useReference();
  const user = useUserName();
  const [unit, setUnit] = useState('');
  const [period, setPeriod] = useState(lastMonth());
  const [source, setSource] = useState<TypedSource>('paper');
  const [sourceRef, setSourceRef] = useState('');
  const [receivedAt, setReceivedAt] = useState('');
  const [reason, setReason] = useState('');
  const [inputs, setInputs] = useState<Inputs>({});
  const [bad, setBad] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const year = Number(period.slice(0, 4));
  const units = useMemo(() => reportingUnits(ref?.units ?? [], Number.isFinite(year) ? year : undefined), [ref, year]);
  const validPeriod = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const form = useLoad(() => (unit && validPeriod ? api.getEntryForm({ unit, period }) : Promise.resolve(null)), [unit, period, saved]);
  const rows = useMemo(() => entryRows(ref?.indicators ?? []), [ref]);

  const save = () => action.run(async () => {
    if (!form.data) return;
    const { figures, bad: wrong } = outgoing(rows, inputs, form.data);
    setBad(new Set(wrong.map((b) => b.indicator.code)));
    if (wrong.length) throw new Error(wrong.map((b) => t('entry.notNumber', { text: b.text, indicator: b.indicator.name })).join(' '));
    if (!user.trim()) throw new Error(t('entry.needUser'));
    const r = await api.enterFigures({ unit, period, source, ref: sourceRef, user, figures, ...(receivedAt ? { receivedAt } : {}), ...(reason.trim() ? { reason } : {}) });
    setInputs({});
    setReason('');
    setSaved(t(r.held ? 'entry.savedHeld' : 'entry.saved', { n: formatNumber(r.entered), corrected: formatNumber(r.corrected), name: r.name }));
  });

  if (!ref) return <Spinner label={t('common.loading')} />;
  return (
    <section className="screen entry-screen">
      <p className="lead">{t('entry.lead')}</p>
      <div className="filters">
        {/* The month first: which units report depends on it (districts until 2025, communes after). */}
        <label className="field">
          <span className="field-label">{t('entry.period')}</span>
          <input type="month" value={period} onChange={(e) => { setPeriod(e.target.value); setSaved(null); }} data-testid="entry-month" />
        </label>
        <SelectField label={t('entry.unit')} value={unit} onChange={(v) => { setUnit(v); setSaved(null); }} testId="entry-unit"
          options={[['', t('entry.chooseUnit')] as const, ...units.map((u) => [u.code, `${u.code} · ${u.name}`] as const)]} />
        <SelectField label={t('entry.source')} value={source} onChange={(v) => setSource(v as TypedSource)} testId="entry-source"
          options={SOURCES.map((s) => [s, t(`entry.sources.${s}`)] as const)} />
        <label className="field">
          <span className="field-label">{t('entry.ref')} <span className="required">*</span></span>
          <input value={sourceRef} onChange={(e) => setSourceRef(e.target.value)} placeholder={t('entry.refHint')} data-testid="entry-ref" />
        </label>
        <label className="field">
          <span className="field-label">{t('entry.receivedAt')}</span>
          <input type="date" className="day-input" value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} data-testid="entry-received" />
        </label>
      </div>
      {saved && <Notice kind="success">{saved}</Notice>}
      {action.error && <Notice kind="error">{action.error}</Notice>}
      {form.error && <Notice kind="error">{form.error}</Notice>}
      {!unit && <Notice kind="info">{t('entry.pickUnit')}</Notice>}
      {form.data?.locked && <Notice kind="warning">{t('entry.locked')}</Notice>}
      {form.data && (
        <>
          <div className="table-scroll entry-scroll">
            <EntryTable rows={rows} form={form.data} inputs={inputs} bad={bad} onChange={(code, next) => setInputs((s) => ({ ...s, [code]: next }))} />
          </div>
          <div className="row entry-actions">
            <label className="field entry-reason">
              <span className="field-label">{t('entry.reason')}</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="entry-reason" />
            </label>
            <span className="muted">{t('entry.by', { user: user || '—' })}</span>
            <button type="button" className="button primary" disabled={action.busy || !sourceRef.trim()} onClick={() => void save()} data-testid="entry-save">{t('entry.save')}</button>
          </div>
        </>
      )}
    </section>
  );
}
