/** The office's set-up: its province and how its documents are headed and signed, with a preview. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeSetup, SetupState } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/use-action';
import { resetReference } from '../../hooks/use-reference';
import { useUserName } from '../../hooks/use-user-name';
import { ProvinceSelect } from './ProvinceSelect';
import { useMay } from '../../app/session';

type Draft = Omit<OfficeSetup, 'provinceName' | 'recipients'> & { recipients: string };

const TEXT_FIELDS = ['agency', 'office', 'place', 'signerAuthority', 'signerTitle', 'signer', 'preparer'] as const;

function draftOf(state: SetupState): Draft {
  const s = state.setup;
  const province = s?.province ?? state.proposed?.province ?? '';
  return {
    province, agency: s?.agency ?? '', office: s?.office ?? '', place: s?.place ?? '', signerAuthority: s?.signerAuthority ?? '',
    signerTitle: s?.signerTitle ?? '', signer: s?.signer ?? '', preparer: s?.preparer ?? '', recipients: (s?.recipients ?? []).join('\n'),
  };
}

export function SetupForm({ state, onSaved }: { state: SetupState; onSaved: (s: SetupState) => void }) {
  const { t } = useTranslation();
  const user = useUserName();
  const may = useMay('saveSetup');
  const action = useAction();
  const [draft, setDraft] = useState<Draft>(() => draftOf(state));
  const [saved, setSaved] = useState<string | null>(null);
  // A new province brings its own heading; the person's typed values stay only for the same province.
  const set = (k: keyof Draft, v: string) => { setSaved(null); setDraft((d) => (k === 'province' && v !== d.province ? { ...d, province: v, agency: '', place: '' } : { ...d, [k]: v })); };
  const save = () => action.run(async () => {
    if (!user.trim()) throw new Error(t('setup.needUser'));
    const recipients = draft.recipients.split('\n').map((r) => r.trim()).filter(Boolean);
    const given = Object.fromEntries(TEXT_FIELDS.map((k) => [k, draft[k].trim()]).filter(([, v]) => v !== ''));
    // An empty list keeps the defaults (or the list saved before).
    const next = await api.saveSetup({ province: draft.province, ...given, ...(recipients.length ? { recipients } : {}), user });
    setDraft(draftOf(next));
    setSaved(t('setup.saved', { name: next.setup?.provinceName ?? draft.province }));
    resetReference();
    onSaved(next);
  });
  const preview = state.setup && state.setup.province === draft.province ? state.setup : null;
  const hint = (k: (typeof TEXT_FIELDS)[number]) => (preview ? preview[k] : headingHint(state, draft.province)[k] ?? '');
  return (
    <form className="setup-form" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="setup-form">
      {state.proposed && !state.configured ? <Notice kind="info">{t('setup.proposed', { files: state.proposed.files, name: state.proposed.name })}</Notice> : null}
      <ProvinceSelect provinces={state.provinces} value={draft.province} onChange={(v) => set('province', v)} />
      <div className="setup-grid">
        {TEXT_FIELDS.map((k) => (
          <label className="field" key={k}>
            <span className="field-label">{t(`setup.${k}`)}</span>
            <input type="text" value={draft[k]} maxLength={200} placeholder={hint(k) ? t('setup.default', { value: hint(k) }) : ''}
              onChange={(e) => set(k, e.target.value)} data-testid={`setup-${k}`} />
          </label>
        ))}
        <label className="field wide">
          <span className="field-label">{t('setup.recipients')}</span>
          <textarea rows={4} value={draft.recipients} onChange={(e) => set('recipients', e.target.value)} data-testid="setup-recipients" />
        </label>
      </div>
      {preview ? <HeadingPreview setup={preview} /> : null}
      <div className="setup-actions">
        <button type="submit" className="button primary" disabled={action.busy || !draft.province || !may.allowed} title={may.why} data-testid="setup-save">{t('setup.save')}</button>
        {!may.allowed ? <span className="muted">{may.why}</span> : null}
        {saved ? <Notice kind="success">{saved}</Notice> : null}
        {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      </div>
    </form>
  );
}

/** Before the first save: the heading the core will derive from the chosen province's name. */
function headingHint(state: SetupState, code: string): Partial<Record<(typeof TEXT_FIELDS)[number], string>> {
  const p = state.provinces.filter((x) => x.code === code).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!p) return {};
  return { agency: `CÔNG AN ${p.name.toLocaleUpperCase('vi')}`, place: p.name.replace(/^(Tỉnh|Thành phố)\s+/u, '') };
}

/** The agency block, date line and signature as the export will write them. */
function HeadingPreview({ setup }: { setup: OfficeSetup }) {
  const { t } = useTranslation();
  return (
    <fieldset className="setup-preview" data-testid="setup-preview">
      <legend>{t('setup.preview')}</legend>
      <div className="preview-left">
        <div>{setup.agency.toLocaleUpperCase('vi')}</div>
        <div className="strong">{setup.office.toLocaleUpperCase('vi')}</div>
      </div>
      {/* The preparer signs in the middle, as on the exported report. */}
      <div className="preview-preparer" data-testid="setup-preview-preparer">
        <div className="strong">{t('setup.preparerHeading')}</div>
        <div className="strong signer">{setup.preparer}</div>
      </div>
      <div className="preview-right">
        <div className="italic">{t('setup.datePreview', { place: setup.place })}</div>
        <div className="strong">{setup.signerAuthority.toLocaleUpperCase('vi')}</div>
        <div className="strong">{setup.signerTitle.toLocaleUpperCase('vi')}</div>
        <div className="strong signer">{setup.signer}</div>
      </div>
    </fieldset>
  );
}
