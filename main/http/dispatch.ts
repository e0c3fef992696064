/**
 * One call of the contract from an untrusted edge (HTTP body, IPC message): the method must be
 * known, the arguments must pass its schema, and the answer is a Result, never a thrown error.
 */
import type { Api, Result } from '../../shared/api';
import { isMethod, schemas } from '../../shared/api';
import { errorCodeOf } from '../../shared/errors';

export async function dispatch(api: Api, method: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'unknown-method', message: `Không có chức năng “${String(method).slice(0, 60)}”` } };
  const parsed = schemas[method].safeParse(args ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-arguments', message: `Tham số không hợp lệ cho ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` } };
  }
  try {
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, value: await call(parsed.data) };
  } catch (err) {
    return { ok: false, error: { code: errorCodeOf(err), message: (err as Error).message } };
  }
}
