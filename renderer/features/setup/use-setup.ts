/** The office's set-up, loaded once at start: the app shows the first-run screen until there is one. */
import { useEffect, useState } from 'react';
import type { SetupState } from '../../../shared/types';
import { api } from '../../api/client';

export function useSetup(): [SetupState | null, (s: SetupState) => void, string | null] {
  const [state, setState] = useState<SetupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getSetup({}).then((s) => { if (live) setState(s); }, (e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, []);
  return [state, setState, error];
}
