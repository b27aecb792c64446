import { pushAll } from '../../../src/core/util/collections';

describe('pushAll', () => {
  it('appends more values than a spread call can take (a 1M-cell table has ~150k row codes)', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => i);
    // The spread form is what crashed mapRows on a 1M-cell workbook.
    expect(() => [].push(...(values as never[]))).toThrow(RangeError);
    const out = pushAll([-1], values);
    expect(out.length).toBe(500_001);
    expect(out[0]).toBe(-1);
    expect(out[500_000]).toBe(499_999);
  });

  it('takes any iterable', () => {
    expect(pushAll([1], new Set([2, 3]).values())).toEqual([1, 2, 3]);
  });
});
