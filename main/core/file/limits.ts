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
  /** Bytes of the shared-strings part as inflated, and strings in it: counted before the parser builds them. */
  maxSharedStringsBytes: number;
  maxSharedStrings: number;
  /** Bytes of one sheet's XML as inflated, and cells in one sheet: counted before parsing. */
  maxSheetXmlBytes: number;
  maxCellsPerSheet: number;
  /** Heap of the reader thread: a file that needs more ends that thread only, answered as a refusal. */
  maxReaderHeapMb: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnpackedBytes: 300 * 1024 * 1024,
  maxEntryBytes: 200 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxRowsPerSheet: 65_536,
  maxCells: 1_000_000,
  maxMerges: 200_000,
  maxSheets: 255,
  maxMillis: 60_000,
  // Measured: 40 MB of shared strings took 1.3 GB to parse; 8 MB is ~100 times a large real return's.
  maxSharedStringsBytes: 8 * 1024 * 1024,
  maxSharedStrings: 200_000,
  maxSheetXmlBytes: 48 * 1024 * 1024,
  maxCellsPerSheet: 500_000,
  maxReaderHeapMb: 512,
};
