import type { RuleMessages } from './types';

/**
 * Message ids that the shared reporting helpers give their findings, for the rules that report through them to declare
 * (`messages: { ...IDENTITY_MESSAGES }`): sum/report-sum.ts (a total against its parts) and cross_table/quantities.ts
 * (one quantity against another).
 */
const ROUNDING = { rounding: { zh: '差额在取整误差范围内', en: 'Difference within display rounding' } } as const;

/** reportComparison: an identity of one table that does not close, or closes only within rounding. */
export const COMPARISON_MESSAGES: RuleMessages = {
  mismatch: { zh: '勾稽关系不成立', en: 'The identity does not hold' },
  ...ROUNDING,
};

/** checkSum / checkColumnSum: a total against the sum of its parts. */
export const SUM_MESSAGES: RuleMessages = {
  mismatch: { zh: '合计不等于各组成项之和', en: 'Total differs from the sum of its parts' },
  blankTotal: { zh: '合计未填金额，组成项有金额', en: 'Total left blank above filled parts' },
  ...ROUNDING,
};

/** reportIdentity: two quantities that must be equal (or one not above the other). */
export const IDENTITY_MESSAGES: RuleMessages = {
  mismatch: { zh: '两处金额不相等', en: 'The two amounts differ' },
  exceeds: { zh: '金额超过应不大于的对应金额', en: 'An amount exceeds the one it may not exceed' },
  blankSide: { zh: '一方未填金额', en: 'One side left blank' },
  ...ROUNDING,
};

/** A text as a finding quotes it: its first `max` characters, then "…". */
export const quoted = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max)}…` : text);
