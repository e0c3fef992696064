/** Import: batches (at once or as a polled job), a refused file's unit named by a person, demo data. */
import { CodedError } from '../../../shared/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Api, Args } from '../../../shared/api';
import { collectFiles } from '../ingest/collect-files';
import type { BatchHooks } from '../ingest/import-batch';
import { importBatch, importedUnits } from '../ingest/import-batch';
import { finishFile, startRefusedFile } from '../ingest/import-file';
import { ImportJobs } from '../ingest/import-jobs';
import { appendAudit } from '../store/queries/audit';
import { insertUnitAssignment } from '../store/queries/decisions';
import { importedFileByName, latestRejectedFile } from '../store/queries/files';
import { pendingCheckUnits } from '../store/queries/pending-checks';
import { flagIds, recordBatchFlags } from '../store/queries/flags';
import { rememberUnitName } from '../store/queries/units';
import { finishBatch, listBatches, startBatch } from '../store/queries/batches';
import { recordImport } from '../ingest/record-import';
import type { ImportFileResult } from '../../../shared/types';
import type { CoreContext } from './context';
import { timedAsync } from '../phase-times';

type ImportHandlers = Pick<Api, 'importFiles' | 'startImport' | 'importProgress' | 'cancelImport' | 'assignUnit' | 'loadDemo' | 'listImportJobs' | 'listImportBatches'>;

export function importHandlers(ctx: CoreContext): ImportHandlers {
  const { db, checker, now, deps } = ctx;
  const jobs = new ImportJobs();

  /**
   * One batch, then the check of the units it changed: flags follow every import, a stopped one
   * too. A path that is not there is that path's result (refused, code `missing`); the rest go in.
   */
  const importAndCheck = async ({ files, missing }: BatchFiles, { user, receivedAt }: Args<'importFiles'>, hooks: BatchHooks) => {
    const batchId = startBatch(db, now(), user ?? null);
    hooks.onBatch?.({ batchId });
    const ic = { ...ctx.importContext(user, receivedAt), batchId };
    const gone = missing.map((p, index) => {
      const result = missingResult(p);
      db.transaction(() => recordImport(ic, p, '', result))();
      hooks.onProgress?.({ file: p, index, total: missing.length + files.length, result });
      return result;
    });
    let results: ImportFileResult[] = [];
    try {
      results = await importBatch(ic, files, hooks);
    } finally {
      finishBatch(db, batchId, now(), hooks.stopRequested?.() ?? false);
    }
    // The batch's units, and any a killed process left stored but unchecked (pending_checks).
    if (deps.checkAfterImport !== false) {
      // Which flags are new is told by their ids, stable across checks: the summary links to just those.
      const before = flagIds(db);
      await timedAsync('checking', () => checker.units(new Set([...importedUnits(results), ...pendingCheckUnits(db)])));
      // Recorded whether or not anyone listens (the CLI, demo data): the history links to them too.
      const flagsRaised = recordBatchFlags(db, batchId, before);
      hooks.onBatch?.({ batchId, flagsRaised });
    }
    return [...gone, ...results];
  };

  const handlers: ImportHandlers = {
    async importFiles(args) {
      return importAndCheck(batchFiles(args.paths), args, deps.onProgress ? { onProgress: deps.onProgress } : {});
    },
    async startImport(args) {
      const batch = batchFiles(args.paths);
      return { jobId: jobs.start(batch.files.length + batch.missing.length, (hooks) => importAndCheck(batch, args, hooks)) };
    },
    async listImportJobs() {
      return jobs.list();
    },
    async listImportBatches({ limit }) {
      return listBatches(db, limit);
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
      const { titleName, unitId, ...result } = await finishFile(ic, startRefusedFile(ic, rec), unit);
      if (result.status !== 'imported') return result;
      db.transaction(() => {
        const at = now();
        rememberUnitName(db, unitId!, titleName ?? null);
        const id = insertUnitAssignment(db, { rejectedFileId: rec.id, fileId: importedFileByName(db, file)?.id ?? null, unitId: unitId!, rememberedName: titleName ?? null, user, at });
        appendAudit(db, {
          at, user, action: 'assign-unit', target: file, oldValue: rec.code, newValue: unit, reason: titleName ? `tên “${titleName}” được ghi nhớ cho đơn vị ${unit}` : null,
          unit, fileId: rec.id, detail: { file, rememberedName: titleName ?? null }, decision: { table: 'unit_assignments', id },
        });
      })();
      await checker.units([unit]);
      return result;
    },
    async loadDemo({ user }) {
      if (!deps.demo) throw new CodedError('not-found', 'Bản này không kèm dữ liệu mẫu');
      const write = await deps.demo();
      const as = user ?? 'dữ liệu mẫu';
      if (!ctx.keepContents) return handlers.importFiles({ paths: await write(path.join(path.dirname(deps.dbPath), 'du-lieu-mau')), user: as });
      // A shared store's address is no folder (its dirname would be a folder named "postgres:" under
      // the working directory), and it keeps the files' bytes itself: the returns are written to a
      // folder of their own, removed once imported.
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-du-lieu-mau-'));
      try {
        return await handlers.importFiles({ paths: await write(tmp), user: as });
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
  return handlers;
}

interface BatchFiles { files: string[]; missing: string[] }

/** The files of a batch (folders read recursively), and the paths that are not on this machine. */
function batchFiles(paths: string[]): BatchFiles {
  const missing = paths.filter((p) => !fs.existsSync(p));
  return { files: collectFiles(paths.filter((p) => !missing.includes(p))), missing };
}

function missingResult(p: string): ImportFileResult {
  return {
    file: path.basename(p) || p, status: 'rejected', figures: 0, unmapped: 0,
    error: { code: 'missing', message: `${path.basename(p) || p}: không tìm thấy tệp hoặc thư mục “${p}” trên máy này; các tệp khác vẫn được nhập`, sheet: null, cell: null },
  };
}
