/** Numbers the Vietnamese way ("1.868", "23,7"), whatever the UI language: the returns are Vietnamese. */
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? whole.format(value) : decimal.format(value);
}

const date = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
const time = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false });

/** "04/05/2023": a day without a time. */
export function formatDate(d: Date): string {
  return date.format(d);
}

/** "23/11/2026 05:16": the date first, the year in full, as offices write it. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${date.format(d)} ${time.format(d)}`;
}

const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });

/** 0.456 -> "46%": a share the Vietnamese way. Rounded down, so "100%" means all of it. */
export function formatPercent(share: number): string {
  return percent.format(Math.floor(Math.max(0, Math.min(1, share)) * 100) / 100);
}
