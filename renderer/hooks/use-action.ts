/** A person's action on the API: busy while it runs, its error kept for the screen to show. */
import { useState } from 'react';

export interface ActionState {
  busy: boolean;
  error: string | null;
  /** For the screen's other errors (a grid's loading), shown in the same place. */
  setError: (message: string | null) => void;
  /** Runs `act` unless it throws; the error's message is kept, and busy is over either way. */
  run: (act: () => Promise<void>) => Promise<void>;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (act: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await act();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
