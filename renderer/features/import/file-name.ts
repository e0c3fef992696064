/** "D:\BaoCao\T5\BC_T05.xlsx" -> "BC_T05.xlsx": a file's name wherever the folder says nothing new. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
