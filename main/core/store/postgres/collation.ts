/**
 * Text order on a shared store. SQLite compares text byte by byte; a PostgreSQL database created
 * with a language's collation (en_US.UTF-8, vi_VN.UTF-8) orders lists by that language's rules, so
 * the same store would list logins, rules or labels in another order at a desk than on one PC.
 * Said when the owner migrates, not refused: the figures and their periods are compared the same.
 */
import type { Database } from '../db';

export function collationWarning(db: Database): string | null {
  // PostgreSQL 15 may take a database's order from ICU (datlocprovider 'i') rather than the C library.
  const d = db.prepare("SELECT datcollate, CASE WHEN datlocprovider = 'i' THEN daticulocale END AS icu FROM pg_database WHERE datname = current_database()").get() as { datcollate: string; icu: string | null };
  const collate = d.icu ? `ICU ${d.icu}` : d.datcollate;
  if (!d.icu && /^(C|POSIX)(\.|$)/i.test(collate)) return null;
  return `Cơ sở dữ liệu dùng thứ tự chữ “${collate}”: danh sách sẽ xếp khác một kho SQLite. Nên tạo cơ sở dữ liệu với --lc-collate=C (createdb --template=template0 --lc-collate=C ...)`;
}
