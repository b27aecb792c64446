import { appendToUndoLog, skippedNotice, UNDO_LOG_LIMITS } from '../../../src/core/plans/preconditions';
import type { WritePlan } from '../../../src/core/plans/types';

/** Issue 12 item 2: the undo log kept in document settings is bounded; the oldest entries go, with a notice. */
const plan = (n: number, cells = 1): WritePlan => ({
  title: `标记 ${n}`,
  actions: [
    {
      kind: 'set_fill',
      sheet: '甲',
      cells: Array.from({ length: cells }, (_, i) => `A${i + 1}`),
      color: '#F4B6B6',
      previous: Array.from({ length: cells }, () => null),
    },
  ],
  skipped: [{ sheet: '甲', cell: 'B1', reason: 'changed' }],
});

describe('appendToUndoLog', () => {
  it('appends, keeping only what an undo needs (not the skipped list)', () => {
    const { log, dropped, notice } = appendToUndoLog([], plan(1));
    expect(log).toEqual([{ title: '标记 1', actions: plan(1).actions }]);
    expect([dropped, notice]).toEqual([0, null]);
  });

  it('drops the oldest plans beyond the count limit, and says how many', () => {
    let log: WritePlan[] = [];
    for (let n = 1; n <= UNDO_LOG_LIMITS.maxPlans; n++) log = appendToUndoLog(log, plan(n)).log;
    const next = appendToUndoLog(log, plan(99));
    expect(next.log).toHaveLength(UNDO_LOG_LIMITS.maxPlans);
    expect(next.log[0]?.title).toBe('标记 2');
    expect(next.log.at(-1)?.title).toBe('标记 99');
    expect(next.dropped).toBe(1);
    expect(next.notice).toBe('撤销记录已满：最早的 1 项操作已移出记录，不能再撤销');
  });

  it('drops the oldest plans beyond the size limit, however few they are', () => {
    const limits = { maxPlans: 20, maxChars: 5_000 };
    const big = plan(1, 200); // about 2,000 characters as JSON
    let log: WritePlan[] = [];
    for (let n = 1; n <= 4; n++) log = appendToUndoLog(log, { ...big, title: `大 ${n}` }, limits).log;
    const size = JSON.stringify(log).length;
    expect(size).toBeLessThanOrEqual(limits.maxChars + 10);
    expect(log.map((p) => p.title)).toEqual(['大 3', '大 4']);
  });

  it('always keeps the newest plan, even one over the limit alone', () => {
    const { log, dropped, notice } = appendToUndoLog([plan(1)], plan(2, 2000), { maxPlans: 5, maxChars: 1000 });
    expect(log.map((p) => p.title)).toEqual(['标记 2']);
    expect(dropped).toBe(1);
    expect(notice).toMatch(/最早的 1 项/);
  });
});

describe('skippedNotice', () => {
  it('counts changed and failed cells apart, and says nothing when all was written', () => {
    expect(skippedNotice(undefined)).toBeNull();
    expect(skippedNotice([])).toBeNull();
    expect(
      skippedNotice([
        { sheet: 'a', cell: 'A1', reason: 'changed' },
        { sheet: 'a', cell: 'A2', reason: 'changed' },
        { sheet: 'a', cell: 'A3', reason: 'changed' },
      ]),
    ).toBe('3 处已被修改，未覆盖');
    expect(skippedNotice([{ sheet: 'b', cell: '', reason: 'failed' }])).toBe('1 处无法写入（工作表或批注已不存在）');
  });
});
