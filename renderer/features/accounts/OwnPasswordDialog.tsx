/**
 * Đổi mật khẩu: the signed-in person's own password, opened from the top bar, so it is within reach
 * on every screen and for every role. The current password is asked again (a desk left signed in
 * must not let a passer-by take the account over); the new one is typed twice, and the obvious
 * mistakes are said here before anything is sent. A modal <dialog>: Esc closes it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/use-action';

const MIN_LENGTH = 8;

export function OwnPasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => { dialog.current?.showModal(); }, []);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  // The store's last answer is about what was sent: it goes once the person types again.
  const edit = (set: (v: string) => void, v: string) => { set(v); action.setError(null); };
  // Said once the person has typed enough for it to be a mistake, not while they are typing.
  const problem = again && next.length < MIN_LENGTH ? t('accounts.passwordRule')
    : again.length >= next.length && again !== next ? t('ownPassword.mismatch')
      : next && next === current ? t('ownPassword.same') : null;
  const ready = Boolean(current && next.length >= MIN_LENGTH && again === next && next !== current);
  const submit = () => action.run(async () => {
    await api.changeOwnPassword({ currentPassword: current, newPassword: next });
    setCurrent(''); setNext(''); setAgain('');
    setDone(true);
  });
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="own-password-title" data-testid="own-password">
      <form className="dialog-form" onSubmit={(e) => { e.preventDefault(); if (ready) void submit(); }}>
        <h2 id="own-password-title" className="section-title">{t('ownPassword.title')}</h2>
        {done ? (
          <>
            <Notice kind="success">{t('ownPassword.done')}</Notice>
            <div className="row dialog-buttons">
              <button type="button" className="button primary" autoFocus onClick={() => dialog.current?.close()} data-testid="own-password-close">{t('common.close')}</button>
            </div>
          </>
        ) : (
          <>
            <p className="hint">{t('ownPassword.lead')}</p>
            <label className="field">
              <span className="field-label">{t('ownPassword.current')}</span>
              <input type="password" autoComplete="current-password" autoFocus value={current} maxLength={200} onChange={(e) => edit(setCurrent, e.target.value)} data-testid="own-password-current" />
            </label>
            <label className="field">
              <span className="field-label">{t('ownPassword.new')}</span>
              <input type="password" autoComplete="new-password" value={next} maxLength={200} onChange={(e) => edit(setNext, e.target.value)} data-testid="own-password-new" />
            </label>
            <label className="field">
              <span className="field-label">{t('ownPassword.again')}</span>
              <input type="password" autoComplete="new-password" value={again} maxLength={200} onChange={(e) => edit(setAgain, e.target.value)} data-testid="own-password-again" />
            </label>
            {problem ? <div className="field-error" data-testid="own-password-problem">{problem}</div> : null}
            {action.error ? <Notice kind="error">{action.error}</Notice> : null}
            <div className="row dialog-buttons">
              <button type="button" className="button secondary" onClick={() => dialog.current?.close()} data-testid="own-password-cancel">{t('common.cancel')}</button>
              <button type="submit" className="button primary" disabled={action.busy || !ready} data-testid="own-password-submit">{t('ownPassword.submit')}</button>
            </div>
          </>
        )}
      </form>
    </dialog>
  );
}
