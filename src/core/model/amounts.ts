import Decimal from 'decimal.js';
import type { AmountUnit } from '../recognition/metadata';
import { cellAddress } from '../snapshot/address';
import type { SheetSnapshot } from '../snapshot/types';
import { formatDecimals, parseAmount } from '../text/amount';

/**
 * Amounts as the checks see them: exact decimals at the precision the cell displays, in a known unit, with blank kept
 * apart from zero. The tolerance model: each displayed term carries ±half a unit of its last displayed digit, so a
 * total of n terms may differ from their sum by the total's half-unit plus the terms' half-units before the difference
 * means anything ("可能为取整误差").
 */
export interface Term {
  readonly row: number;
  readonly col: number;
  /** The cell's displayed value (rounded to its displayed decimals); zero for a blank cell. */
  readonly value: Decimal;
  readonly decimals: number;
  /** value × 10^decimals when that is a safe integer (exact), else null. */
  readonly scaled: number | null;
  readonly blank: boolean;
}

/** A term whose Decimal is built only when a report or an inexact sum needs it (most sums close exactly). */
class LazyTerm implements Term {
  /** A term is its own Reading ({ kind: 'term', term }), so reading a cell allocates one object, not two. */
  readonly kind = 'term' as const;
  private decimal: Decimal | null = null;
  constructor(
    readonly row: number,
    readonly col: number,
    /** Canonical decimal text, or null when `scaled` alone says it. */
    private readonly text: string | null,
    readonly decimals: number,
    readonly scaled: number | null,
    readonly blank: boolean,
  ) {}
  get term(): Term {
    return this;
  }
  get value(): Decimal {
    return (this.decimal ??=
      this.text !== null
        ? new Decimal(this.text)
        : new Decimal(this.scaled as number).div(POW10[this.decimals] as number));
  }
}

/** "23047.39" at 2 decimals → 2304739, when exact and safe; else null. */
function scaledOf(text: string, decimals: number): number | null {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [int = '0', frac = ''] = body.split('.');
  if (frac.length > decimals) return null;
  const digits = int + frac.padEnd(decimals, '0');
  if (digits.length > 15) return null;
  const n = Number(digits);
  return negative ? -n : n;
}

/** What a cell holds for the checks: a term, nothing to add ("**", "—"), or a value that is not a number. */
export type Reading =
  | { readonly kind: 'term'; readonly term: Term }
  | { readonly kind: 'skip' }
  | { readonly kind: 'invalid'; readonly text: string; readonly uncalculated?: true };

const ZERO = new Decimal(0);
const SKIP: Reading = { kind: 'skip' };
const UNCALCULATED_READING: Reading = { kind: 'invalid', text: '', uncalculated: true };
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

export const UNIT_FACTOR: Record<AmountUnit, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/** Decimal places between two units: 元 → 万元 is 4. */
const UNIT_DIGITS: Record<AmountUnit, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/**
 * A number written in a larger unit than its table's ("1.2万元" in a table in 元), converted: a term of the table's unit
 * whose rounding allowance is the written one (±0.05万元 = ±500元, so `decimals` may be negative: -3 there).
 */
export class ConvertedTerm extends LazyTerm {
  constructor(
    row: number,
    col: number,
    text: string,
    decimals: number,
    scaled: number | null,
    /** The cell's text as written, and the unit it names. */
    readonly written: string,
    readonly writtenUnit: AmountUnit,
  ) {
    super(row, col, text, decimals, scaled, false);
  }
}

/**
 * A number the cell writes with its own unit, in the table's unit, converted exactly (decimal.js) with each written
 * digit kept: 1,234.56元 in a table in 万元 is 0.123456, displayed to its sixth decimal, so its rounding allowance stays
 * half a 分; 1.2万元 in a table in 元 is 12000 with the allowance of its last written digit, half a 千元 (ConvertedTerm).
 */
