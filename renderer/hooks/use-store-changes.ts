/**
 * Calls `onChange` when something is committed to the store elsewhere: another desk on a shared
 * store, or the check thread after an import. Asks for the store's change stamp every few seconds
 * (a number the connection already holds: no query), only while the window is shown.
 */
import { useEffect, useRef } from 'react';
import { api } from '../api/client';

const EVERY_MS = 3000;

export function useStoreChanges(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let last: number | null = null;
    let live = true;
    const ask = () => {
      if (document.hidden) return;
      api.storeChanges({}).then(({ stamp }) => {
        if (!live) return;
        if (last !== null && stamp !== last) latest.current();
        last = stamp;
      }, () => undefined);
    };
    ask();
    const timer = window.setInterval(ask, EVERY_MS);
    return () => { live = false; window.clearInterval(timer); };
  }, []);
}
