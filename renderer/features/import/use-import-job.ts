/**
 * One import at a time, run as a job in the main process and polled every POLL_MS: files done of
 * the total, the file in hand, each finished file's result as it comes. The job outlives the
 * screen (the clerk may look at another screen meanwhile), so its id is kept at module level and
 * the screen picks the job up again when it comes back. It outlives a page or window reload too:
 * the id is kept in sessionStorage, and failing that the core is asked for a job still running.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Args } from '../../../shared/api';
import type { ImportFileResult, ImportJob } from '../../../shared/types';
import { ApiError, api } from '../../api/client';

const POLL_MS = 300;

/** The job the screen last started: its id, and the results already fetched. */
let running: { jobId: string; results: ImportFileResult[] } | null = null;

const SAVED_JOB = 'tonghop.importJob';

function remember(jobId: string | null): void {
  try {
    if (jobId) sessionStorage.setItem(SAVED_JOB, jobId); else sessionStorage.removeItem(SAVED_JOB);
  } catch { /* storage refused: the job is still found by asking the core */ }
}

/** After a reload: the job this tab started, or else one the core is still running. */
async function findJob(): Promise<string | null> {
  let saved: string | null = null;
  try { saved = sessionStorage.getItem(SAVED_JOB); } catch { /* as above */ }
  if (saved) return saved;
  const jobs = await api.listImportJobs({});
  return jobs.find((j) => !j.finished)?.jobId ?? null;
}

export interface ImportJobRun {
  /** The job as last polled (its results all those so far); null before the first import. */
  job: ImportJob | null;
  /** A batch that answers in one go (the demo returns) is running: its words. */
  busy: string | null;
  error: unknown;
  start: (args: Args<'startImport'>) => Promise<void>;
  cancel: () => Promise<void>;
  /** A batch without progress (the demo returns). */
  runOnce: (label: string, batch: () => Promise<ImportFileResult[]>) => Promise<void>;
  /** One file imported again (a unit assigned by hand). */
  replace: (index: number, r: ImportFileResult) => void;
}

export function useImportJob(): ImportJobRun {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(true);

  const poll = useCallback(async () => {
    const current = running;
    if (!current || !live.current) return;
    try {
      const p = await api.importProgress({ jobId: current.jobId, from: current.results.length });
      if (running !== current || !live.current) return;
      current.results = [...current.results, ...p.results];
      setJob({ ...p, results: current.results });
      if (!p.finished) timer.current = setTimeout(() => void poll(), POLL_MS);
    } catch (err) {
      // A job the core no longer knows (the app restarted): nothing to reattach to.
      if (err instanceof ApiError && err.code === 'failed' && running === current && !current.results.length) { running = null; remember(null); return; }
      if (live.current) setError(err);
    }
  }, []);

  // Back on the screen while a job runs (or just after), or after a reload: pick it up where it is.
  useEffect(() => {
    live.current = true;
    if (running) void poll();
    else {
      void findJob().then((jobId) => {
        if (!jobId || running || !live.current) return;
        running = { jobId, results: [] };
        void poll();
      }, () => undefined);
    }
    return () => {
      live.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [poll]);

  const start = async (args: Args<'startImport'>) => {
    setError(null);
    try {
      const { jobId } = await api.startImport(args);
      running = { jobId, results: [] };
      remember(jobId);
      setJob({ jobId, total: 0, done: 0, current: null, results: [], finished: false, cancelled: false, error: null });
      await poll();
    } catch (err) {
      setError(err);
    }
  };

  const cancel = async () => {
    if (!running) return;
    try {
      await api.cancelImport({ jobId: running.jobId });
    } catch (err) {
      setError(err);
    }
  };

  const runOnce = async (label: string, batch: () => Promise<ImportFileResult[]>) => {
    running = null;
    remember(null);
    setBusy(label);
    setError(null);
    try {
      const results = await batch();
      setJob({ jobId: '', total: results.length, done: results.length, current: null, results, finished: true, cancelled: false, error: null });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const replace = (index: number, r: ImportFileResult) => {
    if (running) running.results = running.results.map((x, i) => (i === index ? r : x));
    setJob((j) => j && { ...j, results: j.results.map((x, i) => (i === index ? r : x)) });
  };

  return { job, busy, error, start, cancel, runOnce, replace };
}
