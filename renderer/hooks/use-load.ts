/** Loads something from the API, with loading and error states, a reload and a quiet refresh. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** The error itself, for its code (ApiError). */
  failure: unknown;
  loading: boolean;
  /** Loads again, showing that it does (the person asked, or changed what is shown). */
  reload: () => void;
  /**
   * Loads again in the background (another desk changed the store): what is shown stays, with no
   * loading state, until the new answer replaces it; a failed refresh keeps it too (the next
   * change asks again), so a passing network error never blanks a screen someone is reading.
   */
  refresh: () => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const quiet = useRef(false);
  // The caller names what the load depends on, as with useEffect.
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    // Quiet only for the refresh that asked; a change of what is shown (deps) always shows it loads.
    const background = quiet.current;
    quiet.current = false;
    if (!background) setLoading(true);
    run().then(
      (value) => { if (live) { setData(value); setError(null); setFailure(null); setLoading(false); } },
      (err: unknown) => {
        if (!live) return;
        setLoading(false);
        if (!background) { setError(err instanceof Error ? err.message : String(err)); setFailure(err); }
      },
    );
    // A slower earlier answer must not overwrite a later one.
    return () => { live = false; };
  }, [run, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const refresh = useCallback(() => { quiet.current = true; setTick((n) => n + 1); }, []);
  return { data, error, failure, loading, reload, refresh };
}
