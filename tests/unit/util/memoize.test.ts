import { memoize } from '../../../src/core/util/collections';

describe('memoize', () => {
  it('calls the function once per distinct argument, null and undefined results included', () => {
    const calls: string[] = [];
    const f = memoize((s: string) => {
      calls.push(s);
      return s === 'none' ? null : s === 'nothing' ? undefined : s.length;
    });
    expect([f('ab'), f('ab'), f('none'), f('none'), f('nothing'), f('nothing'), f('abc')]).toEqual([
      2,
      2,
      null,
      null,
      undefined,
      undefined,
      3,
    ]);
    expect(calls).toEqual(['ab', 'none', 'nothing', 'abc']);
  });

  it('forgets everything past its limit, and still answers right', () => {
    let calls = 0;
    const f = memoize((s: string) => {
      calls++;
      return s.toUpperCase();
    }, 2);
    expect([f('a'), f('b'), f('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toBe(2);
    expect(f('c')).toBe('C'); // third distinct: the memo is cleared first
    expect(calls).toBe(3);
    expect(f('a')).toBe('A');
    expect(calls).toBe(4);
  });
});
