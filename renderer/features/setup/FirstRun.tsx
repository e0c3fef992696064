/** The first start of a new store: the office sets itself up before anything else. */
import { useTranslation } from 'react-i18next';
import type { SetupState } from '../../../shared/types';
import { SetupForm } from './SetupForm';

export function FirstRun({ state, onSaved }: { state: SetupState; onSaved: (s: SetupState) => void }) {
  const { t } = useTranslation();
  return (
    <main className="content first-run" data-testid="first-run">
      <h1 className="screen-title">{t('setup.firstRunTitle')}</h1>
      <p className="muted">{t('setup.firstRunIntro')}</p>
      <SetupForm state={state} onSaved={onSaved} />
    </main>
  );
}
