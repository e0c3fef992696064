/** The current screen from the URL hash: in-page navigation, which the Electron window allows. */
import { useEffect, useState } from 'react';
import type { Screen } from './screens';
import { screenFromHash } from './screens';

export function useScreen(): [Screen, (s: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(() => screenFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setScreen(screenFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [screen, (s) => { location.hash = `#/${s}`; }];
}
