import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { expenditureByFunction } from '../../helpers/tables';

/**
 * Codes written with their level words — 类208 / 款05 / 项01 in split columns, 05款 after the digits, 类208 / 款20805 /
 * 项2080505 in one code column: the same full codes as the digits alone, and the same identities (a 合计 that adds
 * only the 类 lines, not every level).
 */
const split = {
  rows: [
    ['2025年部门收入预算总表'],
    ['编制部门：某区人民政府办公室', null, null, null, null, null, '单位：元'],
    ['项目', null, null, null, '收入预算', null, null],
    ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '财政拨款收入', '事业收入'],
    ['类', '款', '项', null, null, null, null],
    ['201', null, null, '一般公共服务支出', 120, 100, 20],
    ['201', '03', null, '政府办公厅（室）及相关机构事务', 120, 100, 20],
    ['201', '03', '01', '行政运行', 120, 100, 20],
    ['208', null, null, '社会保障和就业支出', 30, 30, null],
    ['208', '05', null, '行政事业单位养老支出', 30, 30, null],
    ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 30, 30, null],
    [null, null, null, '合计', 150, 130, 20],
  ] as GridValue[][],
  merges: ['A1:G1', 'A3:D3', 'E3:G3', 'A4:C4', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5'],
};
const fn = expenditureByFunction();

const worded = (rows: GridValue[][], word: (v: string, col: number) => string, from: number, cols: number[]) =>
  rows.map((r, i) =>
    i < from ? r : r.map((v, c) => (cols.includes(c) && v !== null && v !== undefined ? word(String(v), c) : v)),
  );
const LEVEL = ['类', '款', '项'];
const byLength = (v: string) => (v.length === 3 ? '类' : v.length === 5 ? '款' : '项');

const outcome = (rows: GridValue[][], merges: string[]) => {
  const { report } = reviewWorkbook(workbook(sheet(rows, { merges })));
  return {
    codes: report.rows.map((r) => [r.row, r.code, r.source]),
    identities: report.coverage?.identities,
    loud: report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message),
  };
};

describe('codes written with their level words', () => {
  const bareSplit = outcome(split.rows, split.merges);
  const bareFull = outcome(fn.rows, fn.merges);

  it('the plain tables read their codes and close their identities', () => {
    expect(bareSplit.codes).toContainEqual([11, '2080505', 'cell']);
    expect(bareSplit.identities?.closed).toBeGreaterThan(0);
    expect(bareFull.codes).toContainEqual([9, '2080505', 'cell']);
  });

  it.each([
    ['before the digits in split 类/款/项 columns (类208 | 款05 | 项05)', (v: string, c: number) => `${LEVEL[c]}${v}`],
    ['after them (208类 | 05款 | 05项)', (v: string, c: number) => `${v}${LEVEL[c]}`],
    ['only on the parts (208 | 款05 | 项05)', (v: string, c: number) => (c === 0 ? v : `${LEVEL[c]}${v}`)],
  ])('%s', (_name, word) => {
    expect(outcome(worded(split.rows, word, 5, [0, 1, 2]), split.merges)).toEqual(bareSplit);
  });

  it.each([
    ['a dot after every part (201. | 03. | 01.)', (v: string) => `${v}.`],
    ['a dot after the 类 alone (201. | 03 | 01)', (v: string, c: number) => (c === 0 ? `${v}.` : v)],
    [
      'an enumeration comma or a spaced dot (201、 | 03 . | 01)',
      (v: string, c: number) => (c === 0 ? `${v}、` : c === 1 ? `${v} .` : v),
    ],
  ])('with a separator left after the digits: %s', (_name, word) => {
    expect(outcome(worded(split.rows, word, 5, [0, 1, 2]), split.merges)).toEqual(bareSplit);
  });

  it('before full codes in one code column (类208, 款20805, 项2080505)', () => {
    expect(
      outcome(
        worded(fn.rows, (v) => `${byLength(v)}${v}`, 5, [0]),
        fn.merges,
      ),
    ).toEqual(bareFull);
  });

  it('a level word that contradicts its digits is not read away: 项208 is no code written in the cell', () => {
    const rows = worded(fn.rows, (v) => (v === '208' ? `项${v}` : v), 5, [0]);
    expect(outcome(rows, fn.merges).codes).not.toContainEqual([7, '208', 'cell']);
  });
});
