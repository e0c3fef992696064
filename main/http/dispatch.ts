/**
 * One call of the contract from an untrusted edge (HTTP body, IPC message): the method must be
 * known, the arguments must pass its schema, and the answer is a Result, never a thrown error.
 * A validation error names the field in Vietnamese with its limit, and carries the issues as
 * data for the English UI. `edge: 'app'` (HTTP, IPC) refuses the CLI's own fields (`out`).
 */
import type { Api, Result } from '../../shared/api';
import { CLI_ONLY_FIELDS, isMethod, schemas } from '../../shared/api';
import type { FieldIssue } from '../../shared/field-issues';
import { describeIssues, fieldIssues } from '../../shared/field-issues';
import { errorCodeOf } from '../../shared/errors';

export async function dispatch(api: Api, method: unknown, args: unknown, edge: 'app' | 'trusted' = 'app'): Promise<Result<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'unknown-method', message: `Không có chức năng “${String(method).slice(0, 60)}”` } };
  if (edge === 'app' && args && typeof args === 'object') {
    const forbidden = (CLI_ONLY_FIELDS[method] ?? []).filter((f) => Object.prototype.hasOwnProperty.call(args, f));
    if (forbidden.length) return invalid(forbidden.map((field) => ({ field, kind: 'not-allowed' })), 'forbidden-argument');
  }
  const parsed = schemas[method].safeParse(args ?? {});
  if (!parsed.success) return invalid(fieldIssues(parsed.error.issues), 'invalid-arguments');
  try {
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, value: await call(parsed.data) };
  } catch (err) {
    return { ok: false, error: { code: errorCodeOf(err), message: err instanceof Error ? err.message : String(err) } };
  }
}

function invalid(issues: FieldIssue[], code: string): Result<unknown> {
  return { ok: false, error: { code, message: describeIssues(issues, 'vi'), issues } };
}
