/** A message box: an error from the API, a hint, or a feature not available yet. */
import type { ReactNode } from 'react';

export type NoticeKind = 'error' | 'info' | 'success' | 'warning';

export function Notice({ kind, children }: { kind: NoticeKind; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
