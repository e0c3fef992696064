/**
 * While the demo store is open, a banner on every screen says so, with the way back to the real
 * store. Screens that switch stores announce it with STORE_CHANGED.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

export const STORE_CHANGED = 'tonghop:store-changed';

export function DemoBanner() {
  const { t } = useTranslation();
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    const ask = () => void api.storeMode({}).then((m) => setDemo(m.demo), () => undefined);
    ask();
    window.addEventListener(STORE_CHANGED, ask);
    return () => window.removeEventListener(STORE_CHANGED, ask);
  }, []);
  if (!demo) return null;
  const back = async () => {
    await api.useDemo({ on: false });
    // Every screen reads the store again.
    window.location.reload();
  };
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <span>{t('demo.banner')}</span>
      <button type="button" className="button secondary" onClick={() => void back()} data-testid="demo-leave">{t('demo.leave')}</button>
    </div>
  );
}
