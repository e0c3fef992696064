import { describe, expect, it } from 'vitest';
import { loadUnits } from '../../../main/core/registry/load-units';
import { preferReportingLevel, unitsInFileName, unitsInTitle } from '../../../main/core/recognise/find-unit';
import { openDb } from '../../../main/core/store/open-db';
import { seedUnits } from '../../../main/core/store/queries/seed';
import { loadDirectory, storeDirectory } from '../../../main/core/store/queries/units';
import { directoryOf } from '../../../main/core/registry/unit-directory';

const db = openDb(':memory:');
seedUnits(db, loadUnits());
// The whole registry in memory (a shared store) and looked up in the store a name at a time (a SQLite one).
describe.each([
  ['held in memory', directoryOf(loadDirectory(db))],
  ['looked up in the store', storeDirectory(db)],
])('the unit a return names, the directory %s', (_, units) => {
  const title = (line: string, date: string) => preferReportingLevel(unitsInTitle(line, units, date), date).map((u) => u.code);
  const file = (name: string, date: string) => unitsInFileName(name, units, date).map((h) => `${h.evidence}:${h.unit.code}`);

  it('reads district titles however they are written', () => {
    expect(title('CÔNG AN HUYỆN DIỄN CHÂU', '2023-05-01')).toEqual(['425']);
    expect(title('Công an huyện Diễn Châu'.normalize('NFD'), '2023-05-01')).toEqual(['425']);
    expect(title('CÔNG AN THỊ XÃ THÁI HÒA', '2023-05-01')).toEqual(['414']);
    expect(title('CÔNG AN THÀNH PHỐ VINH', '2023-05-01')).toEqual(['412']);
    expect(title('CA TP Vinh', '2023-05-01')).toEqual(['412']);
    expect(title('CÔNG AN TỈNH NGHỆ AN', '2023-05-01')).toEqual([]);
  });

  it('tells a new commune from an old one of the same name by the date', () => {
    expect(title('CÔNG AN XÃ THÔNG THỤ', '2025-08-01')).toEqual(['16744']);
    expect(title('CÔNG AN XÃ THÔNG THỤ', '2024-03-01')).toEqual(['16741']);
    expect(title('CA phường Thành Vinh', '2025-09-01')).toEqual(['16681']);
  });

  it('knows a unit that no longer exists only in its own time', () => {
    expect(title('CÔNG AN THỊ XÃ CỬA LÒ', '2023-06-01')).toEqual(['413']);
    expect(title('CÔNG AN THỊ XÃ CỬA LÒ', '2025-01-01')).toEqual([]);
  });

  it('reads the unit from a file name by name or by code', () => {
    expect(file('H. Anh Sơn T01.2023.xlsx', '2023-01-01')).toEqual(['file-name:424']);
    expect(file('BC_T03_2023_422 (sua lai).xlsx', '2023-03-01')).toEqual(['file-code:422']);
    expect(file('TX Hoàng Mai - BC thang 4-2023.xlsx', '2023-04-01')).toEqual(['file-name:432']);
    expect(file('DIEN CHAU thang 5.xlsx', '2023-05-01')).toContain('file-name:425');
  });
});
