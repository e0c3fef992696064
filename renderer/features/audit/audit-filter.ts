/**
 * The audit screen's filters (who, what, when, which unit) over the entries as listed, and the
 * filtered log as CSV for a spreadsheet: UTF-8 with a byte-order mark, so Excel on a Vietnamese
 * Windows reads the diacritics rather than guessing a code page.
 */
import type { AuditEntry } from '../../../shared/types';

export interface AuditFilter { user?: string; action?: string; from?: string; to?: string; unit?: string }

/** `from` and `to` are days ("YYYY-MM-DD"), both included; an entry's `at` is an ISO time. */
export function filterAudit(entries: AuditEntry[], f: AuditFilter): AuditEntry[] {
  return entries.filter((e) =>
    (!f.user || e.user === f.user)
    && (!f.action || e.action === f.action)
    && (!f.from || localDay(e.at) >= f.from)
    && (!f.to || localDay(e.at) <= f.to)
    && (!f.unit || e.unit === f.unit));
}

/** The day as the reviewer's clock shows it, which the date inputs speak in. */
function localDay(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at.slice(0, 10);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Distinct values for a filter's choices, in order. */
export function distinct(entries: AuditEntry[], key: 'user' | 'action' | 'unit'): string[] {
  return [...new Set(entries.map((e) => e[key]).filter((v): v is string => typeof v === 'string' && v !== ''))].sort((a, b) => a.localeCompare(b, 'vi'));
}

const cell = (v: string) => (/[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Rows of already-worded cells -> CSV text with a BOM and CRLF line ends (RFC 4180). */
export function toCsv(header: string[], rows: string[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
