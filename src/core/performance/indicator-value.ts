import { trimTrailingZeros } from '../text/amount';
import { toHalfWidth } from '../text/normalize';

/**
 * A 绩效指标值 as written on target and self-evaluation forms: "≥34475人", "≤10%", "=100%", "6-9个月", "不低于85%",
 * "280元/人/年", "按时完成", "优". Numbers stay decimal strings.
 */
export type Operator = '>=' | '<=' | '=' | '>' | '<';

export type IndicatorValue =
  | {
      readonly kind: 'numeric';
      readonly operator: Operator;
      readonly explicit: boolean;
      readonly value: string;
      readonly unit: string | null;
    }
  | { readonly kind: 'range'; readonly low: string; readonly high: string; readonly unit: string | null }
  | { readonly kind: 'qualitative'; readonly text: string }
  | { readonly kind: 'empty' };

const OPERATOR_PREFIXES: readonly [RegExp, Operator][] = [
  [/^(>=|≥|≧|不低于|不少于|不小于|至少|达到|大于等于|高于等于)/, '>='],
  [/^(<=|≤|≦|不高于|不多于|不大于|不超过|小于等于|控制在)/, '<='],
  [/^(>|＞|大于|高于|多于|超过)/, '>'],
  [/^(<|＜|小于|低于|少于)/, '<'],
  [/^(=|＝|等于|为)/, '='],
];

const OPERATOR_SUFFIXES: readonly [RegExp, Operator][] = [
  [/(以上|及以上)$/, '>='],
  [/(以内|以下|及以下)$/, '<='],
];

const NUMBER = '[-+]?\\d+(?:,\\d{3})*(?:\\.\\d+)?';
// "元/人/年": the class holds "/" itself (a trailing (?:/[…]+)* would add nothing but exponential backtracking).
const UNIT = '[%‰]|[\\u4e00-\\u9fffA-Za-z/·.²³㎡]+';

export function parseIndicatorValue(raw: string | number | null | undefined): IndicatorValue {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  let text = toHalfWidth(String(raw)).replace(/\s+/g, '').replace(/。$/, '');
  if (!text) return { kind: 'empty' };
  let operator: Operator | null = null;
  for (const [re, op] of OPERATOR_PREFIXES) {
    if (re.test(text)) {
      operator = op;
      text = text.replace(re, '');
      break;
    }
  }
  for (const [re, op] of OPERATOR_SUFFIXES) {
    if (re.test(text)) {
      operator ??= op;
      text = text.replace(re, '');
      break;
    }
  }
  text = text.replace(/^控制在/, '');
  const range = new RegExp(`^(${NUMBER})(${UNIT})?[-~—至到](${NUMBER})(${UNIT})?$`).exec(text);
  if (range && !operator) {
    return {
      kind: 'range',
      low: clean(range[1] as string),
      high: clean(range[3] as string),
      unit: range[4] ?? range[2] ?? null,
    };
  }
  const numeric = new RegExp(`^(${NUMBER})(${UNIT})?$`).exec(text);
  if (numeric) {
    return {
      kind: 'numeric',
      operator: operator ?? '=',
      explicit: operator !== null,
      value: clean(numeric[1] as string),
      unit: numeric[2] ?? null,
    };
  }
  return { kind: 'qualitative', text: String(raw).trim() };
}

function clean(n: string): string {
  const s = n.replace(/,/g, '').replace(/^\+/, '');
  return s.includes('.') ? trimTrailingZeros(s).replace(/\.$/, '') : s;
}

const SYMBOL: Record<Operator, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** The value written back as forms write it ("≥90%", "6-9个月", "按时完成"). */
export function formatIndicatorValue(v: IndicatorValue): string {
  switch (v.kind) {
    case 'numeric':
      return `${v.explicit ? SYMBOL[v.operator] : ''}${v.value}${v.unit ?? ''}`;
    case 'range':
      return `${v.low}-${v.high}${v.unit ?? ''}`;
    case 'qualitative':
      return v.text;
    case 'empty':
      return '';
  }
}
