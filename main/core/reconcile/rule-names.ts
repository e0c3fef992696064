/** Each rule in the words a reviewer reads: the flags sheet of an export, the audit log. */
const RULES: Record<string, string> = {
  child_exceeds_parent: 'Chỉ tiêu “trong đó” lớn hơn chỉ tiêu tổng',
  plan_exceeded: 'Vượt kế hoạch năm',
  participants_lt_sessions: 'Số người tham dự ít hơn số đợt',
  parts_exceed_total: 'Các thành phần lớn hơn tổng số',
  sum_mismatch: 'Tổng không bằng các thành phần',
  rate_mismatch: 'Tỷ lệ ghi khác tỷ lệ tính được',
  rate_out_of_range: 'Tỷ lệ ngoài khoảng 0–100%',
  negative_value: 'Số âm',
  non_integer_count: 'Số lẻ ở chỉ tiêu đếm',
  ytd_decrease: 'Lũy kế giảm so với tháng trước',
  ytd_mismatch: 'Lũy kế khác lũy kế tháng trước cộng trong tháng',
  commune_total_mismatch: 'Tổng các xã khác dòng tổng cộng',
  detail_summary_mismatch: 'Trang chi tiết khác trang tổng hợp',
  outlier: 'Số liệu bất thường',
  conflicting_resubmission: 'Báo cáo gửi lại có số liệu khác',
  missing_return: 'Thiếu báo cáo',
  unmapped_label: 'Nhãn chưa khớp chỉ tiêu',
  formula_no_cache: 'Công thức chưa có kết quả tính',
};

export function ruleWords(rule: string): string {
  return RULES[rule] ?? rule;
}