function inTableUnit(
  at: { row: number; col: number; written: string },
  amount: { value: string; decimals: number; unit: AmountUnit },
  tableUnit: AmountUnit,
): Reading {
  const shift = UNIT_DIGITS[tableUnit] - UNIT_DIGITS[amount.unit];
  const d = amount.decimals + shift;
  const value = new Decimal(amount.value).times(new Decimal(10).pow(-shift));
  const text = value.toFixed(Math.max(d, 0));
  if (shift >= 0) return new LazyTerm(at.row, at.col, text, d, scaledOf(text, d), false);
  const scaled = value.times(new Decimal(10).pow(d));
  const safe = scaled.isInteger() && scaled.abs().lte(Number.MAX_SAFE_INTEGER) ? scaled.toNumber() : null;
  return new ConvertedTerm(at.row, at.col, text, d, safe, at.written, amount.unit);
}

/**
 * Reads a cell. `tableDecimals` is the precision of the table's amounts: a General-format 13466 among 670.97s is
 * 13466.00 exactly, not a number rounded to whole units. `tableUnit` is the unit of the table's amounts: a cell that
 * writes another unit with its number is read in the table's.
 */
export function readCell(
  sheet: SheetSnapshot,
  row: number,
  col: number,
  tableDecimals = 2,
  tableUnit: AmountUnit | null = null,
): Reading {
  const cell = sheet.rows[row]?.[col];
  // Fast path: a formatted number is its value rounded to the format's decimals — exact unless it sits on a tie.
  if (cell && typeof cell.value === 'number' && cell.format && !cell.format.includes('%')) {
    const d = formatDecimals(cell.format);
    if (d !== null && d <= 8) {
      const x = cell.value * (POW10[d] as number);
      const r = Math.round(x);
      if (Number.isSafeInteger(r) && Math.abs(x - r) < 1e-6) return new LazyTerm(row, col, null, d, r, false);
    }
  }
  const a = parseAmount(cell);
  switch (a.kind) {
    case 'blank':
      return new LazyTerm(row, col, '0', tableDecimals, 0, true);
    case 'number': {
      if (a.percent) return SKIP;
      if (a.unit && tableUnit && a.unit !== tableUnit)
        return inTableUnit({ row, col, written: String(cell?.value ?? '').trim() }, { ...a, unit: a.unit }, tableUnit);
      const decimals = cell?.format || a.fromText ? a.decimals : Math.max(a.decimals, tableDecimals);
      const dot = a.value.indexOf('.');
      const written = dot < 0 ? 0 : a.value.length - dot - 1;
      // A value written with more digits than it shows (3284.2900000000004) is compared as displayed.
      const text =
        written > decimals ? new Decimal(a.value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toString() : a.value;
      return new LazyTerm(row, col, text, decimals, scaledOf(text, decimals), false);
    }
    case 'placeholder':
      return SKIP;
    case 'error':
    case 'invalid':
      return { kind: 'invalid', text: a.text };
    case 'uncalculated':
      // Unknown, not blank: the sums touching it are not checked (format.uncalculated_formula says so once per table).
      return UNCALCULATED_READING;
  }
}

const HALF_UNITS: Decimal[] = [];

/** Half a unit of the last displayed digit: 0.005 at two decimals. */
export function halfUnit(decimals: number): Decimal {
  return (HALF_UNITS[decimals] ??= new Decimal(5).times(new Decimal(10).pow(-(decimals + 1))));
}

export interface Comparison {
  readonly expected: Decimal;
  readonly actual: Decimal;
  readonly difference: Decimal;
  readonly envelope: Decimal;
  /** ok: equal; rounding: within the envelope; mismatch: beyond it. */
  readonly verdict: 'ok' | 'rounding' | 'mismatch';
  readonly decimals: number;
}

/**
 * Compares `actual` with the sum of `parts` (each optionally scaled, e.g. by a unit factor or a sign). The envelope
 * adds every term's half-unit, scaled the same way.
 */
/**
 * Exact check on safe integers: the terms scaled to a common number of decimals, plus one digit for the half-units.
 * Returns null when a value or factor does not fit (decimal.js then decides), else whether the sum closes exactly.
 */
function closesExactly(
  actual: Term,
  parts: readonly { term: Term; factor?: Decimal.Value }[],
  actualFactor: Decimal.Value,
): boolean | null {
  if (actualFactor !== 1 || actual.scaled === null) return null;
  let scale = actual.decimals;
  for (const p of parts) {
    if (p.term.scaled === null || (p.factor !== undefined && p.factor !== 1 && p.factor !== -1)) return null;
    if (p.term.decimals > scale) scale = p.term.decimals;
  }
  if (scale > 8) return null;
  let sum = 0;
  for (const p of parts)
    sum += (p.term.scaled as number) * (POW10[scale - p.term.decimals] as number) * (p.factor === -1 ? -1 : 1);
  const a = actual.scaled * (POW10[scale - actual.decimals] as number);
  if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(a)) return null;
  return a === sum;
}

