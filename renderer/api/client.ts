/** The contract from the renderer: window.app under Electron (preload), else HTTP to 127.0.0.1. */
import type { Api, Args, Method, Result, Results } from '../../shared/api';
import { methods } from '../../shared/api';

declare global {
  interface Window { app?: { call: (method: string, args: unknown) => Promise<Result<unknown>> } }
}

async function call<M extends Method>(method: M, args: Args<M>): Promise<Results[M]> {
  const result = window.app
    ? await window.app.call(method, args)
    : (await (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })).json()) as Result<unknown>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Results[M];
}

export const api = Object.fromEntries(methods.map((m) => [m, (args: never) => call(m, args)])) as unknown as Api;
