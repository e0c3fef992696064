/**
 * Parsing limits: no file may hang the import or eat the memory. Real returns are a few hundred
 * rows; these bounds sit far above them and far below what would hurt a 4 GB office PC.
 */
export interface ImportLimits {
  /** Bytes on disk. */
  maxFileBytes: number;
  /** Sum of the zip's declared uncompressed sizes. */
  maxUnpackedBytes: number;
  /** One zip entry's uncompressed size. */
  maxEntryBytes: number;
  maxZipEntries: number;
  /** Rows read per sheet (the reader stops there, whatever the sheet declares). */
  maxRowsPerSheet: number;
  /** Non-empty cells in the whole workbook. */
  maxCells: number;
  maxMerges: number;
  maxSheets: number;
  /** Wall time for reading one file, checked between sheets and before storing. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnpackedBytes: 300 * 1024 * 1024,
  maxEntryBytes: 200 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxRowsPerSheet: 65_536,
  maxCells: 2_000_000,
  maxMerges: 200_000,
  maxSheets: 255,
  maxMillis: 60_000,
};