const EXACT: Omit<Comparison, 'decimals'> = {
  expected: ZERO,
  actual: ZERO,
  difference: ZERO,
  envelope: ZERO,
  verdict: 'ok',
};

/** compareSum for plain terms (no factors), without allocating when the sum closes. */
export function compareTerms(actual: Term, parts: readonly Term[]): Comparison {
  if (actual.scaled !== null) {
    let scale = actual.decimals;
    let exact = true;
    for (const t of parts) {
      if (t.scaled === null) exact = false;
      else if (t.decimals > scale) scale = t.decimals;
    }
    if (exact && scale <= 8) {
      let sum = 0;
      for (const t of parts) sum += (t.scaled as number) * (POW10[scale - t.decimals] as number);
      const a = actual.scaled * (POW10[scale - actual.decimals] as number);
      if (Number.isSafeInteger(sum) && Number.isSafeInteger(a) && a === sum) return { ...EXACT, decimals: scale };
    }
  }
  return compareSum(
    actual,
    parts.map((term) => ({ term })),
  );
}

export function compareSum(
  actual: Term,
  parts: readonly { term: Term; factor?: Decimal.Value }[],
  actualFactor: Decimal.Value = 1,
): Comparison {
  // Most sums close: settle those on exact integers; anything else goes through decimal.js for its report.
  if (closesExactly(actual, parts, actualFactor) === true) return { ...EXACT, decimals: actual.decimals };
  let expected = new Decimal(0);
  let envelope = halfUnit(actual.decimals).times(new Decimal(actualFactor).abs());
  let decimals = actual.decimals;
  for (const p of parts) {
    const f = new Decimal(p.factor ?? 1);
    expected = expected.plus(p.term.value.times(f));
    envelope = envelope.plus(halfUnit(p.term.decimals).times(f.abs()));
    decimals = Math.max(decimals, p.term.decimals);
  }
  const a = actual.value.times(actualFactor);
  const difference = a.minus(expected);
  const verdict = difference.isZero() ? 'ok' : difference.abs().lte(envelope) ? 'rounding' : 'mismatch';
  return { expected, actual: a, difference, envelope, verdict, decimals };
}

/**
 * 54.25 → "54.25", at a fixed number of decimals, with thousands separators as finance staff write them. A precision
 * coarser than whole units (a converted 1.2万元: decimals -3) is shown in whole units.
 */
export function formatAmount(value: Decimal, decimals: number): string {
  const fixed = value.toFixed(Math.max(decimals, 0));
  const [int = '0', frac] = fixed.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value.isNegative() && !value.isZero() ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** "（差 -0.10）" with an explicit sign. */
export function formatDifference(d: Decimal, decimals: number): string {
  return `${d.isPositive() && !d.isZero() ? '+' : ''}${formatAmount(d, decimals)}`;
}

/** Report fields for a comparison (plain decimal strings, at the compared precision). */
export function comparisonFields(c: Comparison): { expected: string; actual: string; difference: string } {
  return {
    expected: c.expected.toFixed(Math.max(c.decimals, 0)),
    actual: c.actual.toFixed(Math.max(c.decimals, 0)),
    difference: c.difference.toFixed(Math.max(c.decimals, 0)),
  };
}

export const addressOf = (t: { row: number; col: number }): string => cellAddress(t.row, t.col);
