/** A file that cannot be imported: a stable code and a Vietnamese message naming file, sheet and cell. */
export class ImportFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly sheet: string | null = null,
    readonly cell: string | null = null,
  ) {
    super(message);
    this.name = 'ImportFailure';
  }
}

/** "tệp X, trang Y, ô Z" — the place, as a reviewer reads it. */
export function placeOf(file: string, sheet?: string | null, cell?: string | null): string {
  return [`tệp “${file}”`, sheet ? `trang “${sheet}”` : '', cell ? `ô ${cell}` : ''].filter(Boolean).join(', ');
}
