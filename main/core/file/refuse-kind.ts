/** What to tell the clerk about a file that is not a spreadsheet we read, and what to ask for instead. */
import { message, type Message } from '../../../shared/messages';
import type { SniffResult } from './sniff';

export const READABLE = new Set(['xlsx', 'xlsm', 'xls', 'xlsb', 'ods', 'csv']);

/** Sniffed kinds we refuse, and the reason each is worded by (shared/messages.ts). */
const REFUSALS: Record<string, [string, Message]> = {
  encrypted: ['encrypted', message('refused.encrypted', {})],
  numbers: ['numbers', message('refused.numbers', {})],
  text: ['text', message('refused.text', {})],
  html: ['html', message('refused.html', {})],
  pdf: ['pdf', message('refused.pdf', {})],
  docx: ['word', message('refused.word', {})],
  doc: ['word', message('refused.word', {})],
  image: ['image', message('refused.image', {})],
  zip: ['zip', message('refused.zip', {})],
  empty: ['empty', message('refused.empty', {})],
  unknown: ['unknown', message('refused.unknown', {})],
};

export function refusalFor(s: SniffResult): { code: string; reason: Message } | null {
  if (READABLE.has(s.kind)) return null;
  if (s.kind === 'zip' && s.detail?.startsWith('zip-truncated')) return { code: 'damaged', reason: message('refused.damaged', {}) };
  const [code, reason] = REFUSALS[s.kind] ?? REFUSALS.unknown!;
  return { code, reason };
}
