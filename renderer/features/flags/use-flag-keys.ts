/**
 * The reviewer's keys on the flag queue: J or ↓ next, K or ↑ previous, A accept, C correct.
 * Keys typed into a field are the field's; arrows inside the grid are the grid's own.
 */
import { useEffect, useRef } from 'react';

export interface FlagKeys { next: () => void; previous: () => void; accept: () => void; correct: () => void }

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useFlagKeys(keys: FlagKeys): void {
  // The latest handlers without re-subscribing on every render.
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const inGrid = e.target instanceof HTMLElement && e.target.closest('.ag-root') !== null;
      const key = e.key.toLowerCase();
      const act = key === 'j' || (key === 'arrowdown' && !inGrid) ? ref.current.next
        : key === 'k' || (key === 'arrowup' && !inGrid) ? ref.current.previous
          : key === 'a' ? ref.current.accept
            : key === 'c' ? ref.current.correct
              : null;
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
