/**
 * Imports that run in the main process while the renderer polls them: a table of jobs in memory,
 * each with its files done, the file in hand and each finished file's result. Jobs live only as
 * long as the process (a batch is rerun by importing again: files already in are duplicates), and
 * only the last few finished ones are kept.
 */
import { CodedError } from '../../../shared/errors';
import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../../../shared/types';
import type { BatchHooks } from './import-batch';

/** Runs the batch with the job's hooks; settles once the batch and the check after it are over. */
export type BatchRunner = (hooks: BatchHooks) => Promise<unknown>;

/** Held by the table and changed in place as the batch moves; callers get copies. */
type Job = ImportJob;

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  /** Enough finished jobs for a screen that comes back to one; a long session never piles them up. */
  constructor(private readonly keepFinished = 20) {}

  start(total: number, run: BatchRunner): string {
    const job: Job = { jobId: randomUUID(), total, done: 0, current: null, results: [], finished: false, cancelled: false, error: null };
    this.jobs.set(job.jobId, job);
    const hooks: BatchHooks = {
      onProgress: (p) => {
        if (p.result) { job.results.push(p.result); job.done = job.results.length; job.current = null; } else job.current = p.file;
      },
      stopRequested: () => job.cancelled,
      onBatch: (b) => { job.batchId = b.batchId; if (b.flagsRaised !== undefined) job.flagsRaised = b.flagsRaised; },
    };
    // Not awaited: the caller answers with the id at once and the renderer polls.
    void run(hooks).then(
      () => this.finish(job, null),
      (err: unknown) => this.finish(job, `Nhập báo cáo bị dừng do lỗi: ${err instanceof Error ? err.message : String(err)}`),
    );
    return job.jobId;
  }

  /** The job as it stands; `from` leaves out the results the caller already has. */
  progress(jobId: string, from = 0): ImportJob {
    const job = this.get(jobId);
    return { ...job, results: job.results.slice(from) };
  }

  /** Every job still held, the latest first, without their results: for a screen that lost its job's id. */
  list(): ImportJob[] {
    return [...this.jobs.values()].reverse().map((j) => ({ ...j, results: [] }));
  }

  /** Asks the job to stop before its next file. False where it had already finished. */
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.get(jobId);
    if (job.finished) return { cancelled: false };
    job.cancelled = true;
    return { cancelled: true };
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new CodedError('not-found', `Không có lượt nhập mã “${jobId.slice(0, 64)}” (có thể ứng dụng đã khởi động lại)`);
    return job;
  }

  private finish(job: Job, error: string | null): void {
    job.current = null;
    job.error = error;
    job.finished = true;
    // The map keeps insertion order: the oldest finished jobs go first.
    const finished = [...this.jobs.values()].filter((j) => j.finished);
    for (const old of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.jobs.delete(old.jobId);
  }
}

