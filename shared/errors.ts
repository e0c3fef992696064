/**
 * The error codes the contract returns (Result's `error.code`), one per kind of failure, so a shell
 * or the UI can tell "no such thing" from "not now" from "bad input" without reading the words.
 */
export const ERROR_CODES = [
  'not-found', 'invalid-state', 'invalid-arguments', 'refused-import', 'refused-export', 'conflict',
  'unknown-method', 'forbidden-sender', 'internal',
  // People and roles: not signed in where the store needs it, a role the call needs, a refused sign-in.
  'sign-in-required', 'forbidden-role', 'sign-in-failed',
  // Too many failed sign-ins for one login lately; a wrong current password when changing one's own.
  'sign-in-throttled', 'wrong-password',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error the core throws on purpose, with its code; its message is Vietnamese words for the person. */
export class CodedError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'CodedError';
  }
}

/**
 * A sign-in refused without trying the password: too many failures for this login lately.
 * `retryAt` (ISO) travels with the answer, so each UI words the time in its own language and clock.
 */
export class SignInThrottled extends CodedError {
  constructor(readonly retryAt: string, message: string) {
    super('sign-in-throttled', message);
    this.name = 'SignInThrottled';
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** The code of anything thrown: a CodedError's own, an import refusal's, else "internal". */
export function errorCodeOf(err: unknown): ErrorCode {
  if (err instanceof CodedError) return err.code;
  if (err instanceof Error && err.name === 'ImportFailure') return 'refused-import';
  return 'internal';
}
