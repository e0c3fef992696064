/** Thiết lập: the office's province and document heading, changed later; every change goes on the audit log. */
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { SetupForm } from './SetupForm';
import { useSetup } from './use-setup';

export function SettingsScreen() {
  const { t } = useTranslation();
  const [state, setState, error] = useSetup();
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!state) return <Spinner label={t('common.loading')} />;
  return (
    <section className="screen">
      <SetupForm state={state} onSaved={setState} />
    </section>
  );
}
