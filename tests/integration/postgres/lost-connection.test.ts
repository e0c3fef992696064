/**
 * A desk whose connection to the shared store ends (the server restarted, the administrator ended
 * it, the network gone): a statement the server never got is sent again over a new connection; one
 * under way when it ended fails at once with a message that says so, and the next one works; a
 * server that cannot be reached is said so. Before, the connection's thread ended unheard and the
 * desk waited out the 15-minute limit.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../main/core/store/open-db';
import { changeStamp } from '../../../main/core/store/queries/changes';
import { openDb } from '../../../main/core/store/open-db';
import { storeTarget } from '../../helpers/store-target';
import { tempDir } from '../../helpers/samples';

const END_DESKS = "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tonghop'";
const units = (db: Database) => db.prepare('SELECT count(*) FROM units').pluck().get() as number;

async function endDesks(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const ended = await admin.query(END_DESKS);
  await admin.end();
  return ended.rows.length;
}

describe('a shared store whose connection ends', () => {
  it('sends a statement the server never got again over a new connection, and hears other desks again', async () => {
    const url = await storeTarget(tempDir());
    const db = openDb(url);
    const count = units(db);
    expect(count).toBeGreaterThan(0);
    const changes = changeStamp(db);
    expect(await endDesks(url)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300)); // the connection's thread hears of it
    const t0 = performance.now();
    expect(units(db)).toBe(count);
    expect(performance.now() - t0).toBeLessThan(5000);
    // Commits made while it was gone went unheard: the count moves, screens read again.
    expect(changeStamp(db)).toBeGreaterThan(changes);
    db.close();
  });

  it('fails a statement under way when the connection ends with a message that says so, and the next one works', async () => {
    const url = await storeTarget(tempDir());
    const db = openDb(url);
    // Another process ends this desk's connection while its statement runs (this thread waits for it meanwhile).
    const ender = spawn(process.execPath, ['-e', `setTimeout(async () => {
      const c = new (require('pg').Client)({ connectionString: ${JSON.stringify(url)} });
      await c.connect(); await c.query(${JSON.stringify(END_DESKS)}); await c.end();
    }, 1000)`], { cwd: process.cwd(), stdio: 'ignore' });
    const t0 = performance.now();
    expect(() => db.prepare('SELECT pg_sleep(20)').get()).toThrow(/Mất kết nối tới máy chủ PostgreSQL/);
    expect(performance.now() - t0).toBeLessThan(15_000);
    await new Promise((r) => ender.on('exit', r));
    expect(units(db)).toBeGreaterThan(0);
    db.close();
  });

  it('says a server that cannot be reached cannot be reached', () => {
    const t0 = performance.now();
    expect(() => openDb('postgres://postgres@127.0.0.1:1/tonghop')).toThrow(/Không kết nối được tới máy chủ PostgreSQL/);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
