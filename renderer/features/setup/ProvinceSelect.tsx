/** The 34 provinces of today first; the 63 of before the 2025 reform below, for an office's older returns. */
import { useTranslation } from 'react-i18next';
import type { ProvinceChoice } from '../../../shared/types';

export function ProvinceSelect({ provinces, value, onChange }: { provinces: ProvinceChoice[]; value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const byName = (a: ProvinceChoice, b: ProvinceChoice) => a.name.replace(/^(Tỉnh|Thành phố) /, '').localeCompare(b.name.replace(/^(Tỉnh|Thành phố) /, ''), 'vi');
  const current = provinces.filter((p) => p.validTo === null).sort(byName);
  const currentCodes = new Set(current.map((p) => p.code));
  const former = provinces.filter((p) => p.validTo !== null && !currentCodes.has(p.code)).sort(byName);
  return (
    <label className="field">
      <span className="field-label">{t('setup.province')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="setup-province">
        <option value="" disabled>—</option>
        <optgroup label={t('setup.current')}>
          {current.map((p) => <option key={p.code} value={p.code}>{`${p.name} (${p.code})`}</option>)}
        </optgroup>
        <optgroup label={t('setup.former')}>
          {former.map((p) => <option key={`${p.code}-${p.validFrom}`} value={p.code}>{`${p.name} (${p.code})`}</option>)}
        </optgroup>
      </select>
    </label>
  );
}
