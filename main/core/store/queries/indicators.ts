/** The catalog as the store holds it (seeded from resources/catalog at every start). */
import type { Database } from '../db';
import { stmt } from '../statements';

/** "DD_KICHHOAT" -> "Số tài khoản định danh điện tử đã kích hoạt"; the code itself where the catalog has no such indicator. */
export function indicatorName(db: Database, code: string): string {
  return (stmt(db, 'SELECT name FROM indicators WHERE code = ?').get(code) as { name: string } | undefined)?.name ?? code;
}
