/**
 * Validation errors for people: which field, in their language, and its limit ("Lý do: tối đa
 * 2.000 ký tự"), instead of zod's "reason Too big: expected string to have <=2000 characters".
 * The edges send both the sentence (Vietnamese) and the issues as data, so the English UI words
 * them itself.
 */
import type { z } from 'zod';

export type Lang = 'vi' | 'en';

/** One field's problem as data: the field's name in the contract, what is wrong, and the limit. */
export interface FieldIssue {
  field: string;
  kind: 'too-long' | 'too-short' | 'required' | 'too-big' | 'too-small' | 'wrong-type' | 'wrong-format' | 'not-allowed' | 'other';
  limit?: number;
  /** Allowed values (enums), or the schema's own message for a custom check. */
  detail?: string;
  /** The limit counts a list's items, not a text's characters. */
  items?: true;
}

/** The contract's field names, as a person reads them. */
export const FIELD_NAMES: Record<string, { vi: string; en: string }> = {
  paths: { vi: 'Tệp hoặc thư mục', en: 'Files or folders' },
  user: { vi: 'Người dùng', en: 'User' },
  receivedAt: { vi: 'Ngày nhận', en: 'Date received' },
  jobId: { vi: 'Mã lượt nhập', en: 'Import job' },
  from: { vi: 'Vị trí bắt đầu', en: 'Start index' },
  all: { vi: 'Kể cả bản cũ', en: 'Include superseded' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  effective: { vi: 'Giá trị sau xử lý', en: 'Effective values' },
  label: { vi: 'Nhãn', en: 'Label' },
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  indicators: { vi: 'Chỉ tiêu', en: 'Indicators' },
  at: { vi: 'Ngày', en: 'Date' },
  file: { vi: 'Tệp', en: 'File' },
  status: { vi: 'Trạng thái', en: 'Status' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  limit: { vi: 'Số dòng', en: 'Row count' },
  offset: { vi: 'Vị trí', en: 'Offset' },
  flagId: { vi: 'Mã cảnh báo', en: 'Flag' },
  action: { vi: 'Cách xử lý', en: 'Action' },
  reason: { vi: 'Lý do', en: 'Reason' },
  value: { vi: 'Giá trị mới', en: 'New value' },
  cell: { vi: 'Ô', en: 'Cell' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  radius: { vi: 'Phạm vi xem', en: 'Preview radius' },
  layout: { vi: 'Mẫu biểu', en: 'Layout' },
  strict: { vi: 'Chặt chẽ', en: 'Strict' },
  underUnitsAt: { vi: 'Theo đơn vị tại ngày', en: 'Under units at' },
  out: { vi: 'Nơi lưu tệp', en: 'Save to' },
  measure: { vi: 'Loại số', en: 'Measure' },
  subunit: { vi: 'Đơn vị con', en: 'Sub-unit' },
  on: { vi: 'Dữ liệu mẫu', en: 'Demo data' },
  name: { vi: 'Tên', en: 'Name' },
  days: { vi: 'Số ngày giữ', en: 'Days kept' },
};

/** The field a zod issue is about: the last named step of its path ("paths.3" is "paths"). */
function fieldOf(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

/** zod's issues as data (zod 4's codes). */
export function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((i): FieldIssue[] => {
    const field = fieldOf(i.path);
    switch (i.code) {
      case 'too_big': {
        const limit = Number(i.maximum);
        return [{ field, kind: i.origin === 'string' || i.origin === 'array' ? 'too-long' : 'too-big', limit, ...(i.origin === 'array' ? { items: true as const } : {}) }];
      }
      case 'too_small': {
        const limit = Number(i.minimum);
        if ((i.origin === 'string' || i.origin === 'array') && limit <= 1) return [{ field, kind: 'required' }];
        return [{ field, kind: i.origin === 'string' || i.origin === 'array' ? 'too-short' : 'too-small', limit, ...(i.origin === 'array' ? { items: true as const } : {}) }];
      }
      case 'invalid_type': return [{ field, kind: i.input === undefined ? 'required' : 'wrong-type' }];
      case 'invalid_format': return [{ field, kind: 'wrong-format' }];
      case 'invalid_value': return [{ field, kind: 'wrong-format', detail: i.values.map(String).join(', ') }];
      case 'unrecognized_keys': return i.keys.map((k) => ({ field: k, kind: 'not-allowed' as const }));
      case 'custom': return [{ field, kind: 'other', detail: i.message }];
      default: return [{ field, kind: 'other' }];
    }
  });
}

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

/** Units of a limit: characters for text, items for lists, nothing for numbers. */
function sentence(issue: FieldIssue, lang: Lang): string {
  const n = issue.limit === undefined ? '' : number(issue.limit, lang);
  const vi = lang === 'vi';
  switch (issue.kind) {
    case 'too-long': return vi ? `tối đa ${n} ${issue.items ? 'mục' : 'ký tự'}` : `at most ${n} ${issue.items ? 'items' : 'characters'}`;
    case 'too-short': return vi ? `ít nhất ${n} ${issue.items ? 'mục' : 'ký tự'}` : `at least ${n} ${issue.items ? 'items' : 'characters'}`;
    case 'required': return vi ? 'cần điền' : 'required';
    case 'too-big': return vi ? `không quá ${n}` : `at most ${n}`;
    case 'too-small': return vi ? `không nhỏ hơn ${n}` : `at least ${n}`;
    case 'wrong-type': return vi ? 'sai kiểu dữ liệu' : 'wrong type';
    case 'wrong-format': return issue.detail ? (vi ? `chỉ nhận: ${issue.detail}` : `one of: ${issue.detail}`) : (vi ? 'sai định dạng' : 'wrong format');
    case 'not-allowed': return vi ? 'không được phép ở đây' : 'not allowed here';
    default: return issue.detail && vi ? issue.detail : (vi ? 'không hợp lệ' : 'invalid');
  }
}

/** "Lý do: tối đa 2.000 ký tự; Người dùng: cần điền". */
export function describeIssues(issues: readonly FieldIssue[], lang: Lang = 'vi'): string {
  return issues.map((i) => {
    const name = FIELD_NAMES[i.field]?.[lang] ?? (i.field || (lang === 'vi' ? 'Tham số' : 'Argument'));
    return `${name}: ${sentence(i, lang)}`;
  }).join('; ');
}
