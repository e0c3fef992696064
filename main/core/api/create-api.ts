/**
 * The one implementation of the contract in shared/api.ts, composed from one handler slice per
 * capability. Electron IPC, the HTTP server and the CLI all call this; none holds logic of its own.
 */
import type { Api } from '../../../shared/api';
import type { Database } from '../store/open-db';
import type { Gate } from './access';
import { accountGate, accountHandlers } from './account-handlers';
import { signInHandlers } from './sign-in-handlers';
import { catalogEditHandlers } from './catalog-edit-handlers';
import { catalogHandlers } from './catalog-handlers';
import type { CoreDeps } from './context';
import { makeContext } from './context';
import { entryHandlers } from './entry-handlers';
import { figureHandlers } from './figure-handlers';
import { importHandlers } from './import-handlers';
import { inspectHandlers } from './inspect-handlers';
import { periodHandlers } from './period-handlers';
import { reviewHandlers } from './review-handlers';
import { storeHandlers } from './store-handlers';
import { pendingCheckUnits } from '../store/queries/pending-checks';
import { setupHandlers } from './setup-handlers';

export type { CoreDeps, DemoWriter, StoreSession } from './context';

export interface Core extends Api {
  /** Closes the store and stops the reader thread this API started. */
  close(): Promise<void>;
  /** The open store itself, for the app's holder of stores (daily backups, a restore's log entry). */
  readonly db: Database;
  /** The store's accounts, which the edges check every call against (main/core/api/access.ts). */
  readonly gate: Gate;
}

export function createApi(deps: CoreDeps): Core {
  const ctx = makeContext(deps);
  // Returns stored by a process killed before its check are checked now (issue 16: every stored return is checked).
  if (deps.checkAfterImport !== false) {
    const left = pendingCheckUnits(ctx.db);
    // A failed check leaves its units marked: the next import or start checks them again.
    if (left.length > 0) void ctx.checker.units(left).catch(() => undefined);
  }
  const api: Api = {
    ...importHandlers(ctx),
    ...catalogHandlers(ctx),
    ...figureHandlers(ctx),
    ...reviewHandlers(ctx),
    ...storeHandlers(ctx),
    ...setupHandlers(ctx),
    ...entryHandlers(ctx),
    ...inspectHandlers(ctx),
    ...periodHandlers(ctx),
    ...catalogEditHandlers(ctx),
    ...accountHandlers(ctx),
    ...signInHandlers(ctx),
  };
  return {
    ...api,
    db: ctx.db,
    gate: accountGate(ctx),
    close: async () => {
      await ctx.checker.close();
      ctx.db.close();
      await ctx.reader.stop();
    },
  };
}
