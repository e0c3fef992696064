/**
 * Who is signed in here (issue 19): asked of the contract (whoAmI) at start, after signing in or
 * out and whenever a call comes back "sign in first" (a session forgotten, an account deactivated).
 * Screens read it through hooks: a store without accounts has nobody signed in and allows all.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Method } from '../../shared/api';
import type { SignedIn } from '../../shared/roles';
import { forbiddenRoleMessage, mayCall, rolesNeeded } from '../../shared/roles';
import { api, onSignInRequired } from '../api/client';

export interface SessionState { loaded: boolean; signInRequired: boolean; account: SignedIn | null }

let state: SessionState = { loaded: false, signInRequired: false, account: null };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const l of listeners) l();
}

export async function refreshSession(): Promise<void> {
  const who = await api.whoAmI({});
  set({ loaded: true, signInRequired: who.signInRequired, account: who.account });
}

export async function signIn(login: string, password: string): Promise<void> {
  await api.signIn({ login, password });
  await refreshSession();
}

export async function signOut(): Promise<void> {
  await api.signOut({});
  await refreshSession();
}

onSignInRequired(() => void refreshSession().catch(() => undefined));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

/** The signed-in person, outside React (the name forms record). */
export function currentAccount(): SignedIn | null {
  return state.account;
}

export function subscribeSession(listener: () => void): () => void {
  return subscribe(listener);
}

/** Whether this person may call `method` (everyone may in a store without accounts). */
export function allows(s: SessionState, method: Method): boolean {
  return !s.signInRequired || mayCall(method, s.account?.roles ?? null);
}

/** For a button: whether it may be pressed, and the tooltip that says which role it needs when not. */
export function useMay(method: Method): { allowed: boolean; why: string | undefined } {
  const s = useSession();
  const { i18n } = useTranslation();
  const allowed = allows(s, method);
  return { allowed, why: allowed ? undefined : forbiddenRoleMessage(rolesNeeded(method), i18n.language === 'en' ? 'en' : 'vi') };
}
