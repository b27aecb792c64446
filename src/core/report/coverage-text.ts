import type { NotCheckedReason, ReportCoverage } from './report';

/** Why an identity was not checked, as the summary and the pane say it. */
export const NOT_CHECKED_REASON_NAMES: Readonly<Record<NotCheckedReason, string>> = {
  table_missing: '缺少对应的表',
  table_unknown_type: '表的类型未能识别',
  column_not_found: '未找到所需的行或列',
  structure_unconfirmed: '表的结构未能确认',
  formula_not_calculated: '公式未计算',
  blank: '表中无数据',
  rule_off: '规则已关闭',
  other: '其他原因',
};

/** "已核对 412 项勾稽关系，17 项未能核对": the counts alone, for a one-line summary. */
export function coverageCounts(coverage: ReportCoverage): string {
  const { closed, failed, notChecked } = coverage.identities;
  return `已核对 ${closed + failed} 项勾稽关系，${notChecked} 项未能核对`;
}

/** "已核对 412 项勾稽关系，17 项未能核对（未找到所需的行或列 12、缺少对应的表 5）". */
export function coverageLine(coverage: ReportCoverage): string {
  const { closed, failed, notChecked } = coverage.identities;
  const byReason = new Map<NotCheckedReason, number>();
  for (const e of coverage.notChecked) byReason.set(e.reason, (byReason.get(e.reason) ?? 0) + (e.count ?? 1));
  const reasons = [...byReason].map(([r, n]) => `${NOT_CHECKED_REASON_NAMES[r]} ${n}`).join('、');
  return (
    `已核对 ${closed + failed} 项勾稽关系${failed ? `（其中 ${failed} 项不成立）` : ''}，${notChecked} 项未能核对` +
    (reasons ? `（${reasons}）` : '')
  );
}
