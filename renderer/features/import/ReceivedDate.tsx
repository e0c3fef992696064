/**
 * The day the files arrived, where it is not today: a file brought on a USB stick on the 4th and
 * imported on the 7th was on time (DOMAIN.md: the import date unless the person says otherwise).
 * Typed as offices write dates ("04/05/2023"): a browser's date picker follows the machine's
 * language, and an English one would show "mm/dd/yyyy" in the Vietnamese screen.
 */
import { useTranslation } from 'react-i18next';

/** Today as "YYYY-MM-DD" in local time (toISOString would give yesterday's date before 7 a.m. in Hà Nội). */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "4/5/2023" or "04.05.2023" -> "2023-05-04"; null where it is no day on the calendar. */
export function parseDay(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** What the field holds: nothing (today), a day, or words that are not a day that has come. */
export type Received = { kind: 'today' } | { kind: 'day'; day: string } | { kind: 'bad'; reason: 'notDay' | 'future' };

export function readReceived(text: string, now = new Date()): Received {
  if (!text.trim()) return { kind: 'today' };
  const day = parseDay(text);
  if (!day) return { kind: 'bad', reason: 'notDay' };
  return day > today(now) ? { kind: 'bad', reason: 'future' } : { kind: 'day', day };
}

export function ReceivedDate({ value, disabled, onChange }: { value: string; disabled: boolean; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  const bad = readReceived(value).kind === 'bad';
  return (
    <label className="field">
      <span className="field-label">{t('import.receivedLabel')}</span>
      <input type="text" className="day-input" value={value} disabled={disabled} placeholder={t('import.receivedPlaceholder')} title={t('import.receivedHint')}
        aria-invalid={bad} onChange={(e) => onChange(e.target.value)} data-testid="import-received" />
    </label>
  );
}
