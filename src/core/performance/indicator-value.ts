import wording from '../../data/performance/indicator-value.json';
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

/** The data names operators by word: a string starting with = or < in a data file reads as a formula in Excel. */
const OPERATORS: Readonly<Record<string, Operator>> = { ge: '>=', le: '<=', gt: '>', lt: '<', eq: '=' };
/** Each [pattern, operator] of the data; an operator the type does not know is the data's mistake, said at load. */
const operators = (list: readonly (readonly string[])[]): readonly [RegExp, Operator][] =>
  list.map(([re, op]) => {
    const operator = OPERATORS[op as string];
    if (!operator) throw new Error(`indicator-value.json: unknown operator ${op}`);
    return [new RegExp(re as string), operator];
  });
const OPERATOR_PREFIXES = operators(wording.prefixes);
const OPERATOR_SUFFIXES = operators(wording.suffixes);
const DROP = new RegExp(wording.drop);
const SENTENCE_END = new RegExp(wording.sentenceEnd);

const NUMBER = '[-+]?\\d+(?:,\\d{3})*(?:\\.\\d+)?';
const UNIT = wording.unit;
const RANGE = new RegExp(`^(${NUMBER})(${UNIT})?${wording.rangeSeparator}(${NUMBER})(${UNIT})?$`);
const NUMERIC = new RegExp(`^(${NUMBER})(${UNIT})?$`);

export function parseIndicatorValue(raw: string | number | null | undefined): IndicatorValue {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  let text = toHalfWidth(String(raw)).replace(/\s+/g, '').replace(SENTENCE_END, '');
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
  text = text.replace(DROP, '');
  const range = RANGE.exec(text);
  if (range && !operator) {
    return {
      kind: 'range',
      low: clean(range[1] as string),
      high: clean(range[3] as string),
      unit: range[4] ?? range[2] ?? null,
    };
  }
  const numeric = NUMERIC.exec(text);
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
