/**
 * A store holding a province-year's worth of flags, written straight into the flags table (the
 * rules would need a year of returns from every commune to raise as many): real unit codes and
 * names, catalog indicators, the rules' own severities, messages worded as the rules word them,
 * one to three source cells per flag, and one flag in twenty already accepted.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../../main/core/store/db';
import { loadCatalog } from '../../../main/core/catalog/load-catalog';
import { loadUnits } from '../../../main/core/registry/load-units';
import { openDb } from '../../../main/core/store/open-db';
import type { FlagFigure, Severity } from '../../../shared/types';

/** Rule, its severity, and how often it turns up (the samples: ytd and child rules lead). */
const RULES: [string, Severity, number][] = [
  ['ytd_mismatch', 'error', 30], ['child_exceeds_parent', 'error', 12], ['sum_mismatch', 'error', 8],
  ['ytd_decrease', 'error', 10], ['negative_value', 'error', 3], ['commune_total_mismatch', 'error', 4],
  ['rate_mismatch', 'error', 3], ['outlier', 'warning', 14], ['non_integer_count', 'warning', 5],
  ['plan_exceeded', 'warning', 4], ['conflicting_resubmission', 'warning', 3], ['missing_return', 'info', 4],
];

/** What each rule says is wrong, as its own messages put it (main/core/reconcile/rules). */
const WORDING: Record<string, string> = {
  ytd_mismatch: 'khác lũy kế tháng trước cộng trong tháng',
  ytd_decrease: 'nhỏ hơn lũy kế tháng trước',
  child_exceeds_parent: 'lớn hơn chỉ tiêu tổng',
  sum_mismatch: 'khác tổng các thành phần',
  commune_total_mismatch: 'khác tổng các xã',
  rate_mismatch: 'khác tỷ lệ tính được từ số liệu gốc',
  negative_value: 'là số âm',
  outlier: 'bất thường so với các tháng khác của đơn vị',
  non_integer_count: 'có phần lẻ, trong khi chỉ tiêu đếm phải là số nguyên',
  plan_exceeded: 'vượt kế hoạch năm',
  conflicting_resubmission: 'khác bản gửi trước cho cùng kỳ',
};

const vi = new Intl.NumberFormat('vi-VN');

/** A small deterministic generator, so every run measures the same store. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex16 = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);

export interface ManyFlags { flags: number; resolved: number; bySeverity: Record<Severity, number> }

/** Creates (or opens) the store at `dbPath` (a SQLite file or a PostgreSQL address), migrated, and adds `count` flags in one transaction. */
export function fillWithFlags(dbPath: string, count: number): ManyFlags {
  const db = openDb(dbPath);
  try {
    return insertFlags(db, count);
  } finally {
    db.close();
  }
}

function insertFlags(db: Database, count: number): ManyFlags {
  const { catalog } = loadCatalog();
  // Nghệ An's units (the store's office): the registry holds the whole country.
  const units = loadUnits().filter((u) => u.provinceCode === '40' && u.level !== 'province' && u.validFrom <= '2023-12-31' && (u.validTo === null || u.validTo >= '2023-01-01'));
  const indicators = catalog.indicators.filter((i) => i.kind !== 'rate');
  const weights = RULES.reduce((n, r) => n + r[2], 0);
  const random = prng(2023);
  const out: ManyFlags = { flags: 0, resolved: 0, bySeverity: { error: 0, warning: 0, info: 0 } };
  const flag = db.prepare(`INSERT INTO flags (id, rule, severity, unit, period, periods, indicators, figures, message, expected_low, expected_high, signature, sort)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const accept = db.prepare(`INSERT INTO resolutions (flag_id, signature, action, user, at, reason) VALUES (?, ?, 'accept', 'Nguyễn Văn A', ?, 'Đã gọi điện xác nhận với đơn vị: số liệu đúng')`);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      let pick = random() * weights;
      const [rule, severity] = RULES.find((r) => (pick -= r[2]) < 0) ?? RULES[0]!;
      const unit = units[i % units.length]!;
      const month = 1 + (Math.floor(i / units.length) % 12);
      const period = `2023-${String(month).padStart(2, '0')}`;
      const ind = indicators[Math.floor(random() * indicators.length)]!;
      const value = Math.floor(random() * 5000);
      const file = `BC_T${String(month).padStart(2, '0')}_2023_${unit.code}.xlsx`;
      const row = 12 + Math.floor(random() * 30);
      const figures: FlagFigure[] = rule === 'missing_return' ? [] : [
        { indicator: ind.code, period, measure: 'ytd', subunit: null, value, file, sheet: `T${month}`, cell: `E${row}` },
        { indicator: ind.code, period, measure: 'period', subunit: null, value: Math.floor(value / month), file, sheet: `T${month}`, cell: `D${row}` },
      ];
      const where = `${unit.name}, tháng ${month}/2023, tệp ${file}, trang T${month}, ô E${row}`;
      const message = rule === 'missing_return'
        ? `Chưa có báo cáo tháng ${month}/2023 của ${unit.name}: không tệp nào đã nhập có số liệu của đơn vị cho tháng này`
        : `${ind.name} lũy kế (${vi.format(value)}) ${WORDING[rule] ?? 'không khớp số liệu liên quan'}, chênh ${vi.format(1 + (value % 97))} — ${where}`;
      const id = hex16(`${rule}|${unit.code}|${period}|${i}`);
      const signature = hex16(JSON.stringify(figures));
      const outlier = rule === 'outlier';
      flag.run(id, rule, severity, unit.code, period, JSON.stringify([period]), JSON.stringify(figures.length ? [ind.code] : []), JSON.stringify(figures),
        message, outlier ? Math.floor(value / 3) : null, outlier ? Math.floor(value / 2) : null, signature, i);
      out.flags++;
      out.bySeverity[severity]++;
      if (i % 20 === 7) { accept.run(id, signature, '2024-01-15T08:30:00.000Z'); out.resolved++; }
    }
  })();
  return out;
}
