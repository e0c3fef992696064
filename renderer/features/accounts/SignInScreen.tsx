/**
 * Đăng nhập: shown instead of the screens while the store has accounts and nobody is signed in
 * here. One message for any refusal: the core never says whether the login or the password was wrong.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/use-action';
import { signIn } from '../../app/session';

export function SignInScreen() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = () => action.run(async () => {
    await signIn(login, password);
    setPassword('');
  });
  return (
    <main className="signin" data-testid="screen-signin">
      <form className="signin-card" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <h1 className="screen-title">{t('signIn.title')}</h1>
        <p className="lead">{t('signIn.lead')}</p>
        <label className="field">
          <span className="field-label">{t('signIn.login')}</span>
          <input type="text" autoComplete="username" autoFocus value={login} maxLength={64} onChange={(e) => setLogin(e.target.value)} data-testid="signin-login" />
        </label>
        <label className="field">
          <span className="field-label">{t('signIn.password')}</span>
          <input type="password" autoComplete="current-password" value={password} maxLength={200} onChange={(e) => setPassword(e.target.value)} data-testid="signin-password" />
        </label>
        <button type="submit" className="button primary" disabled={action.busy || !login.trim() || !password} data-testid="signin-submit">{t('signIn.submit')}</button>
        {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      </form>
    </main>
  );
}
