/** 0013: the catalog as the office's data: origin and retirement on indicators, groups and aliases; relations as rows. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../main/core/catalog/load-catalog';
import { migrate } from '../../../main/core/store/migrate';
import { catalogFromStore, insertOfficeAlias, seedShippedCatalog } from '../../../main/core/store/queries/catalog';

describe('migration 0013', () => {
  it('keeps the indicators of a store at 0007 as shipped ones, and a second seeding leaves the office\'s rows as they are', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 12);
    db.prepare("INSERT INTO indicator_groups (code, name, sort) VALUES ('IV', 'PHÒNG, CHỐNG MA TÚY', 3)").run();
    db.prepare("INSERT INTO indicators (code, name, unit, kind, group_code, sort) VALUES ('CN_DOT', 'Số đợt cai nghiện ma túy tại cộng đồng', 'đợt', 'flow', 'IV', 15)").run();
    expect(migrate(db, undefined, 13)).toEqual([13]);
    expect(db.prepare('SELECT code, origin, retired_at FROM indicators').all()).toEqual([{ code: 'CN_DOT', origin: 'shipped', retired_at: null }]);
    expect(() => db.prepare("INSERT INTO indicator_relations (spec) VALUES ('not json')").run()).toThrow(/CHECK/);

    const { catalog } = loadCatalog();
    seedShippedCatalog(db, catalog);
    db.prepare("UPDATE indicators SET name = 'Đợt cai nghiện (tên của phòng)', origin = 'office' WHERE code = 'CN_DOT'").run();
    insertOfficeAlias(db, 'CN_DOT', 'Cai nghiện cộng đồng (đợt)');
    seedShippedCatalog(db, catalog);
    const read = catalogFromStore(db, catalog);
    expect(read.indicators.find((i) => i.code === 'CN_DOT')).toMatchObject({ name: 'Đợt cai nghiện (tên của phòng)', aliases: ['Cai nghiện cộng đồng (đợt)'] });
    expect(read.indicators).toHaveLength(catalog.indicators.length);
    expect(read.relations).toEqual(catalog.relations);
  });
});
