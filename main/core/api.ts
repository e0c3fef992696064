/**
 * The one implementation of the contract in shared/api.ts. Electron IPC, the HTTP server and the
 * CLI all call this; none of them holds logic of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Api, Args } from '../../shared/api';
import type { Flag, ImportProgress } from '../../shared/types';
import { loadCatalog } from './catalog/load-catalog';
import { loadUnits } from './catalog/load-units';
import type { LabelIndex } from './catalog/match-label';
import { buildLabelIndex } from './catalog/match-label';
import { indexLexicon, normalizeLabel } from './catalog/normalize-label';
import { collectFiles } from './import/collect-files';
import { previewCell } from './review/preview-cell';
import type { BatchHooks } from './import-batch';
import { importBatch, importedUnits } from './import-batch';
import { ImportJobs } from './import-jobs';
import { finishFile, startFile } from './import/import-file';
import { startReader } from './import/read/reader-thread';
import type { ImportLimits } from './import/limits';
import { DEFAULT_LIMITS } from './import/limits';
import type { DirectoryUnit } from './import/recognise/find-unit';
import type { Database } from './store/open-db';
import { openDb } from './store/open-db';
import { appendAudit, listAudit } from './store/queries/audit';
import { Checker } from './review/check';
import { effectiveValue } from './review/effective-value';
import { countFlagTotals, getFlag, listFlags } from './review/flags-store';
import { resolveFlag } from './review/resolve-flag';
import { listFigures } from './store/queries/figures';
import { listFiles } from './store/queries/files';
import { seedCatalog, seedUnits } from './store/queries/seed';
import { loadDirectory, listUnits, rememberUnitName } from './store/queries/units';
import { stmt } from './store/statements';
import { applyMapping, confirmedMappings, listUnmapped } from './store/queries/unmapped';

export interface CoreOptions {
  dbPath: string;
  limits?: ImportLimits;
  now?: () => string;
  onProgress?: (p: ImportProgress) => void;
  /** Check the imported units at the end of each import (default); the bench measures the two apart. */
  checkAfterImport?: boolean;
  /** Start the reader thread with the store (the app, the CLI's import), not at the first file. */
  startReader?: boolean;
}

export interface Core extends Api {
  db: Database;
  close(): void;
}

