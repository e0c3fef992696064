/**
 * A flat OpenDocument spreadsheet (.fods) written by hand, for LibreOffice to open and save as
 * .xlsx or .xls: the layouts offices use, in files a real office suite wrote (issue 14).
 * A cell is a number, a text, null (empty), or { f: '=SUM(D5:D7)' } / { text, span } for a
 * formula or a cell merged across columns.
 */
export type FodsCell = string | number | null | { f: string } | { text: string; span: number };
export interface FodsSheet { name: string; rows: FodsCell[][] }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cell(c: FodsCell): string {
  if (c === null) return '<table:table-cell/>';
  if (typeof c === 'number') return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
  if (typeof c === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
  if ('f' in c) return `<table:table-cell table:formula="of:${esc(c.f.replace(/([A-Z]+\d+)/g, '[.$1]'))}" office:value-type="float"/>`;
  return `<table:table-cell table:number-columns-spanned="${c.span}" office:value-type="string"><text:p>${esc(c.text)}</text:p></table:table-cell>${'<table:covered-table-cell/>'.repeat(c.span - 1)}`;
}

export function fods(sheets: FodsSheet[]): string {
  const body = sheets.map((s) => `<table:table table:name="${esc(s.name)}">${s.rows.map((r) => `<table:table-row>${r.map(cell).join('')}</table:table-row>`).join('')}</table:table>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document>`;
}
