import Decimal from 'decimal.js';
import { qualitativeShare } from './framework';
import type { IndicatorValue } from './indicator-value';

/**
 * Completion of an indicator, respecting its operator: for "≥ / > / =" targets actual ÷ target; for "≤ / <" targets met
 * means at or under, and beyond it the ratio is inverted (11.95% against ≤10% is 83.7% complete, not 119.5%); for a
 * range, inside is complete. Qualitative actuals earn their band's share. Null when the two cannot be compared.
 */
export function completionRatio(target: IndicatorValue, actual: IndicatorValue): number | null {
  // Without a target there is nothing to complete: no score at all, never full marks for a qualitative "达到预期".
  if (target.kind === 'empty') return null;
  if (actual.kind === 'qualitative') return qualitativeShare(actual.text);
  if (actual.kind !== 'numeric') return null;
  const a = new Decimal(actual.value);
  if (target.kind === 'range') {
    const low = new Decimal(target.low);
    const high = new Decimal(target.high);
    if (a.gte(low) && a.lte(high)) return 1;
    return a.lt(low) ? (low.isZero() ? null : a.div(low).toNumber()) : a.isZero() ? null : high.div(a).toNumber();
  }
  if (target.kind !== 'numeric') return target.kind === 'qualitative' ? null : null;
  const t = new Decimal(target.value);
  if (target.operator === '<=' || target.operator === '<') {
    if (a.lte(t)) return 1;
    return a.isZero() ? null : t.div(a).toNumber();
  }
  if (t.isZero()) return a.gte(t) ? 1 : 0;
  return a.div(t).toNumber();
}

/** Points earned: full when met, proportional when partly met, never more than the indicator's 分值. */
export function scoreFor(weight: number, ratio: number): number {
  return new Decimal(weight)
    .times(Math.max(0, Math.min(1, ratio)))
    .toDecimalPlaces(2)
    .toNumber();
}

/** 执行率 = 全年执行数 ÷ 全年预算数. */
export function executionRate(budget: number, spent: number): number | null {
  return budget === 0 ? null : new Decimal(spent).div(budget).toNumber();
}

/** A ratio as a form states it, as a fraction: "90.00%" and 0.9 are 0.9; 90 written without a percent sign is 90%. */
export function statedRatio(v: number): number {
  return v > 2 ? v / 100 : v;
}