export function createApi(opts: CoreOptions): Core {
  if (opts.startReader) startReader();
  const db = openDb(opts.dbPath);
  const { catalog, lexicon } = loadCatalog();
  seedCatalog(db, catalog);
  seedUnits(db, loadUnits());
  const lex = indexLexicon(lexicon);
  const now = opts.now ?? (() => new Date().toISOString());
  let labels: LabelIndex | null = null;
  let units: DirectoryUnit[] | null = null;
  const labelIndex = () => (labels ??= buildLabelIndex(catalog.indicators, lex, confirmedMappings(db)));
  const directory = () => (units ??= loadDirectory(db));

  const checker = new Checker(db, catalog);
  // Copies of imported files beside the store (not for an in-memory store).
  const archiveDir = opts.dbPath === ':memory:' ? undefined : path.join(path.dirname(opts.dbPath), 'tep-da-nhap');
  const importContext = (user?: string, receivedAt?: string) => ({
    db, labels: labelIndex, units: directory, limits: opts.limits ?? DEFAULT_LIMITS, now, user: user ?? null, archiveDir, ...(receivedAt ? { receivedAt } : {}),
  });
  const jobs = new ImportJobs();

  /** The files of a batch; a path that is not there is named in Vietnamese before anything is read. */
  const filesOf = (paths: string[]) => {
    const missing = paths.find((p) => !fs.existsSync(p));
    if (missing) throw new Error(`Không tìm thấy tệp hoặc thư mục “${missing}” trên máy này`);
    return collectFiles(paths);
  };

  /** One batch, then the check of the units it changed: flags follow every import, a stopped one too. */
  const importAndCheck = async (files: string[], { user, receivedAt }: Args<'importFiles'>, hooks: BatchHooks) => {
    const results = await importBatch(importContext(user, receivedAt), files, hooks);
    if (opts.checkAfterImport !== false) checker.units(importedUnits(results));
    return results;
  };

  const api: Api = {
    async importFiles(args) {
      return importAndCheck(filesOf(args.paths), args, { ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
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
    async listFigures(args) {
      return listFigures(db, args);
    },
    async listUnmapped() {
      return listUnmapped(db);
    },
    async mapLabel({ label, indicator, user }) {
      if (!catalog.indicators.some((i) => i.code === indicator)) throw new Error(`Không có chỉ tiêu mã “${indicator}” trong danh mục`);
      const folded = normalizeLabel(label, lex).text;
      const touched = (stmt(db, `SELECT DISTINCT u.code FROM unmapped_rows r JOIN files f ON f.id = r.file_id JOIN units u ON u.id = f.unit_id
        WHERE r.folded = ? AND r.resolved_at IS NULL`).all(folded) as { code: string }[]).map((r) => r.code);
      const figuresAdded = db.transaction(() => {
        const at = now();
        const added = applyMapping(db, label, folded, indicator, user, at);
        appendAudit(db, { at, user, action: 'map-label', target: label, oldValue: null, newValue: indicator, reason: `${added} số liệu được nhập theo ánh xạ này` });
        return added;
      })();
      labels = null;
      checker.units(touched);
      return { label, indicator, figuresAdded };
    },
    async listIndicators() {
      const groups = new Map(catalog.groups.map((g) => [g.code, g.name]));
      return catalog.indicators.map((i, sort) => ({
        code: i.code, name: i.name, unit: i.unit, kind: i.kind, group: i.group, groupName: groups.get(i.group) ?? i.group, parent: i.parent ?? null,
        decimals: Boolean(i.decimals) || i.kind === 'rate', sort,
      }));
    },
    async listUnits({ at }) {
      return listUnits(db, at);
    },
    async listFiles() {
      return listFiles(db);
    },
    async assignUnit({ file, unit, user }) {
      const rec = stmt(db, "SELECT id, path, error_code AS code FROM files WHERE name = ? AND outcome = 'rejected' ORDER BY id DESC LIMIT 1").get(file) as { id: number; path: string; code: string } | undefined;
      if (!rec) throw new Error(`Không có tệp bị từ chối nào tên “${file}”`);
      const ctx = importContext(user);
      const { titleName, unitId, ...result } = await finishFile(ctx, startFile(ctx, rec.path), unit);
      if (result.status !== 'imported') return result;
      db.transaction(() => {
        rememberUnitName(db, unitId!, titleName ?? null);
        appendAudit(db, { at: now(), user, action: 'assign-unit', target: file, oldValue: rec.code, newValue: unit, reason: titleName ? `tên “${titleName}” được ghi nhớ cho đơn vị ${unit}` : null });
      })();
      units = null;
      checker.units([unit]);
      return result;
    },
    async checkFlags() {
      return checker.full();
    },
    async listFlags(args) {
      return listFlags(db, args);
    },
    async countFlags(args) {
      return countFlagTotals(db, args);
    },
    async resolveFlag(args) {
      const unit = resolveFlag(db, args, now());
      // Accepting changes no figure: the flags stand, only their status moves.
      const summary = args.action === 'accept' ? checker.units([]) : checker.units([unit], true);
      // One flag by its id, not the whole queue (100,000 flags take seconds to read).
      const flag = getFlag(db, args.flagId);
      return { flag: flag ? withoutSignature(flag) : null, summary };
    },
    async listAudit() {
      return listAudit(db);
    },
    async loadDemo({ user }) {
      // The generator and the writer load exceljs: only when asked, not at every start.
      const { writeDemoReturns } = await import('./generate/demo');
      const files = await writeDemoReturns(path.join(path.dirname(opts.dbPath), 'du-lieu-mau'));
      return api.importFiles({ paths: files, user: user ?? 'dữ liệu mẫu' });
    },
    async previewCell(args) {
      return previewCell(db, archiveDir, opts.limits ?? DEFAULT_LIMITS, args);
    },
    async exportWorkbook({ out, ...args }) {
      const { exportWorkbook } = await import('./export/export-workbook');
      const r = await exportWorkbook(db, { ...args, catalog });
      const fileName = `Tong hop ${args.period}${args.layout === 'periods' ? ` ${args.unit ?? 'toan tinh'}` : ''}.xlsx`;
      if (out) fs.writeFileSync(out, r.buffer);
      return { fileName, path: out ?? null, base64: out ? null : r.buffer.toString('base64'), sheets: r.sheets, cells: r.cells, formulas: r.formulas };
    },
    async getEffective(args) {
      return effectiveValue(db, args);
    },
  };
  return { ...api, db, close: () => db.close() };
}

/** The signature is the store's business (it ties a resolution to the figures it saw). */
function withoutSignature({ signature: _s, ...flag }: Flag & { signature: string }): Flag {
  return flag;
}
