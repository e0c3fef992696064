/**
 * Where files and folders are dropped. Under Electron the preload turns them into paths; a
 * browser never tells a page where a dropped file lives, so there the zone says to type the path.
 */
import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inElectron, pathsOf } from '../../api/client';

export function DropZone({ disabled, onPaths, onNoPaths }: { disabled: boolean; onPaths: (paths: string[]) => void; onNoPaths: () => void }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const take = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const paths = pathsOf(files);
    if (paths && paths.length > 0) onPaths(paths);
    else onNoPaths();
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files);
  };
  return (
    <div
      className={over ? 'dropzone over' : 'dropzone'}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="dropzone"
    >
      <p className="dropzone-title">{t('import.dropTitle')}</p>
      <p className="dropzone-hint">{inElectron ? t('import.dropHintElectron') : t('import.dropHintBrowser')}</p>
      {inElectron && (
        <label className="button secondary">
          {t('import.chooseFiles')}
          <input type="file" multiple hidden disabled={disabled} onChange={(e) => take(e.target.files)} />
        </label>
      )}
    </div>
  );
}
