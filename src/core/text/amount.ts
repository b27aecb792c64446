import rowVocabulary from '../../data/row-vocabulary.json';
import type { AmountUnit } from '../recognition/metadata';
import type { Cell } from '../snapshot/types';
import { isCellError } from '../snapshot/types';
import { memoize } from '../util/collections';
import { toHalfWidth } from './normalize';
import { PATTERNS } from './patterns';

/**
 * What an amount cell holds. Amounts are kept as canonical decimal strings ("23047.39", "-123.45") so that checks
 * can build exact decimal.js values; binary floats are never summed.
 */
export type Amount =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'number';
      /** Canonical decimal string, e.g. "23047.39". */
      readonly value: string;
      /** Decimal places the cell displays (from its number format or its text). */
      readonly decimals: number;
      /** True when the number was stored as text ("23,047.39"). */
      readonly fromText: boolean;
      readonly percent: boolean;
      /** The unit written in the cell with the number ("1,234.56万元"), when one is. */
      readonly unit?: AmountUnit;
    }
  | { readonly kind: 'placeholder'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'invalid'; readonly text: string }
  /** A formula the file holds no result for: its amount is unknown (never blank, never 0). */
  | { readonly kind: 'uncalculated' };

const PLACEHOLDER = PATTERNS.placeholderText;
const NUMERIC_TEXT = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/;

/**
 * True for "**", "—", "-", "…" and similar fillers that mean "nothing here". Once per distinct text: every cell of
 * every sheet is asked (recognition, merges, amounts), and names and headers recur.
 */
export const isPlaceholderText: (text: string) => boolean = memoize((text) =>
  PLACEHOLDER.test(toHalfWidth(text).replace(/\s+/g, '')),
);

/** Decimal places a number format displays: "#,##0.00" → 2, "0%" → 0, "General"/undefined → null. */
const DECIMALS_CACHE = new Map<string, number | null>();

export function formatDecimals(format: string | undefined): number | null {
  if (!format || format === 'General' || format === '@') return null;
  const cached = DECIMALS_CACHE.get(format);
  if (cached !== undefined) return cached;
  const decimals = computeFormatDecimals(format);
  if (DECIMALS_CACHE.size < 1000) DECIMALS_CACHE.set(format, decimals);
  return decimals;
}

/** Removes "…" and […] sections, as /"[^"]*"/g then /\[[^\]]*\]/g would, without retrying every unclosed opener. */
function withoutSections(text: string, open: string, close: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== open) {
      const next = text.indexOf(open, i);
      out += next < 0 ? text.slice(i) : text.slice(i, next);
      i = next < 0 ? text.length : next;
      continue;
    }
    const end = text.indexOf(close, i + 1);
    if (end < 0) return out + text.slice(i);
    i = end + 1;
  }
  return out;
}

const withoutLiterals = (format: string): string => withoutSections(withoutSections(format, '"', '"'), '[', ']');

