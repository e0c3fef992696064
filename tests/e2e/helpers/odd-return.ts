/** A return with a row label no indicator matches, written for the test (exceljs, as the integration tests do). */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const UNKNOWN_LABEL = 'Số người lầm lỗi được cảm hóa, giáo dục';

export const NO_UNIT_FILE = 'Bao cao thang 4.xlsx';

/**
 * Two returns of 2024 in a new folder: Nam Đàn's March return with one unknown label and one known,
 * and an April return whose title names no unit. Returns the folder.
 */
export async function writeOddReturn(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-odd-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow(['CÔNG AN HUYỆN NAM ĐÀN']);
  ws.addRow(['Báo cáo kết quả tháng 3 năm 2024']);
  ws.addRow([]);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Kỳ này', 'Lũy kế']);
  ws.addRow([1, UNKNOWN_LABEL, 'người', 12, 30]);
  ws.addRow([2, 'Số đợt tuyên truyền', 'đợt', 3, 9]);
  await wb.xlsx.writeFile(path.join(dir, 'H. Nam Đàn T03.2024.xlsx'));
  const anonymous = new ExcelJS.Workbook();
  const sheet = anonymous.addWorksheet('Báo cáo');
  sheet.addRow(['BÁO CÁO KẾT QUẢ']);
  sheet.addRow(['Báo cáo kết quả tháng 4 năm 2024']);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Nội dung', 'ĐVT', 'Kỳ này', 'Lũy kế']);
  sheet.addRow([1, 'Số đợt tuyên truyền', 'đợt', 4, 13]);
  await anonymous.xlsx.writeFile(path.join(dir, NO_UNIT_FILE));
  return dir;
}
