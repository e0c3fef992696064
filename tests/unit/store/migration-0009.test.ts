/** 0009: flags and refused files keep their message as a code with parameters, beside the Vietnamese words. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';
import { listFlags, saveFlags } from '../../../main/core/store/queries/flags';
import { insertRejectedFile, listFiles } from '../../../main/core/store/queries/files';
import { flagText } from '../../../main/core/reconcile/figures';
import { message, wordMessage } from '../../../shared/messages';

describe('migration 0009', () => {
  it('keeps the flags and files of a store at 0006, and stores and returns a message code with its parameters', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 8);
    db.prepare(`INSERT INTO flags (id, rule, severity, unit, period, periods, indicators, figures, message, signature, sort)
      VALUES ('old', 'missing_return', 'info', '415', '2023-05', '[]', '[]', '[]', 'Chưa có báo cáo', 's', 0)`).run();
    expect(migrate(db, undefined, 9)).toEqual([9]);
    // The query functions below read today's schema: the later migrations go on top.
    migrate(db);
    // A flag from before codes: its words, and no code until the next check rebuilds it.
    expect(listFlags(db, {}).map((f) => [f.id, f.message, f.text])).toEqual([['old', 'Chưa có báo cáo', null]]);

    const text = message('missing_return', { period: '2023-05', unitName: 'Huyện Quế Phong' });
    saveFlags(db, [{ rule: 'missing_return', severity: 'info', unit: '415', period: '2023-05', periods: ['2023-05'], indicators: [], figures: [], ...flagText(text) }]);
    const [flag] = listFlags(db, {});
    expect(flag!.text).toEqual(text);
    expect(flag!.message).toBe('Chưa có báo cáo tháng 5/2023 của Huyện Quế Phong: không tệp nào đã nhập có số liệu của đơn vị cho tháng này');
    expect(wordMessage(flag!.text!, 'en')).toBe('No return for May 2023 from Huyện Quế Phong: no imported file has figures of this unit for the month');

    const refused = message('import.refused', { file: 'a.pdf', sheet: null, cell: null, reason: message('refused.pdf', {}) });
    insertRejectedFile(db, { sha256: 'x', name: 'a.pdf', path: '/a.pdf', size: 1, importedAt: 't', receivedAt: 't', importedBy: null },
      { code: 'pdf', message: wordMessage(refused, 'vi'), text: refused });
    const [file] = listFiles(db);
    expect(file!.error!.text).toEqual(refused);
    expect(wordMessage(file!.error!.text!, 'en')).toMatch(/^file “a\.pdf”: a PDF file/);
  });
});
