/**
 * One call of the contract from an untrusted edge (HTTP body, IPC message): the method must be
 * known, the caller must hold a role that allows it where the store has accounts, the arguments
 * must pass its schema, and the answer is a Result, never a thrown error.
 * A validation error names the field in Vietnamese with its limit, and carries the issues as
 * data for the English UI. `edge: 'app'` (HTTP, IPC) refuses the CLI's own fields (`out`).
 *
 * The role check is here, once, for every edge: `session` is the edge's sign-in (a browser's
 * session cookie, a window, a CLI run), which signIn and signOut change. An api that carries a
 * gate (every Core) is checked; a call without a session is a caller nobody signed in.
 */
import type { Api, Result } from '../../shared/api';
import { CLI_ONLY_FIELDS, isMethod, schemas } from '../../shared/api';
import type { FieldIssue } from '../../shared/field-issues';
import { describeIssues, fieldIssues } from '../../shared/field-issues';
import { errorCodeOf, SignInThrottled } from '../../shared/errors';
import type { EdgeSession, Gate } from '../core/api/access';
import { authorize, caller, isGate, signInTo, signOutOf } from '../core/api/access';
import { withoutNul } from '../core/text/clean-text';

export type { EdgeSession } from '../core/api/access';

export async function dispatch(api: Api, method: unknown, args: unknown, edge: 'app' | 'trusted' = 'app', session: EdgeSession = { login: null }): Promise<Result<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'unknown-method', message: `Không có chức năng “${String(method).slice(0, 60)}”` } };
  args = withoutNulDeep(args);
  if (edge === 'app' && args && typeof args === 'object') {
    const forbidden = (CLI_ONLY_FIELDS[method] ?? []).filter((f) => Object.prototype.hasOwnProperty.call(args, f));
    if (forbidden.length) return invalid(forbidden.map((field) => ({ field, kind: 'not-allowed' })), 'forbidden-argument');
  }
  const gate = gateOf(api);
  if (gate) {
    const allowed = authorize(gate, session, method, args);
    if (!allowed.ok) return { ok: false, error: allowed.refusal };
    args = allowed.args;
  }
  const parsed = schemas[method].safeParse(args ?? {});
  if (!parsed.success) return invalid(fieldIssues(parsed.error.issues), 'invalid-arguments');
  // The credential as the password is checked: one changed meanwhile signs this session out at its next call.
  const checking = method === 'signIn' && gate ? gate.account((parsed.data as { login: string }).login)?.credential : undefined;
  try {
    const call = api[method] as (a: unknown) => Promise<unknown>;
    const value = await call(parsed.data);
    // The edge's sign-in follows the core's answer: signed in on a right password, out on signOut;
    // a changed password keeps this session and signs out the others (access.ts caller).
    if (method === 'signIn') signInTo(session, (value as { login: string }).login, checking);
    if (method === 'signOut') signOutOf(session);
    if (method === 'changeOwnPassword' && session.login !== null) signInTo(session, session.login, gate?.account(session.login)?.credential);
    if (method === 'whoAmI') return { ok: true, value: { ...(value as object), account: gate ? caller(gate, session) : null } };
    return { ok: true, value };
  } catch (err) {
    // A refused sign-in signs the edge out: no one stays signed in as someone else behind a failed attempt.
    if (method === 'signIn') signOutOf(session);
    const retry = err instanceof SignInThrottled ? { retryAt: err.retryAt } : {};
    return { ok: false, error: { code: errorCodeOf(err), message: err instanceof Error ? err.message : String(err), ...retry } };
  }
}

/** Every text a desk sent, without NUL characters, as a file's cells are read (core/text/clean-text.ts). */
function withoutNulDeep(v: unknown): unknown {
  if (typeof v === 'string') return withoutNul(v);
  if (Array.isArray(v)) return v.map(withoutNulDeep);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutNulDeep(x)]));
  return v;
}

function gateOf(api: Api): Gate | null {
  const g = 'gate' in api ? (api as { gate: unknown }).gate : null;
  return isGate(g) ? g : null;
}

function invalid(issues: FieldIssue[], code: string): Result<unknown> {
  return { ok: false, error: { code, message: describeIssues(issues, 'vi'), issues } };
}
