/**
 * The failed sign-ins on record, by login, for the quản trị (on Tài khoản): who is being guessed
 * at, whether an account has that login, and which logins are locked now. Read again when another
 * desk writes to the store, since a guess may be going on at another desk while this one looks.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { formatDateTime, formatNumber } from '../../format/numbers';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';

export function SignInFailures() {
  const { t } = useTranslation();
  const list = useLoad(() => api.listSignInFailures({}), []);
  useStoreChanges(list.refresh);
  return (
    <section className="sign-in-failures" data-testid="sign-in-failures">
      <h2 className="section-title">{t('accounts.failuresTitle')}</h2>
      <p className="hint">{t('accounts.failuresLead')}</p>
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {list.data?.length === 0 && <p className="muted">{t('accounts.failuresNone')}</p>}
      {list.data && list.data.length > 0 && (
        <div className="table-scroll">
          <table className="table compact account-table">
            <thead>
              <tr><th>{t('accounts.login')}</th><th className="num">{t('accounts.colFailed')}</th><th className="num">{t('accounts.colRefused')}</th><th>{t('accounts.colLast')}</th><th>{t('accounts.status')}</th></tr>
            </thead>
            <tbody>
              {list.data.map((f) => (
                <tr key={f.login} data-testid={`sign-in-failures-${f.login}`}>
                  <td className="nowrap"><strong>{f.login}</strong>{f.known ? null : <span className="muted"> ({t('accounts.unknownLogin')})</span>}</td>
                  <td className="num">{formatNumber(f.failed)}</td>
                  <td className="num">{formatNumber(f.refused)}</td>
                  <td className="nowrap">{formatDateTime(f.lastAt)}</td>
                  <td>{f.lockedUntil
                    ? <span className="badge badge-rejected">{t('accounts.lockedUntil', { time: formatDateTime(f.lockedUntil) })}</span>
                    : <span className="muted">{t('accounts.notLocked')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
