/**
 * The reviewer's name, kept in localStorage, recorded with every mapping and decision. Signed in
 * (a store with accounts), it is the person's own name: the core records that whatever is sent.
 */
import { useSyncExternalStore } from 'react';
import { auditName } from '../../shared/roles';
import { currentAccount, subscribeSession } from '../app/session';

const KEY = 'tonghop.user';
const listeners = new Set<() => void>();

export function setUserName(name: string): void {
  localStorage.setItem(KEY, name);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const unsubscribe = subscribeSession(listener);
  return () => { listeners.delete(listener); unsubscribe(); };
}

function current(): string {
  const account = currentAccount();
  return account ? auditName(account) : (localStorage.getItem(KEY) ?? '');
}

export function useUserName(): string {
  return useSyncExternalStore(subscribe, current);
}
