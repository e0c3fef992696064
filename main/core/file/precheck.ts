/** Cheap checks before parsing: the zip's directory, and the prologue of its XML parts. */
import { message } from '../../../shared/messages';
import { ImportFailure } from './import-failure';
import type { ImportLimits } from './limits';
import { checkXmlSafety, inspectZip, xmlPrologues } from './zip-guard';

/** The zip's directory: entries, declared sizes and ratios, truncation. Reads no entry. */
export function checkZipDirectory(bytes: Uint8Array, limits: ImportLimits): void {
  const z = inspectZip(bytes, {
    maxEntries: limits.maxZipEntries, maxTotalUncompressed: limits.maxUnpackedBytes,
    maxEntryUncompressed: limits.maxEntryBytes, maxRatio: 200,
  });
  if (!z.ok) throw new ImportFailure(z.code, message('refused.zip-guard', { problem: z.code, detail: z.detail }));
}

/**
 * The start of every XML part, inflated a little each: entity bombs live in a DOCTYPE, which OOXML
 * never needs and which must come before the root element. Done in the reader thread, before parsing.
 */
export function checkXmlPrologues(bytes: Uint8Array): void {
  for (const { name, head } of xmlPrologues(bytes)) {
    const safe = head === null ? { ok: true as const } : checkXmlSafety(head);
    if (!safe.ok) throw new ImportFailure('xml-doctype', message('refused.xml-doctype', { part: name }));
  }
}
