/** What to tell the clerk about a file that is not a spreadsheet we read, and what to ask for instead. */
import type { SniffResult } from './sniff';

export const READABLE = new Set(['xlsx', 'xlsm', 'xls', 'xlsb', 'ods', 'csv']);

export function refusalFor(s: SniffResult): { code: string; message: string } | null {
  if (READABLE.has(s.kind)) return null;
  const ask = 'hãy đề nghị đơn vị gửi tệp Excel (.xlsx hoặc .xls)';
  if (s.kind === 'zip' && s.detail?.startsWith('zip-truncated')) {
    return { code: 'damaged', message: `tệp bị hỏng hoặc chưa tải về hết (tệp nén bị cắt cụt); ${ask} lại` };
  }
  const messages: Record<string, [string, string]> = {
    encrypted: ['encrypted', 'tệp được đặt mật khẩu nên không đọc được; hãy đề nghị đơn vị bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại'],
    numbers: ['numbers', `tệp Apple Numbers; ${ask}, xuất từ Numbers bằng Tệp > Xuất sang > Excel`],
    text: ['text', `tệp văn bản thuần, không phải bảng tính; ${ask}`],
    html: ['html', `trang web (HTML) được đặt đuôi bảng tính; hãy mở bằng Excel và lưu lại thành .xlsx`],
    pdf: ['pdf', `tệp PDF, không đọc được số liệu; ${ask}`],
    docx: ['word', `văn bản Word, không phải bảng tính; ${ask}`],
    doc: ['word', `văn bản Word, không phải bảng tính; ${ask}`],
    image: ['image', `tệp ảnh, không đọc được số liệu; ${ask}`],
    zip: ['zip', `tệp nén (.zip) không phải bảng tính; hãy giải nén rồi nhập từng tệp Excel`],
    empty: ['empty', 'tệp rỗng (0 byte); hãy đề nghị đơn vị gửi lại'],
    unknown: ['unknown', `không nhận ra định dạng tệp (không phải bảng tính Excel); ${ask}`],
  };
  const [code, message] = messages[s.kind] ?? messages.unknown!;
  return { code, message };
}
