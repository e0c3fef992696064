/**
 * A decision on a flag: accept as is, correct one figure, or choose which submission stands.
 * A reason is always required (the audit log keeps it). Ctrl+Enter records, Escape goes back
 * to the queue. The parent keys it by flag id, so a new flag starts with an empty form.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Args } from '../../../shared/api';
import type { Flag } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import { parseTypedNumber } from '../../format/parse-number';
import { FIELD_LIMITS } from '../../../shared/limits';

export type Action = Args<'resolveFlag'>['action'];

export interface ResolveFormProps {
  flag: Flag;
  action: Action;
  /** Bumped by the A and C keys so the form takes focus again for the same flag. */
  focusTick: number;
  figureIndex: number;
  user: string;
  busy: boolean;
  onAction: (a: Action) => void;
  onFigure: (index: number) => void;
  onSubmit: (args: Args<'resolveFlag'>) => void;
  onCancel: () => void;
}

export function ResolveForm({ flag, action, focusTick, figureIndex, user, busy, onAction, onFigure, onSubmit, onCancel }: ResolveFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [value, setValue] = useState('');
  const files = [...new Set(flag.figures.map((f) => f.file))];
  const [file, setFile] = useState(files.at(-1) ?? '');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const figure = flag.figures[figureIndex];
  const parsed = parseTypedNumber(value);
  useEffect(() => {
    if (focusTick === 0) return;
    (action === 'correct' ? valueRef.current : reasonRef.current)?.focus();
  }, [focusTick, action]);
  const valid = reason.trim().length > 0 && user.length > 0
    && (action !== 'correct' || (parsed !== null && figure !== undefined))
    && (action !== 'choose' || file.length > 0);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!valid || busy) return;
    const base = { flagId: flag.id, action, reason: reason.trim(), user };
    if (action === 'correct' && figure && parsed !== null) onSubmit({ ...base, value: parsed, cell: `${figure.sheet}!${figure.cell}` });
    else if (action === 'choose') onSubmit({ ...base, file });
    else onSubmit(base);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
    if (e.key === 'Escape') { e.preventDefault(); onCancel(); }
  };
  return (
    <form className="resolve-form" onSubmit={submit} onKeyDown={onKeyDown} data-testid="resolve-form">
      <fieldset className="actions">
        <legend>{t('resolve.action')}</legend>
        {(['accept', 'correct', 'choose'] as const).filter((a) => a !== 'choose' || files.length > 1).map((a) => (
          <label key={a} className="radio">
            <input type="radio" name="action" value={a} checked={action === a} onChange={() => onAction(a)} data-testid={`action-${a}`} />
            {t(`resolve.${a}`)} {a !== 'choose' && <kbd>{a === 'accept' ? 'A' : 'C'}</kbd>}
          </label>
        ))}
      </fieldset>
      {action === 'correct' && (
        <div className="row">
          <label className="field">
            <span className="field-label">{t('resolve.figure')}</span>
            <select value={figureIndex} onChange={(e) => onFigure(Number(e.target.value))}>
              {flag.figures.map((f, i) => <option key={i} value={i}>{f.sheet}!{f.cell} = {formatNumber(f.value)}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('resolve.newValue')}</span>
            <input ref={valueRef} type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} data-testid="resolve-value" />
          </label>
          {value && parsed === null && <span className="field-error">{t('resolve.badNumber')}</span>}
          {parsed !== null && <span className="muted">= {formatNumber(parsed)}</span>}
        </div>
      )}
      {action === 'choose' && (
        <label className="field wide">
          <span className="field-label">{t('resolve.file')}</span>
          <select value={file} onChange={(e) => setFile(e.target.value)}>
            {files.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
      )}
      <label className="field wide">
        <span className="field-label">{t('resolve.reason')} <span className="required">*</span></span>
        <textarea ref={reasonRef} rows={2} value={reason} required maxLength={FIELD_LIMITS.reason} placeholder={t('resolve.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="resolve-reason" />
        <span className="muted counter" data-testid="resolve-reason-count">{t('resolve.reasonCount', { n: formatNumber(reason.length), max: formatNumber(FIELD_LIMITS.reason) })}</span>
      </label>
      <div className="row">
        <button type="submit" className="button primary" disabled={!valid || busy} data-testid="resolve-submit">{t('resolve.submit')}</button>
        <span className="muted">{t('resolve.keysHint')}</span>
      </div>
      {!user && <p className="field-error">{t('common.needUser')}</p>}
    </form>
  );
}
