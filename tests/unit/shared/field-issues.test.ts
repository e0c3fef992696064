/** Validation errors worded for people, from the contract's real schemas. */
import { describe, expect, it } from 'vitest';
import { schemas } from '../../../shared/api';
import { describeIssues, fieldIssues } from '../../../shared/field-issues';

function issuesOf(method: keyof typeof schemas, args: unknown) {
  const r = schemas[method].safeParse(args);
  if (r.success) throw new Error('expected a validation error');
  return fieldIssues(r.error.issues);
}

describe('validation messages', () => {
  const tooLong = issuesOf('resolveFlag', { flagId: 'f', action: 'accept', reason: 'x'.repeat(2001), user: 'A' });

  it('name the field and its limit, the Vietnamese way, with no zod wording', () => {
    expect(describeIssues(tooLong)).toBe('Lý do: tối đa 2.000 ký tự');
    expect(describeIssues(tooLong, 'en')).toBe('Reason: at most 2,000 characters');
  });

  it('say what is missing, what is not one of the choices and what is too many', () => {
    expect(describeIssues(issuesOf('resolveFlag', { flagId: 'f', action: 'delete', reason: ' ', user: 'A' }))).toBe('Cách xử lý: chỉ nhận: accept, correct, choose; Lý do: cần điền');
    expect(describeIssues(issuesOf('importFiles', { paths: [] }))).toBe('Tệp hoặc thư mục: cần điền');
    expect(describeIssues(issuesOf('listFlags', { limit: 200000 }))).toBe('Số dòng: không quá 100.000');
    // A list's limit counts its items, whatever the field is called.
    expect(describeIssues(issuesOf('listFigures', { indicators: ['A', 'B', 'C', 'D'] }))).toBe('Chỉ tiêu: tối đa 3 mục');
    expect(describeIssues(issuesOf('listFigures', { indicators: ['A', 'B', 'C', 'D'] }), 'en')).toBe('Indicators: at most 3 items');
    expect(describeIssues(issuesOf('importFiles', { paths: ['a'], receivedAt: '2023-02-30' }))).toBe('Ngày nhận: Ngày không có trên lịch');
    const all = describeIssues(issuesOf('mapLabel', {}));
    expect(all).not.toMatch(/expected|Invalid|Too/);
    expect(all).toContain('Nhãn: cần điền');
  });
});

describe('limits the forms show before submitting', () => {
  it('are the contract’s own limits', async () => {
    const { FIELD_LIMITS } = await import('../../../shared/limits');
    const base = { flagId: 'f', action: 'accept', user: 'A' };
    expect(schemas.resolveFlag.safeParse({ ...base, reason: 'x'.repeat(FIELD_LIMITS.reason) }).success).toBe(true);
    expect(schemas.resolveFlag.safeParse({ ...base, reason: 'x'.repeat(FIELD_LIMITS.reason + 1) }).success).toBe(false);
    expect(schemas.resolveFlag.safeParse({ ...base, reason: 'r', user: 'x'.repeat(FIELD_LIMITS.user) }).success).toBe(true);
    expect(schemas.resolveFlag.safeParse({ ...base, reason: 'r', user: 'x'.repeat(FIELD_LIMITS.user + 1) }).success).toBe(false);
  });
});
