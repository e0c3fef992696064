/** Each kind of failure reaches the UI with its own code, not one "failed" for all. */
import { describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/api';
import { ERROR_CODES, errorCodeOf } from '../../../shared/errors';
import { dispatch } from '../../../main/http/dispatch';
import { ImportFailure } from '../../../main/core/file/import-failure';
import { ReviewError } from '../../../main/core/review/resolve-flag';
import { parsePeriod, PeriodError } from '../../../main/core/export/period-spec';
import { ExportRefused } from '../../../main/core/export/export-flags';
import { message } from '../../../shared/messages';

const failing = (err: Error) => ({ listFlags: () => Promise.reject(err) }) as unknown as Api;

describe('error codes', () => {
  it('gives each error class its code through dispatch', async () => {
    const cases: [Error, string][] = [
      [new ReviewError('Không có cảnh báo mã “x”', 'not-found'), 'not-found'],
      [new ReviewError('Cần ghi lý do cho quyết định'), 'invalid-state'],
      [new ExportRefused('Còn 2 cảnh báo chưa xử lý', []), 'refused-export'],
      [new ImportFailure('pdf', message('refused.pdf', {})), 'refused-import'],
      [new Error('boom'), 'internal'],
    ];
    for (const [err, code] of cases) {
      const r = await dispatch(failing(err), 'listFlags', {});
      expect(r).toEqual({ ok: false, error: { code, message: err.message } });
    }
    expect(await dispatch(failing(new Error('x')), 'listFlags', { status: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch(failing(new Error('x')), 'noSuchMethod', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('codes a bad period as invalid arguments, and every code it returns is a known one', () => {
    let thrown: unknown;
    try { parsePeriod('2023-13'); } catch (err) { thrown = err; }
    expect(thrown).toBeInstanceOf(PeriodError);
    expect(errorCodeOf(thrown)).toBe('invalid-arguments');
    expect(ERROR_CODES).not.toContain('failed');
  });
});