function computeFormatDecimals(format: string): number | null {
  const section = withoutLiterals(format.split(';')[0] ?? '');
  if (!/[0#]/.test(section)) return null;
  const m = /\.([0#]+)/.exec(section);
  return m?.[1] ? m[1].length : 0;
}

/** True when a number format shows a date or time (so 44531 means 2021-12-01, not an amount). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const stripped = withoutLiterals(format);
  return PATTERNS.dateFormatToken.test(stripped) && !endsWithNumberPlaceholder(stripped.trim());
}

/** "1200" → "12" without /0+$/, which retries from every zero of a long digit string (quadratic). */
export function trimTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

/** Whether a format ends with a number placeholder ("0.00", "#,##0", "0%"): /[#0]\.?[#0]*%?$/ in one pass from the end. */
function endsWithNumberPlaceholder(format: string): boolean {
  const isDigitPlaceholder = (ch: string | undefined) => ch === '#' || ch === '0';
  let end = format.endsWith('%') ? format.length - 1 : format.length;
  if (isDigitPlaceholder(format[end - 1])) return true;
  if (format[end - 1] !== '.') return false;
  end--;
  return isDigitPlaceholder(format[end - 1]);
}

function canonical(sign: string, intPart: string, fracPart: string): string {
  const int = intPart.replace(/^0+(?=\d)/, '') || '0';
  const frac = trimTrailingZeros(fracPart);
  const body = frac ? `${int}.${frac}` : int;
  return sign === '-' && body !== '0' ? `-${body}` : body;
}

/** Shortest decimal string of a JS number, without exponent ("1e-7" → "0.0000001"). */
export function numberToDecimalString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** A parsed numeric text; shared by every caller of the same text (memoised), never to be changed. */
export type NumericText = { readonly value: string; readonly decimals: number; readonly percent: boolean };

/**
 * Parses numeric text: "23,047.39", "２３０４７．３９", "(123.45)", "-1,000", "12.5%"; null when not a number. Once per
 * distinct text; a text with no digit (ASCII or full-width: most names and headers) is no number, decided without
 * copying it.
 */
export const parseNumericText: (raw: string) => NumericText | null = memoize((raw) =>
  hasDigit(raw) ? parseNumericTextOnce(raw) : null,
);

/** An ASCII or full-width digit: after half-width folding, the only characters `\d` can match. */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

function parseNumericTextOnce(raw: string): NumericText | null {
  let text = toHalfWidth(raw)
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(/。/g, '.')
    .replace(/，/g, ',')
    .replace(/\u2212/g, '-');
  if (!text || !/\d/.test(text)) return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1);
  }
  const m = NUMERIC_TEXT.exec(text);
  if (!m) return null;
  const [, sign = '', intPart = '', fracPart = ''] = m;
  if (!intPart && !fracPart) return null;
  const frac = fracPart.slice(1);
  const value = canonical(negative ? '-' : sign, intPart.replace(/,/g, ''), frac);
  return { value, decimals: frac.length, percent };
}

const AMOUNT_PREFIX = new RegExp(rowVocabulary.amountAffixes.prefix);
const AMOUNT_SUFFIX = new RegExp(rowVocabulary.amountAffixes.suffix);

/** An amount written with its unit or currency; shared by every caller of the same text (memoised). */
export type AffixedAmount = NumericText & { readonly percent: false; readonly unit: AmountUnit | null };

/**
 * An amount written with its currency or unit in the cell ("1,234.56万元", "￥1,234.56", "-35元"): the number and the
 * unit the text names (null for a currency sign alone, which names no unit), else null. A percentage is no amount.
 * Once per distinct text, as parseNumericText.
 */
export const parseAffixedAmount: (raw: string) => AffixedAmount | null = memoize((raw) =>
  hasDigit(raw) ? parseAffixedAmountOnce(raw) : null,
);

function parseAffixedAmountOnce(raw: string): AffixedAmount | null {
  const text = toHalfWidth(raw).replace(/[\s\u00a0]/g, '');
  const suffix = AMOUNT_SUFFIX.exec(text);
  let body = suffix ? text.slice(0, suffix.index) : text;
  const prefix = AMOUNT_PREFIX.exec(body);
  if (prefix) body = body.slice(prefix[0].length);
  if (!suffix && !prefix) return null;
  const n = parseNumericText(body);
  if (!n || n.percent) return null;
  return {
    value: n.value,
    decimals: n.decimals,
    percent: false,
    unit: (suffix?.[1] as AmountUnit | undefined) ?? null,
  };
}

/** Text that reads as an amount: a number ("23,047.39") or a number with its currency or unit ("23,047.39万元"). */
export function isAmountText(text: string): boolean {
  return parseNumericText(text) !== null || parseAffixedAmount(text) !== null;
}

/** A number, or a text that reads as one ("23,047.39" stored as text, "23,047.39元"). */
export function isNumericValue(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'string' && isAmountText(v));
}

/** Reads a cell as an amount. Blank means "no value" (not zero); text that is not a number is `invalid`. */
export function parseAmount(cell: Cell | undefined): Amount {
  if (!cell) return BLANK;
  if (cell.uncalculated) return UNCALCULATED;
  const v = cell.value;
  if (v === null || v === '') return BLANK;
  if (typeof v === 'number') {
    const fmtDecimals = formatDecimals(cell.format);
    const value = numberToDecimalString(v);
    const own = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
    return {
      kind: 'number',
      value,
      decimals: fmtDecimals ?? own,
      fromText: false,
      percent: !!cell.format && cell.format.includes('%'),
    };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', text: String(v) };
  if (isCellError(v)) return { kind: 'error', text: v.error };
  const text = v.trim();
  if (!text) return BLANK;
  if (isPlaceholderText(text)) return { kind: 'placeholder', text };
  const parsed = parseNumericText(text);
  if (parsed) return { kind: 'number', ...parsed, fromText: true };
  const affixed = parseAffixedAmount(text);
  if (affixed) {
    const { unit, ...number } = affixed;
    return unit ? { kind: 'number', ...number, fromText: true, unit } : { kind: 'number', ...number, fromText: true };
  }
  return { kind: 'invalid', text };
}

const BLANK: Amount = { kind: 'blank' };
const UNCALCULATED: Amount = { kind: 'uncalculated' };
