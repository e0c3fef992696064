/**
 * SheetJS is loaded once, lazily: loading it costs more than parsing a return.
 * Chosen by measurement (bench/import-bench.ts): it reads .xlsx and .xls, keeps merges, and reads a
 * 50,000-merge file in half a second where exceljs does not finish.
 */
import type * as Xlsx from '@e965/xlsx';

export type SheetJs = typeof Xlsx;
let loaded: Promise<SheetJs> | undefined;

export function loadSheetJs(): Promise<SheetJs> {
  loaded ??= (async () => {
    const xlsx = await import('@e965/xlsx');
    // Codepages for BIFF5/8 strings written in a Windows code page (old .xls).
    const cptable = await import('@e965/xlsx/dist/cpexcel.full.mjs');
    xlsx.set_cptable(cptable);
    return xlsx;
  })();
  return loaded;
}
