/**
 * SheetJS is loaded once, lazily: loading it costs more than parsing a return. Its codepage tables
 * (for old .xls and CSV text in Windows code pages) cost as much again, so they load only when a
 * file needs them. Chosen by measurement (bench/import-bench.ts): it reads .xlsx and .xls, keeps
 * merges, and reads a 50,000-merge file in half a second where exceljs does not finish.
 */
import type * as Xlsx from '@e965/xlsx';
import { nativeInflate } from './native-inflate';

export type SheetJs = typeof Xlsx;
let loaded: Promise<SheetJs> | undefined;
let codepages: Promise<void> | undefined;

export function loadSheetJs(needsCodepages: boolean): Promise<SheetJs> {
  loaded ??= import('@e965/xlsx').then((xlsx) => {
    xlsx.CFB.utils.use_zlib(nativeInflate);
    return xlsx;
  });
  if (!needsCodepages) return loaded;
  codepages ??= (async () => {
    const [xlsx, cptable] = await Promise.all([loaded!, import('@e965/xlsx/dist/cpexcel.full.mjs')]);
    xlsx.set_cptable(cptable);
  })();
  return codepages.then(() => loaded!);
}
