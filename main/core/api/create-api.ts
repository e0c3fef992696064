/**
 * The one implementation of the contract in shared/api.ts, composed from one handler slice per
 * capability. Electron IPC, the HTTP server and the CLI all call this; none holds logic of its own.
 */
import type { Api } from '../../../shared/api';
import { catalogEditHandlers } from './catalog-edit-handlers';
import { catalogHandlers } from './catalog-handlers';
import type { CoreDeps } from './context';
import { makeContext } from './context';
import { figureHandlers } from './figure-handlers';
import { importHandlers } from './import-handlers';
import { inspectHandlers } from './inspect-handlers';
import { periodHandlers } from './period-handlers';
import { reviewHandlers } from './review-handlers';

export type { CoreDeps, DemoWriter } from './context';

export interface Core extends Api {
  /** Closes the store and stops the reader thread this API started. */
  close(): Promise<void>;
}

export function createApi(deps: CoreDeps): Core {
  const ctx = makeContext(deps);
  const api: Api = {
    ...importHandlers(ctx),
    ...catalogHandlers(ctx),
    ...figureHandlers(ctx),
    ...reviewHandlers(ctx),
    ...inspectHandlers(ctx),
    ...periodHandlers(ctx),
    ...catalogEditHandlers(ctx),
  };
  return {
    ...api,
    close: async () => {
      ctx.db.close();
      await ctx.reader.stop();
    },
  };
}
