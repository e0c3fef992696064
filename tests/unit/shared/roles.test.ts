/** The role table: every method of the contract has its entry, and the roles do what issue 19 says. */
import { describe, expect, it } from 'vitest';
import { methods, schemas } from '../../../shared/api';
import { ACCESS, forbiddenRoleMessage, mayCall, ROLES } from '../../../shared/roles';

describe('the role table', () => {
  it('has an entry for every method of the contract, and none for a method that is not', () => {
    const missing = methods.filter((m) => !Object.prototype.hasOwnProperty.call(ACCESS, m));
    expect(missing, 'methods without an entry in ACCESS (shared/roles.ts)').toEqual([]);
    expect(Object.keys(ACCESS).filter((m) => !(m in schemas))).toEqual([]);
    for (const m of methods) {
      const a = ACCESS[m];
      expect(a === 'public' || a === 'read' || (Array.isArray(a) && a.length > 0 && a.every((r) => ROLES.includes(r))), m).toBe(true);
    }
  });

  it('gives each role its work and nothing of the others', () => {
    expect(mayCall('startImport', ['nhap-lieu'])).toBe(true);
    expect(mayCall('enterFigures', ['nhap-lieu'])).toBe(true);
    expect(mayCall('mapLabel', ['nhap-lieu'])).toBe(true);
    expect(mayCall('resolveFlag', ['nhap-lieu'])).toBe(false);
    expect(mayCall('resolveFlag', ['kiem-tra'])).toBe(true);
    expect(mayCall('approvePeriod', ['kiem-tra'])).toBe(false);
    expect(mayCall('approvePeriod', ['lanh-dao'])).toBe(true);
    expect(mayCall('unlockPeriod', ['lanh-dao'])).toBe(true);
    expect(mayCall('saveSetup', ['lanh-dao'])).toBe(true);
    expect(mayCall('createAccount', ['lanh-dao'])).toBe(false);
    for (const m of ['listAccounts', 'createAccount', 'setAccountRoles', 'resetPassword', 'deactivateAccount'] as const) {
      expect(mayCall(m, ['quan-tri'])).toBe(true);
      expect(mayCall(m, ['nhap-lieu', 'kiem-tra', 'lanh-dao'])).toBe(false);
    }
    expect(mayCall('startImport', ['quan-tri'])).toBe(false);
  });

  it('lets every signed-in person read, and nobody not signed in do anything but sign in', () => {
    for (const r of ROLES) expect(mayCall('listFigures', [r])).toBe(true);
    for (const m of methods) expect(mayCall(m, null), m).toBe(m === 'signIn' || m === 'signOut' || m === 'whoAmI');
  });

  it('names the role needed, in Vietnamese and in English', () => {
    expect(forbiddenRoleMessage(['lanh-dao'])).toBe('Tài khoản của bạn không có quyền làm việc này: cần quyền “lãnh đạo”');
    expect(forbiddenRoleMessage(['nhap-lieu', 'kiem-tra'], 'en')).toBe('Your account may not do this: it needs the “data entry” or “review” role');
  });
});
