/**
 * The check every edge makes before a call reaches the core (dispatch for HTTP and IPC, the CLI's
 * guarded core): with a store that has an active account, the caller must be signed in at that
 * edge and hold a role the method allows (shared/roles.ts); the `user` a call records is then the
 * signed-in person, whatever was typed. Without accounts nothing is checked, as before.
 */
import type { Method } from '../../../shared/api';
import { schemas } from '../../../shared/api';
import type { Role, SignedIn } from '../../../shared/roles';
import { auditName, forbiddenRoleMessage, mayCall, rolesNeeded, SIGN_IN_REQUIRED } from '../../../shared/roles';

/** What the edges ask the store about accounts (the real store's, in the app, even while the demo one is shown). */
export interface Gate {
  /** True when the store has an active account: every call but signing in then needs one. */
  required(): boolean;
  /** The active account of this login now (roles as they stand, not as at sign-in), or null. */
  account(login: string): GateAccount | null;
}

/** An account as the edges check it: `credential` changes whenever its password does. */
export interface GateAccount extends SignedIn { credential: string }

/**
 * One edge's sign-in: a browser's session cookie, a window, a CLI run. `credential` is the
 * account's as it was at sign-in: once the password changes (its owner at another desk, or a
 * reset by the quản trị), every session signed in with the old one is signed out.
 */
export interface EdgeSession { login: string | null; credential?: string }

export type Refusal = { code: 'sign-in-required' | 'forbidden-role'; message: string; needed?: Role[] };

export function isGate(g: unknown): g is Gate {
  return typeof g === 'object' && g !== null && typeof (g as Gate).required === 'function' && typeof (g as Gate).account === 'function';
}

/**
 * Who is calling through this session: the account signed in, if it is still active and its
 * password is the one signed in with. A session whose account was deactivated, or whose password
 * changed, meanwhile is signed out.
 */
export function caller(gate: Gate, session: EdgeSession): SignedIn | null {
  if (session.login === null) return null;
  const a = gate.account(session.login);
  if (!a || a.credential !== session.credential) {
    signOutOf(session);
    return null;
  }
  return { login: a.login, name: a.name, roles: a.roles };
}

/** The session signed in as `login` with that account's credential. */
export function signInTo(session: EdgeSession, login: string, credential: string | undefined): void {
  session.login = login;
  session.credential = credential;
}

export function signOutOf(session: EdgeSession): void {
  session.login = null;
  session.credential = undefined;
}

/** The refusal of a call, or its arguments with `user` and `self` set to the signed-in person. */
export function authorize(gate: Gate, session: EdgeSession, method: Method, args: unknown): { ok: true; args: unknown } | { ok: false; refusal: Refusal } {
  if (!gate.required()) return { ok: true, args: asCaller(method, args, null) };
  const who = caller(gate, session);
  if (!mayCall(method, who?.roles ?? null)) {
    if (!who) return { ok: false, refusal: { code: 'sign-in-required', message: SIGN_IN_REQUIRED.vi } };
    const needed = [...rolesNeeded(method)];
    return { ok: false, refusal: { code: 'forbidden-role', message: forbiddenRoleMessage(needed, 'vi'), needed } };
  }
  return { ok: true, args: asCaller(method, args, who) };
}

/**
 * The arguments as the signed-in person's: `user` is their audit name where someone is signed in;
 * `self` (whose own account a call changes) is always the edge's sign-in, never what was sent, so
 * nobody names another person's account as their own; nobody signed in, no `self`.
 */
function asCaller(method: Method, args: unknown, who: SignedIn | null): unknown {
  if (!args || typeof args !== 'object') return args;
  const shape = schemas[method].shape;
  const out: Record<string, unknown> = { ...args };
  if (who && 'user' in shape) out.user = auditName(who);
  if ('self' in shape) {
    delete out.self;
    if (who) out.self = who.login;
  }
  return out;
}
