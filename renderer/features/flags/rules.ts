/** The rules the core checks (main/core/reconcile/rules), for the rule filter; names come from i18n. */
export const RULES = [
  'child_exceeds_parent', 'parts_exceed_total', 'sum_mismatch', 'commune_total_mismatch', 'detail_summary_mismatch',
  'ytd_decrease', 'ytd_mismatch', 'rate_out_of_range', 'rate_mismatch', 'negative_value', 'non_integer_count',
  'outlier', 'plan_exceeded', 'participants_lt_sessions', 'conflicting_resubmission', 'missing_return', 'unmapped_label',
  'formula_no_cache',
] as const;
