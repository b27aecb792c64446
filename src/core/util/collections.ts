/** Appends `value` to the list kept under `key` (linear in total, unlike copying the list on every append). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups values by a key, keeping their order. */
export function groupBy<K, V>(values: Iterable<V>, keyOf: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const v of values) pushTo(out, keyOf(v), v);
  return out;
}

/** Smallest of the numbers (a loop: spreading a 100k-row list into Math.min overflows the stack). */
export function minOf(values: Iterable<number>): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

export function maxOf(values: Iterable<number>): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** How many of the ascending numbers are ≤ `value` (a binary search): the index of the first one above it. */
export function countAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Appends every value to `out` (a loop: `out.push(...values)` overflows the stack past ~100k values). */
export function pushAll<V>(out: V[], values: Iterable<V>): V[] {
  for (const v of values) out.push(v);
  return out;
}

/**
 * `fn` remembered per distinct string argument: names, headers and notes recur on every sheet and in every workbook of
 * a batch. Bounded: past `limit` distinct arguments everything is forgotten at once, so a workbook of unique strings
 * cannot grow it without limit. For pure functions only: what it returns is shared by every caller, never to be changed.
 */
export function memoize<R>(fn: (key: string) => R, limit = 50_000): (key: string) => R {
  const memo = new Map<string, R>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      if (memo.size >= limit) memo.clear();
      value = fn(key);
      memo.set(key, value);
    }
    return value as R;
  };
}
