/**
 * A decision on a flag: accept as is, correct one figure, or choose which submission stands.
 * A reason is always required (the audit log keeps it). Ctrl+Enter records, Escape goes back
 * to the queue. The parent keys it by flag id, so a new flag starts with an empty form. While a
 * decision is on its way the form takes no other (a second Ctrl+Enter before React re-renders
 * would otherwise send it twice); the core refuses a second decision on a resolved flag too.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Args } from '../../../shared/api';
import type { Flag } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import { parseTypedNumber } from '../../format/parse-number';
import { FIELD_LIMITS } from '../../../shared/limits';
import { useMay } from '../../app/session';

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
  /** Settles once the decision is recorded (true) or refused (false). */
  onSubmit: (args: Args<'resolveFlag'>) => Promise<boolean>;
  onCancel: () => void;
}

export function ResolveForm({ flag, action, focusTick, figureIndex, user, busy, onAction, onFigure, onSubmit, onCancel }: ResolveFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [value, setValue] = useState('');
  const files = submissions(flag);
  // The submission in use is the one selected to begin with: choosing is saying which stands.
  const [file, setFile] = useState((files.find((f) => f.inUse) ?? files.at(-1))?.key ?? '');
  const pending = useRef(false);
  const [sending, setSending] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const figure = flag.figures[figureIndex];
  const parsed = parseTypedNumber(value);
  useEffect(() => {
    if (focusTick === 0) return;
    (action === 'correct' ? valueRef.current : reasonRef.current)?.focus();
  }, [focusTick, action]);
  const may = useMay('resolveFlag');
  const valid = may.allowed && reason.trim().length > 0 && user.length > 0
    && (action !== 'correct' || (parsed !== null && figure !== undefined))
    && (action !== 'choose' || file.length > 0);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    // A ref, not state: two key presses in one frame both see the same state.
    if (!valid || busy || pending.current) return;
    pending.current = true;
    setSending(true);
    const base = { flagId: flag.id, action, reason: reason.trim(), user };
    const chosen = files.find((f) => f.key === file);
    const args = action === 'correct' && figure && parsed !== null ? { ...base, value: parsed, cell: `${figure.sheet}!${figure.cell}` }
      : action === 'choose' && chosen ? { ...base, file: chosen.name, ...(chosen.fileId !== undefined ? { fileId: chosen.fileId } : {}) }
        : base;
    // Recorded: the form stays shut until this flag gives way to its decision or the next flag.
    void onSubmit(args).then((recorded) => { if (!recorded) { pending.current = false; setSending(false); } });
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
          <select value={file} onChange={(e) => setFile(e.target.value)} data-testid="resolve-file">
            {files.map((f) => <option key={f.key} value={f.key}>{f.label}{f.inUse ? ` (${t('resolve.inUse')})` : ''}</option>)}
          </select>
        </label>
      )}
      <label className="field wide">
        <span className="field-label">{t('resolve.reason')} <span className="required">*</span></span>
        <textarea ref={reasonRef} rows={2} value={reason} required maxLength={FIELD_LIMITS.reason} placeholder={t('resolve.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="resolve-reason" />
        <span className="muted counter" data-testid="resolve-reason-count">{t('resolve.reasonCount', { n: formatNumber(reason.length), max: formatNumber(FIELD_LIMITS.reason) })}</span>
      </label>
      <div className="row">
        <button type="submit" className="button primary" disabled={!valid || busy || sending} title={may.why} data-testid="resolve-submit">{t('resolve.submit')}</button>
        <span className="muted">{t('resolve.keysHint')}</span>
      </div>
      {!user && <p className="field-error">{t('common.needUser')}</p>}
    </form>
  );
}

interface Submission { key: string; name: string; fileId?: number; label: string; inUse: boolean }

/** The flag's files, once each, by id where the flag knows it: two submissions may share a name. */
function submissions(flag: Flag): Submission[] {
  const out = new Map<string, Submission>();
  for (const f of flag.figures) {
    const key = f.fileId !== undefined ? String(f.fileId) : f.file;
    const known = out.get(key);
    if (known) { known.inUse ||= f.inUse === true; continue; }
    out.set(key, { key, name: f.file, ...(f.fileId !== undefined ? { fileId: f.fileId } : {}), label: f.file, inUse: f.inUse === true });
  }
  const list = [...out.values()];
  for (const s of list) if (s.fileId !== undefined && list.some((o) => o !== s && o.name === s.name)) s.label = `${s.name} (#${s.fileId})`;
  return list;
}
