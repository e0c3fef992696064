/**
 * People and roles (issue 19): who may call what. With a store that has accounts, every call of the
 * contract is checked against ACCESS once, at the edge's dispatch (HTTP, IPC and the CLI alike);
 * the UI reads the same table to hide what a person's roles do not allow. A store without an
 * active account needs no sign-in and allows everything, as the single-PC app always has.
 */
import type { Method } from './api';

export const ROLES = ['nhap-lieu', 'kiem-tra', 'lanh-dao', 'quan-tri'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(r: unknown): r is Role {
  return typeof r === 'string' && (ROLES as readonly string[]).includes(r);
}

/**
 * 'public': anyone, signed in or not (signing in itself). 'read': every signed-in person (reads,
 * what writes nothing of the office's data, and their own password). Else the roles of which the
 * person needs one.
 */
export type Access = 'public' | 'read' | readonly Role[];

const ENTRY: readonly Role[] = ['nhap-lieu'];
const REVIEW: readonly Role[] = ['kiem-tra'];
const LEAD: readonly Role[] = ['lanh-dao'];
const ADMIN: readonly Role[] = ['quan-tri'];

/** Every method of the contract and who may call it; a method without an entry does not compile (and a unit test says so). */
export const ACCESS: Record<Method, Access> = {
  // Signing in: before anyone is known.
  signIn: 'public', signOut: 'public', whoAmI: 'public',
  // Accounts: quản trị.
  listAccounts: ADMIN, createAccount: ADMIN, setAccountRoles: ADMIN, resetPassword: ADMIN, deactivateAccount: ADMIN,
  listSignInFailures: ADMIN,
  // Everyone's own password: any role (the edge makes it the caller's own account).
  changeOwnPassword: 'read',
  // Nhập liệu: import, typed returns, label mapping, the files' unit, period and arrival date.
  importFiles: ENTRY, startImport: ENTRY, cancelImport: ENTRY, mapLabel: ENTRY, assignUnit: ENTRY, assignPeriod: ENTRY,
  enterFigures: ENTRY, setReceivedAt: ENTRY, inspectFiles: ENTRY,
  // Running the rules again: the clerk after an import, the reviewer before resolving.
  checkFlags: ['nhap-lieu', 'kiem-tra'],
  // Kiểm tra: resolving flags and opening them again.
  resolveFlag: REVIEW, reopenFlag: REVIEW,
  // Lãnh đạo: sign-off, unlock, taking in a held return, the office's set-up, deadlines and catalog.
  approvePeriod: LEAD, unlockPeriod: LEAD, takeIn: LEAD, saveSetup: LEAD, saveDeadlines: LEAD,
  addIndicator: LEAD, aliasIndicator: LEAD, relateIndicators: LEAD, renameIndicator: LEAD, retireIndicator: LEAD,
  // The store itself: a backup by the office's head or the administrator; a restore (accounts included) by the administrator.
  backupNow: ['lanh-dao', 'quan-tri'], restoreBackup: ADMIN,
  // Reads, exports and the demo store (its own file: the real store is never written by it).
  importProgress: 'read', listImportJobs: 'read', listImportBatches: 'read', listFigures: 'read', listUnmapped: 'read', listLabelMappings: 'read',
  listIndicators: 'read', listUnits: 'read', listFiles: 'read', listFlags: 'read', countFlags: 'read', verifyAudit: 'read',
  listAudit: 'read', loadDemo: 'read', previewCell: 'read', exportGrid: 'read', exportWorkbook: 'read', listBackups: 'read',
  storeMode: 'read', storeChanges: 'read', useDemo: 'read', getEffective: 'read', getSetup: 'read', getEntryForm: 'read', listApprovals: 'read',
  getDeadlines: 'read',
};

/** Whether a person holding `roles` (null: not signed in) may call `method`. */
export function mayCall(method: Method, roles: readonly Role[] | null): boolean {
  const a = ACCESS[method];
  if (a === 'public') return true;
  if (roles === null) return false;
  return a === 'read' || a.some((r) => roles.includes(r));
}

/** The roles of which one is needed, for a refusal's words (empty for 'public' and 'read'). */
export function rolesNeeded(method: Method): readonly Role[] {
  const a = ACCESS[method];
  return typeof a === 'string' ? [] : a;
}

export const ROLE_NAMES: Record<'vi' | 'en', Record<Role, string>> = {
  vi: { 'nhap-lieu': 'nhập liệu', 'kiem-tra': 'kiểm tra', 'lanh-dao': 'lãnh đạo', 'quan-tri': 'quản trị' },
  en: { 'nhap-lieu': 'data entry', 'kiem-tra': 'review', 'lanh-dao': 'head of office', 'quan-tri': 'administrator' },
};

/** The refusal of a call the person's roles do not allow, naming the role needed. */
export function forbiddenRoleMessage(needed: readonly Role[], lang: 'vi' | 'en' = 'vi'): string {
  const names = needed.map((r) => `“${ROLE_NAMES[lang][r]}”`);
  return lang === 'vi'
    ? `Tài khoản của bạn không có quyền làm việc này: cần quyền ${names.join(' hoặc ')}`
    : `Your account may not do this: it needs the ${names.join(' or ')} role`;
}

export const SIGN_IN_REQUIRED: Record<'vi' | 'en', string> = {
  vi: 'Cần đăng nhập trước khi làm việc với dữ liệu này',
  en: 'Sign in before working with this data',
};

/** One answer for an unknown login, a wrong password and a deactivated account: no hint of which. */
export const SIGN_IN_FAILED: Record<'vi' | 'en', string> = {
  vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
  en: 'Wrong login or password',
};

/**
 * A throttled sign-in's words: when to try again, by the reader's clock, rounded up to the minute
 * (at that minute the login is certainly free again). Nothing says whether the login exists.
 */
export function signInThrottledMessage(retryAt: Date, now: Date, lang: 'vi' | 'en' = 'vi'): string {
  const at = new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000);
  const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  // From the exact time, not the rounded clock time: a 15-minute lock never reads as 16 minutes.
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return lang === 'vi'
    ? `Đăng nhập sai quá nhiều lần với tên đăng nhập này. Hãy thử lại sau ${hhmm} (khoảng ${minutes} phút nữa)`
    : `Too many failed sign-ins with this login. Try again after ${hhmm} (in about ${minutes} minutes)`;
}

export const WRONG_CURRENT_PASSWORD: Record<'vi' | 'en', string> = {
  vi: 'Mật khẩu hiện tại không đúng',
  en: 'The current password is wrong',
};

/** A login's failed sign-ins as the quản trị sees them on Tài khoản. */
export interface SignInFailures {
  login: string;
  /** Whether an account has this login (the quản trị may know; the person signing in is never told). */
  known: boolean;
  /** Wrong passwords, unknown or deactivated logins, wrong current passwords, still on record. */
  failed: number;
  /** Attempts refused without a try while the login was throttled. */
  refused: number;
  lastAt: string;
  /** Until when sign-in with this login is refused (ISO), or null. */
  lockedUntil: string | null;
}

/** An account as the accounts screen lists it (never its password hash). */
export interface AccountInfo { login: string; name: string; roles: Role[]; active: boolean; createdAt: string }

/** Who is signed in, as the edges and the UI know them. */
export interface SignedIn { login: string; name: string; roles: Role[] }

/** The name the audit log records for a signed-in person: "Nguyễn Văn A (nva)". */
export function auditName(p: { login: string; name: string }): string {
  return `${p.name} (${p.login})`;
}
