/**
 * The dry run before an import (as DHIS2's import offers): for each file, the tables recognised,
 * each column's heading and role, each row's indicator or the suggestions waiting for a person;
 * nothing is stored until the person confirms.
 */
import { useTranslation } from 'react-i18next';
import type { InspectedFile, InspectLine } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';

const MAX_ROWS = 300;

export function ImportPreview({ files, disabled, onConfirm, onClose }: { files: InspectedFile[]; disabled: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="card import-preview" data-testid="import-preview-panel">
      <h3>{t('import.preview.title')}</h3>
      <p className="muted">{t('import.preview.lead')}</p>
      {files.map((f) => <PreviewFile key={f.file} file={f} />)}
      <div className="row">
        <button type="button" className="button primary" disabled={disabled} onClick={onConfirm} data-testid="import-preview-confirm">{t('import.preview.confirm')}</button>
        <button type="button" className="button secondary" onClick={onClose}>{t('common.close')}</button>
      </div>
    </div>
  );
}

function PreviewFile({ file }: { file: InspectedFile }) {
  const { t } = useTranslation();
  if (file.error) return <div className="preview-file"><strong>{file.file}</strong><div className="field-error">{file.error}</div></div>;
  const unmapped = new Set(file.lines.filter((l) => l.indicator === null).map((l) => l.rowLabel)).size;
  return (
    <details className="preview-file" open>
      <summary>
        <strong>{file.file}</strong>{' '}
        <span className="muted">{t('import.preview.summary', { n: formatNumber(file.lines.length), unmapped: formatNumber(unmapped) })}</span>
      </summary>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('import.preview.cell')}</th><th>{t('import.preview.row')}</th><th>{t('import.preview.column')}</th>
            <th>{t('import.preview.role')}</th><th className="num">{t('import.preview.value')}</th><th>{t('import.preview.indicator')}</th>
          </tr>
        </thead>
        <tbody>
          {file.lines.slice(0, MAX_ROWS).map((l) => <PreviewRow key={`${l.sheet}!${l.cell}`} line={l} />)}
        </tbody>
      </table>
      {file.lines.length > MAX_ROWS && <p className="muted">{t('import.preview.more', { n: formatNumber(file.lines.length - MAX_ROWS) })}</p>}
    </details>
  );
}

function PreviewRow({ line }: { line: InspectLine }) {
  const { t } = useTranslation();
  const role = line.role.startsWith('month:') ? t('import.preview.roles.month', { m: line.role.slice(6) }) : t(`import.preview.roles.${line.role}`, { defaultValue: line.role });
  return (
    <tr className={line.indicator ? undefined : 'unmapped-row'}>
      <td>{line.sheet}!{line.cell}</td>
      <td>{line.rowLabel}</td>
      <td>{line.columnHeader}</td>
      <td>{role}</td>
      <td className="num">{formatNumber(line.value)}</td>
      <td>{line.indicator ?? `${t('import.preview.unmapped')}${line.suggestions?.[0] ? ` (${t('import.preview.suggest', { name: line.suggestions[0].name })})` : ''}`}</td>
    </tr>
  );
}
