/** The list of screens down the left side. */
import { useTranslation } from 'react-i18next';
import type { Screen } from './screens';
import { visibleScreens } from './screens';
import { useSession } from './session';

export function Nav({ current, onGo }: { current: Screen; onGo: (s: Screen) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {visibleScreens(session).map((s) => (
        <a
          key={s}
          href={`#/${s}`}
          className={s === current ? 'nav-item active' : 'nav-item'}
          aria-current={s === current ? 'page' : undefined}
          data-testid={`nav-${s}`}
          onClick={(e) => { e.preventDefault(); onGo(s); }}
        >
          {t(`nav.${s}`)}
        </a>
      ))}
    </nav>
  );
}
