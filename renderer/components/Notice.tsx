/** A message box: an error from the API, a hint, or a feature not available yet. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type NoticeKind = 'error' | 'info' | 'success' | 'warning';

export interface NoticeProps {
  kind: NoticeKind;
  children: ReactNode;
  /** A × that closes it, for news the person may put away (another desk's work). */
  onClose?: () => void;
  testId?: string;
}

export function Notice({ kind, children, onClose, testId }: NoticeProps) {
  const { t } = useTranslation();
  return (
    <div className={`notice notice-${kind}${onClose ? ' notice-closable' : ''}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {onClose ? <div className="notice-body">{children}</div> : children}
      {onClose && <button type="button" className="button ghost notice-close" onClick={onClose} aria-label={t('common.close')}>×</button>}
    </div>
  );
}
