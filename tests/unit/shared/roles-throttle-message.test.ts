/** The throttle's message: the clock time rounded up to the minute, the wait never longer than the lock. */
import { describe, expect, it } from 'vitest';
import { signInThrottledMessage } from '../../../shared/roles';

describe('signInThrottledMessage', () => {
  it('says a 15-minute lock as 15 minutes, at the next whole minute (08:00:50 + 15 min: after 08:16)', () => {
    const now = new Date(2026, 0, 1, 8, 0, 50);
    const retryAt = new Date(now.getTime() + 15 * 60_000);
    expect(signInThrottledMessage(retryAt, now, 'vi')).toBe('Đăng nhập sai quá nhiều lần với tên đăng nhập này. Hãy thử lại sau 08:16 (khoảng 15 phút nữa)');
    expect(signInThrottledMessage(retryAt, now, 'en')).toBe('Too many failed sign-ins with this login. Try again after 08:16 (in about 15 minutes)');
  });
  it('never says less than a minute', () => {
    const now = new Date(2026, 0, 1, 8, 0, 0);
    expect(signInThrottledMessage(new Date(now.getTime() + 5000), now, 'vi')).toMatch(/khoảng 1 phút nữa/);
  });
});
