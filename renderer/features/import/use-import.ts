/** One import batch at a time: what is running, the results of the last batch, and its error. */
import { useState } from 'react';
import type { ImportFileResult } from '../../../shared/types';

export interface ImportRun {
  busy: string | null;
  results: ImportFileResult[] | null;
  error: unknown;
  run: (label: string, job: () => Promise<ImportFileResult[]>) => Promise<void>;
  /** One file imported again (a unit assigned by hand). */
  replace: (index: number, r: ImportFileResult) => void;
}

export function useImport(): ImportRun {
  const [busy, setBusy] = useState<string | null>(null);
  const [results, setResults] = useState<ImportFileResult[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (label: string, job: () => Promise<ImportFileResult[]>) => {
    setBusy(label);
    setError(null);
    try {
      setResults(await job());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const replace = (index: number, r: ImportFileResult) => setResults((rs) => rs && rs.map((x, i) => (i === index ? r : x)));
  return { busy, results, error, run, replace };
}
