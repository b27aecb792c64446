import fc from 'fast-check';
import { buildPlacement } from '../../../src/core/model/placement';
import type { RecognisedTable } from '../../../src/core/recognition/model';
import { countAtMost } from '../../../src/core/util/collections';

/** Only the fields placement reads: id, sheet and range. */
const table = (id: string, sheet: string, top: number, left: number, bottom: number, right: number) =>
  ({ id, sheet, range: { top, left, bottom, right } }) as unknown as RecognisedTable;

const tablesArb = fc
  .array(
    fc.tuple(
      fc.constantFrom('A', 'B'),
      fc.nat({ max: 40 }),
      fc.nat({ max: 10 }),
      fc.nat({ max: 8 }),
      fc.nat({ max: 5 }),
    ),
    { maxLength: 12 },
  )
  .map((specs) => specs.map(([sheet, top, left, h, w], i) => table(`t${i}`, sheet, top, left, top + h, left + w)));

describe('buildPlacement', () => {
  it('answers what a scan of every table answers, for any tables and cell', () => {
    fc.assert(
      fc.property(
        tablesArb,
        fc.constantFrom('A', 'B', 'C'),
        fc.nat({ max: 50 }),
        fc.nat({ max: 16 }),
        (tables, sheet, row, col) => {
          const placement = buildPlacement(tables);
          const onSheet = tables.filter((t) => t.sheet === sheet);
          const inRow = onSheet.filter((t) => t.range.top <= row && row <= t.range.bottom);
          expect(placement.on(sheet)).toEqual(onSheet);
          expect(placement.atRow(sheet, row)).toEqual(inRow);
          expect(placement.at(sheet, row, col)).toEqual(
            inRow.filter((t) => t.range.left <= col && col <= t.range.right),
          );
          for (const t of tables) expect(placement.byId(t.id)).toBe(t);
          expect(placement.byId('none')).toBeUndefined();
        },
      ),
    );
  });

  it('holds side-by-side tables on the same rows, left one first', () => {
    const left = table('l', 'S', 2, 0, 10, 3);
    const right = table('r', 'S', 2, 5, 8, 9);
    const placement = buildPlacement([left, right]);
    expect(placement.atRow('S', 5)).toEqual([left, right]);
    expect(placement.at('S', 5, 4)).toEqual([]);
    expect(placement.at('S', 9, 6)).toEqual([]);
    expect(placement.at('S', 9, 1)).toEqual([left]);
  });
});

describe('countAtMost', () => {
  it('counts the sorted numbers at most the value, as a filter does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (values, v) => {
        const sorted = [...values].sort((a, b) => a - b);
        expect(countAtMost(sorted, v)).toBe(sorted.filter((x) => x <= v).length);
      }),
    );
  });
});
