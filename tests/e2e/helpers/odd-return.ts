/** Returns with a row label no indicator matches, written for the test (exceljs, as the integration tests do). */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const UNKNOWN_LABEL = 'Số người lầm lỗi được cảm hóa, giáo dục';

export const NO_UNIT_FILE = 'Bao cao thang 4.xlsx';

/** A row of a return: its label, its unit of measure, this month's figure and the year to date. */
type Row = [label: string, unit: string, period: number, ytd: number];

/** One sheet: the heading lines, a blank line, the column heads and the numbered rows. */
async function writeReturn(file: string, heading: string[], rows: Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  for (const line of heading) ws.addRow([line]);
  ws.addRow([]);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Kỳ này', 'Lũy kế']);
  rows.forEach((row, i) => ws.addRow([i + 1, ...row]));
  await wb.xlsx.writeFile(file);
}

/**
 * Two returns of 2024 in a new folder: Nam Đàn's March return with one unknown label and one known,
 * and an April return whose title names no unit. Returns the folder.
 */
export async function writeOddReturn(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-odd-'));
  await writeReturn(path.join(dir, 'H. Nam Đàn T03.2024.xlsx'), ['CÔNG AN HUYỆN NAM ĐÀN', 'Báo cáo kết quả tháng 3 năm 2024'],
    [[UNKNOWN_LABEL, 'người', 12, 30], ['Số đợt tuyên truyền', 'đợt', 3, 9]]);
  await writeReturn(path.join(dir, NO_UNIT_FILE), ['BÁO CÁO KẾT QUẢ', 'Báo cáo kết quả tháng 4 năm 2024'],
    [['Số đợt tuyên truyền', 'đợt', 4, 13]]);
  return dir;
}

/** Nam Đàn's March 2023 return with a row for each of these unknown labels and one known row: its path. */
export async function writeUnmappedReturn(labels: string[]): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-odd-')), 'H. Nam Đàn T03.2023.xlsx');
  await writeReturn(file, ['CÔNG AN HUYỆN NAM ĐÀN', 'Báo cáo kết quả tháng 3 năm 2023'],
    [...labels.map((label, i): Row => [label, 'người', 5 + i, 20 + i]), ['Số đợt tuyên truyền', 'đợt', 3, 9]]);
  return file;
}
