/** Limits of the contract's free-text fields, for forms to show before submitting (tested against shared/api.ts). */
export const FIELD_LIMITS = {
  reason: 2000,
  user: 200,
} as const;
