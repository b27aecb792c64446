/**
 * Amounts of the model are integers counted in units of the displayed precision (10^-decimals of the table unit), so
 * every sum is exact: parents and totals are derived by integer addition, never by adding binary floats.
 */
export type Units = number;

/** Splits `total` units into `parts` non-negative integer parts (random, exact: they sum to `total`). */
export function partition(total: Units, parts: number, next: () => number): Units[] {
  if (parts <= 0) return [];
  if (parts === 1) return [total];
  const cuts = Array.from({ length: parts - 1 }, () => Math.floor(next() * (total + 1))).sort((a, b) => a - b);
  const out: Units[] = [];
  let prev = 0;
  for (const c of cuts) {
    out.push(c - prev);
    prev = c;
  }
  out.push(total - prev);
  return out;
}

/** The decimal text of `units` at `decimals` places ("1234.50"), built from the integer digits. */
export function unitsToText(units: Units, decimals: number): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/** With thousands separators, as exports and PDF conversions print amounts ("1,234.50"). */
export function unitsToGroupedText(units: Units, decimals: number): string {
  const text = unitsToText(units, decimals);
  const [int, frac] = text.split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** The number an Excel cell holds for this amount (the nearest double of the exact decimal text). */
export function unitsToNumber(units: Units, decimals: number): number {
  return Number(unitsToText(units, decimals));
}

/** Number format showing `decimals` places. */
export function numberFormat(decimals: number, grouped = true): string {
  const int = grouped ? '#,##0' : '0';
  return decimals === 0 ? int : `${int}.${'0'.repeat(decimals)}`;
}
