/** The reviewer's name, kept in localStorage, recorded with every mapping and decision. */
import { useSyncExternalStore } from 'react';

const KEY = 'tonghop.user';
const listeners = new Set<() => void>();

export function setUserName(name: string): void {
  localStorage.setItem(KEY, name);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUserName(): string {
  return useSyncExternalStore(subscribe, () => localStorage.getItem(KEY) ?? '');
}
