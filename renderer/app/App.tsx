/** The frame: title and user bar on top, screens on the left, the current screen in the rest. */
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditScreen } from '../features/audit/AuditScreen';
import { EntryScreen } from '../features/entry/EntryScreen';
import { CatalogScreen } from '../features/catalog/CatalogScreen';
import { ExportScreen } from '../features/export/ExportScreen';
import { FiguresScreen } from '../features/figures/FiguresScreen';
import { HistoryScreen } from '../features/history/HistoryScreen';
import { BackupScreen } from '../features/backup/BackupScreen';
import { DemoBanner } from './DemoBanner';
import { FlagsScreen } from '../features/flags/FlagsScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { MappingScreen } from '../features/mapping/MappingScreen';
import { StatusScreen } from '../features/status/StatusScreen';
import { TrendScreen } from '../features/trend/TrendScreen';
import { FirstRun } from '../features/setup/FirstRun';
import { SettingsScreen } from '../features/setup/SettingsScreen';
import { useSetup } from '../features/setup/use-setup';
import { Nav } from './Nav';
import type { Screen } from './screens';
import { visibleScreens } from './screens';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { SignInScreen } from '../features/accounts/SignInScreen';
import { useEffect } from 'react';
import { Notice } from '../components/Notice';
import { refreshSession, useSession } from './session';
import { UserBar } from './UserBar';
import { useScreen } from './use-screen';

function Current({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'import': return <ImportScreen />;
    case 'entry': return <EntryScreen />;
    case 'mapping': return <MappingScreen />;
    case 'figures': return <FiguresScreen />;
    case 'flags': return <FlagsScreen />;
    case 'status': return <StatusScreen />;
    case 'trend': return <TrendScreen />;
    case 'export': return <ExportScreen />;
    case 'audit': return <AuditScreen />;
    case 'history': return <HistoryScreen />;
    case 'backup': return <BackupScreen />;
    case 'settings': return <SettingsScreen />;
    case 'catalog': return <CatalogScreen />;
    case 'accounts': return <AccountsScreen />;
  }
}

export function App() {
  const [asked, go] = useScreen();
  const session = useSession();
  const [sessionError, setSessionError] = useState<string | null>(null);
  useEffect(() => { refreshSession().catch((err: unknown) => setSessionError(err instanceof Error ? err.message : String(err))); }, []);
  const mustSignIn = session.signInRequired && !session.account;
  // A screen this person's roles do not show (the import screen is the default) gives way to the first one they do.
  const shown = visibleScreens(session);
  const screen = shown.includes(asked) ? asked : (shown[0] ?? 'figures');
  if (!session.loaded) return sessionError ? <Notice kind="error">{sessionError}</Notice> : null;
  return mustSignIn ? <Frame banner={false}><SignInScreen /></Frame> : <Signed screen={screen} go={go} />;
}

/** The top bar and (once signed in, where the store needs it) the demo banner above whatever is shown. */
function Frame({ children, banner = true }: { children: ReactNode; banner?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <UserBar />
      </header>
      {banner ? <DemoBanner /> : null}
      {children}
    </div>
  );
}

function Signed({ screen, go }: { screen: Screen; go: (s: Screen) => void }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useSetup();
  // A new store: the office chooses its province and heading before anything else.
  const firstRun = setup !== null && !setup.configured;
  return (
    <Frame>
      {firstRun ? <div className="body"><FirstRun state={setup} onSaved={setSetup} /></div> : (
        <div className="body">
          <Nav current={screen} onGo={go} />
          <main className="content" data-testid={`screen-${screen}`}>
            <h1 className="screen-title">{t(`nav.${screen}`)}</h1>
            <Current key={screen} screen={screen} />
          </main>
        </div>
      )}
    </Frame>
  );
}
