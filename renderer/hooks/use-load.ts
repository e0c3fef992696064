/** Loads something from the API, with loading and error states and a reload. */
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** The error itself, for its code (ApiError). */
  failure: unknown;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // The caller names what the load depends on, as with useEffect.
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    run().then(
      (value) => { if (live) { setData(value); setError(null); setFailure(null); setLoading(false); } },
      (err: unknown) => { if (live) { setError(err instanceof Error ? err.message : String(err)); setFailure(err); setLoading(false); } },
    );
    // A slower earlier answer must not overwrite a later one.
    return () => { live = false; };
  }, [run, tick]);
  return { data, error, failure, loading, reload: () => setTick((n) => n + 1) };
}
