/** The store itself: backups made and listed here; restore and the demo store through the app's session. */
import path from 'node:path';
import type { Api } from '../../../shared/api';
import type { BackupInfo } from '../../../shared/types';
import { backupTo, listBackupFiles } from '../store/backup';
import { changeStamp } from '../store/queries/changes';
import { appendAudit } from '../store/queries/audit';
import type { CoreContext } from './context';

type StoreHandlers = Pick<Api, 'backupNow' | 'listBackups' | 'restoreBackup' | 'storeMode' | 'storeChanges' | 'useDemo'>;

const NOT_HERE = 'Chức năng này chỉ có trong ứng dụng (không có khi dùng dòng lệnh với một tệp cơ sở dữ liệu)';

export function backupDirOf(ctx: CoreContext): string {
  return ctx.deps.backupDir ?? path.join(path.dirname(ctx.deps.dbPath), 'sao-luu');
}

function info(f: { name: string; size: number; at: string }): BackupInfo {
  return { name: f.name, size: f.size, at: f.at, automatic: f.name.startsWith('tu-dong-') };
}

export function storeHandlers(ctx: CoreContext): StoreHandlers {
  const { db, deps, now } = ctx;
  return {
    async backupNow({ user }) {
      if (deps.dbPath === ':memory:') throw new Error('Cơ sở dữ liệu tạm trong bộ nhớ không sao lưu được');
      const at = now();
      const file = path.join(backupDirOf(ctx), `thu-cong-${at.replace(/[:.]/g, '-')}.db`);
      // On the log first: the backup then holds the entry that says it was made.
      appendAudit(db, { at, user, action: 'backup', target: path.basename(file), oldValue: null, newValue: null, reason: null });
      await backupTo(db, file, deps.migrationsDir);
      return info(listBackupFiles(backupDirOf(ctx)).find((f) => f.file === file)!);
    },
    async listBackups() {
      return listBackupFiles(backupDirOf(ctx)).map(info);
    },
    async restoreBackup({ name, user }) {
      if (!deps.session) throw new Error(NOT_HERE);
      const r = await deps.session.restore(path.join(backupDirOf(ctx), name), user);
      return { restored: name, auditEntries: r.auditEntries };
    },
    async storeMode() {
      return { demo: deps.session?.demo() ?? false };
    },
    async storeChanges() {
      return { stamp: changeStamp(db) };
    },
    async useDemo({ on }) {
      if (!deps.session) throw new Error(NOT_HERE);
      await deps.session.useDemo(on);
      return { demo: deps.session.demo() };
    },
  };
}
