/** Import: batches (at once or as a polled job), a refused file's unit named by a person, demo data. */
import { CodedError } from '../../../shared/errors';
import fs from 'node:fs';
import path from 'node:path';
import type { Api, Args } from '../../../shared/api';
import { collectFiles } from '../ingest/collect-files';
import type { BatchHooks } from '../ingest/import-batch';
import { importBatch, importedUnits } from '../ingest/import-batch';
import { finishFile, startFile } from '../ingest/import-file';
import { ImportJobs } from '../ingest/import-jobs';
import { appendAudit } from '../store/queries/audit';
import { latestRejectedFile } from '../store/queries/files';
import { rememberUnitName } from '../store/queries/units';
import type { CoreContext } from './context';

type ImportHandlers = Pick<Api, 'importFiles' | 'startImport' | 'importProgress' | 'cancelImport' | 'assignUnit' | 'loadDemo'>;

export function importHandlers(ctx: CoreContext): ImportHandlers {
  const { db, checker, now, deps } = ctx;
  const jobs = new ImportJobs();

  /** The files of a batch; a path that is not there is named in Vietnamese before anything is read. */
  const filesOf = (paths: string[]) => {
    const missing = paths.find((p) => !fs.existsSync(p));
    if (missing) throw new CodedError('not-found', `Không tìm thấy tệp hoặc thư mục “${missing}” trên máy này`);
    return collectFiles(paths);
  };

  /** One batch, then the check of the units it changed: flags follow every import, a stopped one too. */
  const importAndCheck = async (files: string[], { user, receivedAt }: Args<'importFiles'>, hooks: BatchHooks) => {
    const results = await importBatch(ctx.importContext(user, receivedAt), files, hooks);
    if (deps.checkAfterImport !== false) checker.units(importedUnits(results));
    return results;
  };

  const handlers: ImportHandlers = {
    async importFiles(args) {
      return importAndCheck(filesOf(args.paths), args, deps.onProgress ? { onProgress: deps.onProgress } : {});
    },
    async startImport(args) {
      const files = filesOf(args.paths);
      return { jobId: jobs.start(files.length, (hooks) => importAndCheck(files, args, hooks)) };
    },
    async importProgress({ jobId, from }) {
      return jobs.progress(jobId, from);
    },
    async cancelImport({ jobId }) {
      return jobs.cancel(jobId);
    },
    async assignUnit({ file, unit, user }) {
      const rec = latestRejectedFile(db, file);
      if (!rec) throw new CodedError('not-found', `Không có tệp bị từ chối nào tên “${file}”`);
      const ic = ctx.importContext(user);
      const { titleName, unitId, ...result } = await finishFile(ic, startFile(ic, rec.path), unit);
      if (result.status !== 'imported') return result;
      db.transaction(() => {
        rememberUnitName(db, unitId!, titleName ?? null);
        appendAudit(db, { at: now(), user, action: 'assign-unit', target: file, oldValue: rec.code, newValue: unit, reason: titleName ? `tên “${titleName}” được ghi nhớ cho đơn vị ${unit}` : null });
      })();
      checker.units([unit]);
      return result;
    },
    async loadDemo({ user }) {
      if (!deps.demo) throw new CodedError('not-found', 'Bản này không kèm dữ liệu mẫu');
      const write = await deps.demo();
      const files = await write(path.join(path.dirname(deps.dbPath), 'du-lieu-mau'));
      return handlers.importFiles({ paths: files, user: user ?? 'dữ liệu mẫu' });
    },
  };
  return handlers;
}
