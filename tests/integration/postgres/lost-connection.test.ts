/**
 * A desk whose connection the server ends (a restart, the administrator, the network): its next
 * statements fail at once with a message that says so, instead of the connection's thread
 * ending unheard and the desk waiting out the 15-minute limit; the store closes.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../main/core/store/open-db';
import { storeTarget } from '../../helpers/store-target';
import { tempDir } from '../../helpers/samples';

describe('a shared store whose connection the server ends', () => {
  it('says so at the next statement, and at each after it, within seconds', async () => {
    const url = await storeTarget(tempDir());
    const db = openDb(url);
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBeGreaterThan(0);

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const ended = await admin.query("SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tonghop'");
    await admin.end();
    expect(ended.rows.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300)); // the thread hears of it

    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      expect(() => db.prepare('SELECT count(*) FROM units').pluck().get()).toThrow(/Mất kết nối tới máy chủ PostgreSQL/);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
    db.close();
  });
});
