import { recogniseSheet } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { expenditureByFunction } from '../../helpers/tables';

/**
 * Amounts written with their unit or currency in the cell ("60.25万元", "￥60.25", "602,500.00元"), as some exports and
 * hand-made tables write them: read as the amounts they are, in the table's unit, or said to be unread — never
 * silently left out of every identity.
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

  it('in a larger unit than the table: not read, and the coverage says why; no error or warning', () => {
    const inYuanTable = fn.rows.map((r, i) => (i === 1 ? ['编制单位：某局', null, '单位：元'] : r));
    const rows = rewrite((n) => money(n), inYuanTable).map((r, i) =>
      i === 9 ? r.map((v, c) => (c === 2 ? '0.0006万元' : v)) : r,
    );
    const report = review(rows);
    expect(loud(rows)).toEqual([]);
    expect(report.findings.map((f) => [f.rule, f.severity, f.cells[0]])).toContainEqual([
      'format.invalid_amount',
      'info',
      'C10',
    ]);
    expect(report.coverage?.notChecked.some((n) => n.reason === 'other' && n.message.includes('万元'))).toBe(true);
  });
});
