/** Paths typed by hand (one per line): the way to import in browser mode, and handy for a network folder. */
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function splitPaths(text: string): string[] {
  return text.split(/\r?\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** `children`: more fields of the same import (the day the files arrived), before the button. */
/** `onPreview`: a dry run first, showing what would be read (issue 14). */
export function PathForm({ disabled, onPaths, onPreview, children }: { disabled: boolean; onPaths: (paths: string[]) => void; onPreview?: (paths: string[]) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const paths = splitPaths(text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (paths.length > 0) onPaths(paths);
  };
  return (
    <form className="path-form" onSubmit={submit}>
      <label className="field wide">
        <span className="field-label">{t('import.pathLabel')}</span>
        <textarea
          rows={2}
          value={text}
          placeholder={t('import.pathPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="import-path"
        />
      </label>
      {children}
      {onPreview && (
        <button type="button" className="button secondary" disabled={disabled || paths.length === 0} onClick={() => onPreview(paths)} data-testid="import-preview">
          {t('import.preview.button')}
        </button>
      )}
      <button type="submit" className="button primary" disabled={disabled || paths.length === 0} data-testid="import-submit">
        {t('import.submit')}
      </button>
    </form>
  );
}
