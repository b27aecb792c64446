import Decimal from 'decimal.js';
import type { AmountUnit } from '../recognition/metadata';
import { cellAddress } from '../snapshot/address';
import type { SheetSnapshot } from '../snapshot/types';
import { parseAmount } from '../text/amount';

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
  readonly blank: boolean;
}

/** What a cell holds for the checks: a term, nothing to add ("**", "—"), or a value that is not a number. */
export type Reading = { kind: 'term'; term: Term } | { kind: 'skip' } | { kind: 'invalid'; text: string };

export const UNIT_FACTOR: Record<AmountUnit, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/**
 * Reads a cell. `tableDecimals` is the precision of the table's amounts: a General-format 13466 among 670.97s is
 * 13466.00 exactly, not a number rounded to whole units.
 */
export function readCell(sheet: SheetSnapshot, row: number, col: number, tableDecimals = 2): Reading {
  const cell = sheet.rows[row]?.[col];
  const a = parseAmount(cell);
  switch (a.kind) {
    case 'blank':
      return { kind: 'term', term: { row, col, value: new Decimal(0), decimals: tableDecimals, blank: true } };
    case 'number': {
      if (a.percent) return { kind: 'skip' };
      const decimals = cell?.format || a.fromText ? a.decimals : Math.max(a.decimals, tableDecimals);
      const value = new Decimal(a.value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
      return { kind: 'term', term: { row, col, value, decimals, blank: false } };
    }
    case 'placeholder':
      return { kind: 'skip' };
    case 'error':
    case 'invalid':
      return { kind: 'invalid', text: a.text };
  }
}

export const halfUnit = (decimals: number): Decimal => new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)));

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
export function compareSum(
  actual: Term,
  parts: readonly { term: Term; factor?: Decimal.Value }[],
  actualFactor: Decimal.Value = 1,
): Comparison {
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

/** 54.25 → "54.25", at a fixed number of decimals, with thousands separators as finance staff write them. */
export function formatAmount(value: Decimal, decimals: number): string {
  const fixed = value.toFixed(decimals);
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
    expected: c.expected.toFixed(c.decimals),
    actual: c.actual.toFixed(c.decimals),
    difference: c.difference.toFixed(c.decimals),
  };
}

export const addressOf = (t: { row: number; col: number }): string => cellAddress(t.row, t.col);
