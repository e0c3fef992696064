/**
 * exceljs's streaming writer packs the workbook with an archiver that still calls `new Buffer()`:
 * Node warns about it (DEP0005) on stderr at every export, words a clerk cannot act on and a
 * script reading stderr takes for an error. Only that warning is dropped; every other one stands.
 */
export function quietDependencyWarnings(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
    const options = rest[0];
    const code = typeof options === 'object' && options !== null ? (options as { code?: string }).code : rest[1];
    if (code === 'DEP0005') return;
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}
