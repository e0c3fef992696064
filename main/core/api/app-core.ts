/**
 * The app's stores, held for the shells (Electron, browser mode): the real store in the data
 * folder and, on request, the demo store in `du-lieu-mau/`, which the real one never sees. Every
 * call goes to the store in use; switching and restoring close one core and open another, which a
 * core cannot do to itself. Demo data is only ever loaded into the demo store.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Api, Method } from '../../../shared/api';
import { methods } from '../../../shared/api';
import { checkBackup, dailyBackup, replaceStore } from '../store/backup';
import { knownMigrations } from '../store/migrate';
import { appendAudit } from '../store/queries/audit';
import type { Core, CoreDeps, StoreSession } from './create-api';
import { createApi } from './create-api';
import { isPostgresUrl } from '../store/db';

export interface AppCoreOptions {
  dataDir: string;
  /** The office's shared store (`postgres://...`) where it has one; else `tonghop.db` in the data folder. */
  store?: string;
  deps: Omit<CoreDeps, 'dbPath' | 'session' | 'backupDir'>;
  /** Automatic daily backups kept this many days (a setting; 14 by default). */
  keepDays?: number;
  /** Today as YYYY-MM-DD (tests); the local date by default. */
  today?: () => string;
}

export interface AppCore extends Core {
  /** Today's automatic backup of the real store, if not made yet; older automatic ones removed. */
  dailyBackup(): Promise<string | null>;
}

export const DEMO_FOLDER = 'du-lieu-mau';
const ACCOUNT_METHODS = new Set<Method>(['signIn', 'signOut', 'whoAmI', 'listAccounts', 'createAccount', 'setAccountRoles', 'resetPassword', 'deactivateAccount', 'changeOwnPassword', 'listSignInFailures']);

export function openAppCore(opts: AppCoreOptions): AppCore {
  const realPath = opts.store ?? path.join(opts.dataDir, 'tonghop.db');
  const demoPath = path.join(opts.dataDir, DEMO_FOLDER, 'tonghop-mau.db');
  const now = opts.deps.now ?? (() => new Date().toISOString());
  const session: StoreSession = {
    demo: () => current === demo && demo !== null,
    async useDemo(on) {
      if (on) { demo ??= open(demoPath, path.join(opts.dataDir, DEMO_FOLDER, 'sao-luu')); current = demo; return; }
      current = real;
      const d = demo;
      demo = null;
      // After the answer: the call that asked is still running on the demo core.
      if (d) setImmediate(() => void d.close());
    },
    async restore(file, user) {
      // An import writing to the store would lose its store mid-file: wait for it, or stop it.
      if ((await real.listImportJobs({})).some((j) => !j.finished)) throw new Error('Đang nhập báo cáo: chờ nhập xong (hoặc bấm “Dừng”) rồi mới khôi phục; dữ liệu đang dùng vẫn giữ nguyên');
      const check = checkBackup(file, knownMigrations(opts.deps.migrationsDir));
      if (!check.ok) throw new Error(`${check.message}; dữ liệu đang dùng vẫn giữ nguyên`);
      // The shared store's decisions are never overwritten from one desk: IT restores into a new database.
      if (isPostgresUrl(realPath)) throw new Error('Kho dùng chung trên máy chủ PostgreSQL không khôi phục được từ một máy: bộ phận CNTT chép bản sao lưu vào một cơ sở dữ liệu mới (lệnh copy-store); dữ liệu đang dùng vẫn giữ nguyên');
      const old = real;
      await old.close();
      try {
        replaceStore(realPath, file);
      } finally {
        real = open(realPath, path.join(opts.dataDir, 'sao-luu'));
        if (current === old) current = real;
      }
      appendAudit(real.db, { at: now(), user, action: 'restore', target: path.basename(file), oldValue: null, newValue: null, reason: `${check.auditEntries} mục nhật ký trong bản sao lưu` });
      return { auditEntries: check.auditEntries };
    },
  };
  const open = (dbPath: string, backupDir: string) => {
    if (!isPostgresUrl(dbPath)) fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    return createApi({ ...opts.deps, dbPath, backupDir, session });
  };
  let real = open(realPath, path.join(opts.dataDir, 'sao-luu'));
  let demo: Core | null = null;
  let current: Core = real;

  // Accounts are the real store's: the demo store neither holds them nor lets anyone past them.
  const target = (m: Method): Core => (ACCOUNT_METHODS.has(m) ? real : current);
  const api = Object.fromEntries(methods.map((m) => [m, (args: unknown) => (target(m)[m] as (a: unknown) => Promise<unknown>)(args)])) as unknown as Api;
  // Demo returns go into the demo store only: the real store is never written by them.
  const loadDemo: Api['loadDemo'] = async (args) => { await session.useDemo(true); return current.loadDemo(args); };
  return {
    ...api,
    loadDemo,
    get db() { return current.db; },
    gate: { required: () => real.gate.required(), account: (login) => real.gate.account(login) },
    dailyBackup: () => dailyBackup(real.db, path.join(opts.dataDir, 'sao-luu'), (opts.today ?? localDay)(), opts.keepDays ?? 14, opts.deps.migrationsDir),
    close: async () => { await demo?.close(); await real.close(); },
  };
}

function localDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

