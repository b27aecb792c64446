import { ruleMeta } from '../core';
import type { Language } from './i18n';
import { RULE_FORMULAS_ZH } from './rule-formulas';

/** How to fix what a rule family finds: the third part of the in-pane explanation (what is checked, why, how to fix). */
const FIX: Record<string, { zh: string; en: string }> = {
  sum: {
    zh: '核对合计行（或上级科目）与各明细行，改正录错的一方；若明细不全，补齐缺少的行。',
    en: 'Compare the total (or parent) with its items and correct whichever was typed wrong; add any missing items.',
  },
  balance: {
    zh: '核对本表两侧的合计数，找出录错或漏填的项目，使收支平衡。',
    en: 'Compare both sides’ totals of this table and correct the line typed wrong or left out.',
  },
  cross_table: {
    zh: '同一数字在两张表中不一致：打开两处单元格对照，按原始预算数据改正错误的一方。',
    en: 'The same figure differs between two tables: open both cells and correct the wrong one from the source data.',
  },
  cross_classification: {
    zh: '功能分类与经济分类中应一致的金额不一致，请对照两处核实。',
    en: 'Function- and economic-class amounts that should agree do not: check both.',
  },
  code: {
    zh: '对照当年《政府收支分类科目》改正科目编码或名称；可在“设置”中导入当年科目表。',
    en: 'Correct the code or name from the year’s official catalog (import it under Settings).',
  },
  performance: {
    zh: '按绩效目标管理要求修改指标、指标值或得分。',
    en: 'Adjust the indicator, its target or its score as the performance rules require.',
  },
  format: {
    zh: '把单元格改为正确的格式（数值、日期或统一的金额单位）。',
    en: 'Give the cell the right format (number, date, or the same amount unit).',
  },
  disclosure: {
    zh: '按公开要求补齐缺少的表格或说明，或填写“本表无数据”的说明。',
    en: 'Add the missing table or statement, or state that the table has no data.',
  },
};

export interface RuleHelp {
  readonly title: string;
  /** What this finding is, by its messageId (the rule's `meta.messages`), in the pane's language; '' when unknown. */
  readonly finding: string;
  readonly what: string;
  readonly formula: string;
  readonly fix: string;
}

/** The explanation of a finding's rule shown in the pane, or null for a rule the registry does not know. */
export function ruleHelp(rule: string, language: Language, messageId?: string): RuleHelp | null {
  const meta = ruleMeta(rule);
  if (!meta) return null;
  const en = language === 'en-US';
  const family = rule.split('.')[0] ?? '';
  const fix = FIX[family] ?? FIX[rule.split('_')[0] ?? ''];
  const message = messageId !== undefined && Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : null;
  return {
    title: en ? meta.title.en : meta.title.zh,
    finding: message ? (en ? message.en : message.zh) : '',
    what: en ? meta.description.en : meta.description.zh,
    // The Chinese pane shows the identity in Chinese; the rules' own notation is partly English.
    formula: en ? meta.formula : (RULE_FORMULAS_ZH[rule] ?? meta.formula),
    fix: fix ? (en ? fix.en : fix.zh) : '',
  };
}
