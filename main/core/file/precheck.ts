/** Cheap checks before parsing: the zip's directory, and the prologue of its XML parts. */
import { ImportFailure } from './import-failure';
import type { ImportLimits } from './limits';
import { checkXmlSafety, inspectZip, xmlPrologues } from './zip-guard';

const ZIP_MESSAGES: Record<string, string> = {
  'zip-truncated': 'tệp bị hỏng hoặc chưa tải về hết (tệp nén bị cắt cụt)',
  'zip-too-many-entries': 'tệp chứa quá nhiều thành phần bên trong',
  'zip-too-large': 'nội dung giải nén của tệp quá lớn (có thể là “bom nén”)',
  'zip-ratio': 'tỷ lệ nén bất thường (có thể là “bom nén”)',
  'zip-encrypted-entry': 'tệp có thành phần bị mã hóa',
};

/** The zip's directory: entries, declared sizes and ratios, truncation. Reads no entry. */
export function checkZipDirectory(bytes: Uint8Array, limits: ImportLimits): void {
  const z = inspectZip(bytes, {
    maxEntries: limits.maxZipEntries, maxTotalUncompressed: limits.maxUnpackedBytes,
    maxEntryUncompressed: limits.maxEntryBytes, maxRatio: 200,
  });
  if (!z.ok) throw new ImportFailure(z.code, `${ZIP_MESSAGES[z.code] ?? z.code}; không đọc tệp này (${z.detail})`);
}

/**
 * The start of every XML part, inflated a little each: entity bombs live in a DOCTYPE, which OOXML
 * never needs and which must come before the root element. Done in the reader thread, before parsing.
 */
export function checkXmlPrologues(bytes: Uint8Array): void {
  for (const { name, head } of xmlPrologues(bytes)) {
    const safe = head === null ? { ok: true as const } : checkXmlSafety(head);
    if (!safe.ok) throw new ImportFailure('xml-doctype', `phần “${name}” của tệp chứa khai báo DOCTYPE/ENTITY (kiểu “bom XML”); không đọc tệp này`);
  }
}
