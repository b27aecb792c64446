import { recogniseSheet } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { expenditureByFunction } from '../../helpers/tables';

/**
 * Amounts written with their unit or currency in the cell ("60.25万元", "￥60.25", "602,500.00元"), as some exports and
 * hand-made tables write them: read as the amounts they are, in the table's unit (a larger unit at the precision
 * it was written in) — never silently left out of every identity.
 */
const fn = expenditureByFunction();
const DATA_FROM = 5;
const rewrite = (write: (n: number) => GridValue, rows: GridValue[][] = fn.rows): GridValue[][] =>
  rows.map((r, i) => (i < DATA_FROM ? r : r.map((v, c) => (c >= 2 && typeof v === 'number' ? write(v) : v))));
const money = (n: number, decimals = 2) =>
  n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

const review = (rows: GridValue[][]) => reviewWorkbook(workbook(sheet(rows, { merges: fn.merges }))).report;
const loud = (rows: GridValue[][]) =>
  review(rows).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const reading = (rows: GridValue[][]) =>
  recogniseSheet(sheet(rows, { merges: fn.merges })).map((t) => ({
    unit: t.unit,
    header: t.headerRows,
    data: t.dataRows,
    columns: t.columns.map((c) => [c.col, c.role, c.label]),
  }));

const asNumbers = review(fn.rows).coverage?.identities;

describe('amounts written with their unit or currency', () => {
  it.each([
    ['the unit of the table after the number', (n: number) => `${money(n)}万元`],
    ['a currency sign before it', (n: number) => `￥${money(n)}`],
    ['both, with spaces', (n: number) => `¥ ${money(n)} 万元`],
  ])('%s: the same reading and the same identities closed as the numbers', (_name, write) => {
    const rows = rewrite(write);
    expect(reading(rows)).toEqual(reading(fn.rows));
    expect(asNumbers?.closed).toBeGreaterThan(0);
    expect(review(rows).coverage?.identities).toEqual(asNumbers);
    expect(loud(rows)).toEqual([]);
  });

  it('a table stating no unit is in the unit its amounts write', () => {
    const rows = rewrite(
      (n) => `${money(n)}万元`,
      fn.rows.map((r, i) => (i === 1 ? [r[0]] : r)),
    );
    expect(reading(rows)[0]?.unit).toBe('万元');
    expect(review(rows).coverage?.identities).toEqual(asNumbers);
  });

  it('in a smaller unit than the table: converted exactly, and a slip is still caught', () => {
    const inYuan = (n: number) => `${money(n * 10_000)}元`;
    expect(review(rewrite(inYuan)).coverage?.identities).toEqual(asNumbers);
    expect(loud(rewrite(inYuan))).toEqual([]);
    const slipped = rewrite(inYuan).map((r, i) => (i === 8 ? r.map((v, c) => (c === 2 ? '542,600.00元' : v)) : r));
    expect(loud(slipped).map((f) => [f.rule, f.cells[0]])).toContainEqual(['sum.hierarchy', 'C8']);
  });

  describe('in a larger unit than the table (6万元 in a table in 元)', () => {
    const inYuanTable = fn.rows.map((r, i) => (i === 1 ? ['编制单位：某局', null, '单位：元'] : r));
    const yuan = rewrite((n) => money(n * 10_000), inYuanTable);
    const at = (rows: GridValue[][], row: number, col: number, v: GridValue) =>
      rows.map((r, i) => (i === row ? r.map((x, c) => (c === col ? v : x)) : r));
    const wan = at(yuan, 9, 2, '6万元');

    it('converted exactly: the same identities closed as the numbers, said so as a note at its cell', () => {
      const report = review(wan);
      expect(report.coverage?.identities).toEqual(review(yuan).coverage?.identities);
      expect(loud(wan)).toEqual([]);
      const note = report.findings.find((f) => f.rule === 'format.invalid_amount' && f.cells[0] === 'C10');
      expect(note?.severity).toBe('info');
      expect(note?.message).toContain('60,000');
      expect(report.coverage?.notChecked.some((n) => n.message.includes('万元'))).toBe(false);
    });

    it('every amount in 万元: the same identities, and a slip is reported in whole 元', () => {
      const allWan = rewrite((n) => `${n}万元`, inYuanTable);
      expect(review(allWan).coverage?.identities).toEqual(review(yuan).coverage?.identities);
      expect(loud(allWan)).toEqual([]);
      const slipped = at(allWan, 9, 2, '9万元');
      const found = loud(slipped).find((f) => f.rule === 'sum.hierarchy' && f.cells[0] === 'C10');
      expect(found?.message).toContain('90,000 ≠ 下级合计 60,000（差 +30,000）');
    });

    it('checked within the precision written: 6万元 over 60,300.00元 is rounding, 7万元 over 60,000.00元 an error', () => {
      // 20899 written 6万元 (C and E), its one 项 2089999 at 60,300.00元 (C and E).
      const within = [2, 4].reduce((rows, c) => at(at(rows, 9, c, '6万元'), 10, c, '60,300.00'), yuan);
      expect(loud(within)).toEqual([]);
      expect(review(within).findings.map((f) => [f.rule, f.severity, f.cells[0]])).toContainEqual([
        'sum.hierarchy',
        'info',
        'C10',
      ]);
      const slipped = at(yuan, 9, 2, '7万元');
      expect(loud(slipped).map((f) => [f.rule, f.cells[0]])).toContainEqual(['sum.hierarchy', 'C10']);
    });
  });
});
