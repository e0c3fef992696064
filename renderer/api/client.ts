/**
 * The contract from the renderer: window.app under Electron (the preload), else HTTP to the
 * browser-mode server on 127.0.0.1. The React code is the same in both, so the end-to-end tests
 * drive the real UI.
 */
import type { Api, Args, Method, Result, Results } from '../../shared/api';
import { methods } from '../../shared/api';
import type { FieldIssue } from '../../shared/field-issues';
import { describeIssues } from '../../shared/field-issues';
import { savedLanguage } from '../i18n';
import type { Role } from '../../shared/roles';
import { forbiddenRoleMessage, SIGN_IN_FAILED, SIGN_IN_REQUIRED, signInThrottledMessage, WRONG_CURRENT_PASSWORD } from '../../shared/roles';

let signInRequired: () => void = () => undefined;
/** Told when a call comes back "sign in first": the session module asks who is signed in again. */
export function onSignInRequired(listener: () => void): void {
  signInRequired = listener;
}

/** What the preload exposes (main/preload/preload.ts). */
export interface Bridge {
  call: (method: string, args: unknown) => Promise<Result<unknown>>;
  pathsOf: (files: ArrayLike<File>) => string[];
}

declare global {
  interface Window { app?: Bridge }
}

/** An error answer of the contract, keeping its machine code so screens can tell "not there yet" from a failure. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly issues: FieldIssue[] = []) {
    super(message);
  }
}

async function send(method: string, args: unknown): Promise<unknown> {
  let result: Result<unknown>;
  if (window.app) {
    result = await window.app.call(method, args);
  } else {
    const response = await fetch(`/api/${encodeURIComponent(method)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args ?? {}) });
    result = (await response.json()) as Result<unknown>;
  }
  if (!result.ok) {
    // The core words validation errors in Vietnamese; the English UI words them from the issues.
    const { code, message, issues = [], needed, retryAt } = result.error;
    if (code === 'sign-in-required' && method !== 'whoAmI') signInRequired();
    const lang = savedLanguage() === 'en' ? 'en' : 'vi';
    // A throttled sign-in's time to try again is worded by this desk's clock, in either language.
    if (code === 'sign-in-throttled' && retryAt) throw new ApiError(code, signInThrottledMessage(new Date(retryAt), new Date(), lang));
    throw new ApiError(code, lang === 'en' ? english(code, issues, needed) ?? message : message, issues);
  }
  return result.value;
}

/** The English words of an error the core words in Vietnamese, where the answer carries what they need. */
function english(code: string, issues: FieldIssue[], needed: Role[] | undefined): string | null {
  if (issues.length) return describeIssues(issues, 'en');
  if (code === 'forbidden-role' && needed) return forbiddenRoleMessage(needed, 'en');
  if (code === 'sign-in-required') return SIGN_IN_REQUIRED.en;
  if (code === 'sign-in-failed') return SIGN_IN_FAILED.en;
  if (code === 'wrong-password') return WRONG_CURRENT_PASSWORD.en;
  return null;
}

function call<M extends Method>(method: M, args: Args<M>): Promise<Results[M]> {
  return send(method, args) as Promise<Results[M]>;
}

export const api = Object.fromEntries(methods.map((m) => [m, (args: Args<typeof m>) => call(m, args)])) as unknown as Api;

/** True under Electron: dropped files have paths there. */
export const inElectron = typeof window !== 'undefined' && Boolean(window.app);

/** Paths of dropped or chosen files under Electron; in a browser a page never sees them, so null. */
export function pathsOf(files: ArrayLike<File>): string[] | null {
  return window.app ? window.app.pathsOf(files) : null;
}
