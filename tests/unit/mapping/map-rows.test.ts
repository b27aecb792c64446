import { reviewWorkbook } from '../../../src/core/review';
import { applyPlanToSnapshot } from '../../../src/core/plans/apply-to-snapshot';
import { planFillCodes } from '../../../src/core/plans/fill-codes';
import { invertPlan } from '../../../src/core/plans/types';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { readWorkbookFile } from '../../../src/adapters/xlsx/read-file';

const inferred = (wb: ReturnType<typeof workbook>) =>
  reviewWorkbook(wb)
    .mapping.filter((m) => m.source === 'inferred')
    .map((m) => [m.row + 1, m.code]);

const basicByName = (names: string[]) =>
  sheet(
    [
      ['2021年一般公共预算基本支出经济分类情况表', null],
      ['经济科目代码', '金额'],
      ['合计', 10],
      ...names.map((n): GridValue[] => [n, 1]),
    ],
    { name: '基本支出', merges: ['A1:B1'] },
  );

describe('mapping rows by name', () => {
  it('maps a name-only economic table, using the hierarchy above each line', () => {
    const wb = workbook(
      basicByName([
        '工资福利支出',
        '基本工资',
        '城镇职工基本医疗保险缴费',
        '商品和服务支出',
        '维修(护)费',
        '对个人和家庭的补助',
        '生活补助',
      ]),
    );
    expect(inferred(wb)).toEqual([
      [4, '301'],
      [5, '30101'],
      [6, '30110'],
      [7, '302'],
      [8, '30213'],
      [9, '303'],
      [10, '30305'],
    ]);
  });

  it('resolves 其他支出 by its place, and leaves a name it cannot place unmapped', () => {
    expect(inferred(workbook(basicByName(['对社会保障基金补助', '其他支出'])))).toEqual([
      [4, '313'],
      [5, '399'],
    ]);
    // Under 399 itself, "其他支出" could be the 类 again or its 款 39999: not guessed.
    expect(inferred(workbook(basicByName(['其他支出', '赠与', '其他支出'])))).toEqual([
      [4, '399'],
      [5, '39906'],
    ]);
  });

  it('takes a 项 right below a 款 of the same name', () => {
    const s = sheet(
      [
        ['2021年一般公共预算支出表', null],
        ['科目名称', '合计'],
        ['社会保障和就业支出', 6],
        ['其他社会保障和就业支出', 6],
        ['其他社会保障和就业支出', 6],
      ],
      { merges: ['A1:B1'] },
    );
    expect(inferred(workbook(s))).toEqual([
      [3, '208'],
      [4, '20899'],
      [5, '2089999'],
    ]);
  });

  it('maps the class lines of a 收支总表 to 类 codes', () => {
    const s = sheet(
      [
        ['2021年部门收支总表', null, null, null],
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算拨款收入', 10, '八、社会保障和就业支出', 4],
        [null, null, '（十）卫生健康支出', 6],
        [null, null, '二十、住房保障支出', null],
      ],
      { merges: ['A1:D1', 'A2:B2', 'C2:D2'] },
    );
    const rows = reviewWorkbook(workbook(s)).report.rows;
    expect(rows.map((r) => [r.row, r.column, r.code, r.source])).toEqual([
      [4, 'C', '208', 'inferred'],
      [5, 'C', '210', 'inferred'],
      [6, 'C', '221', 'inferred'],
    ]);
    expect(rows[0]?.confidence).toBeGreaterThan(0.8);
  });
});

describe('fill codes plan', () => {
  it('writes inferred codes into a new column beside the table, and undoes exactly', () => {
    const wb = workbook(basicByName(['工资福利支出', '基本工资']));
    const review = reviewWorkbook(wb);
    const plan = planFillCodes(wb, review.workbook, review.mapping);
    expect(plan.actions.map((a) => (a.kind === 'set_values' ? [a.at, a.values[0]?.[0]] : a.kind))).toEqual([
      ['C2', '科目编码（推断）'],
      ['C4', '301'],
      ['C5', '30101'],
    ]);
    const filled = applyPlanToSnapshot(wb, plan);
    const again = reviewWorkbook(filled);
    expect(again.mapping.filter((m) => m.source === 'cell').map((m) => m.code)).toEqual(['301', '30101']);
    expect(applyPlanToSnapshot(filled, invertPlan(plan)).sheets[0]?.rows).toEqual(
      wb.sheets[0]?.rows.map((r) => r?.map((c) => c)),
    );
  });

  it('fills empty cells of an existing code column and never overwrites a value', () => {
    const s = sheet(
      [
        ['2021年一般公共预算基本支出表', null, null],
        ['科目编码', '科目名称', '金额'],
        [null, '工资福利支出', 2],
        ['30101', '基本工资', 1],
        [null, '津贴补贴', 1],
      ],
      { merges: ['A1:C1'] },
    );
    const review = reviewWorkbook(workbook(s));
    const plan = planFillCodes(workbook(s), review.workbook, review.mapping);
    expect(
      plan.actions.map((a) => (a.kind === 'set_values' ? [a.at, a.values[0]?.[0], a.previous[0]?.[0]] : a.kind)),
    ).toEqual([
      ['A3', '301', null],
      ['A5', '30102', null],
    ]);
  });

  it('never writes into a vertically merged code column: its followers look empty but show the master (issue 12)', () => {
    const s = sheet(
      [
        ['2021年一般公共预算基本支出表', null, null],
        ['科目编码', '科目名称', '金额'],
        ['301', '工资福利支出', 2],
        [null, '基本工资', 1],
        [null, '津贴补贴', 1],
      ],
      { merges: ['A1:C1', 'A3:A5'] },
    );
    const review = reviewWorkbook(workbook(s));
    const plan = planFillCodes(workbook(s), review.workbook, review.mapping);
    const targets = plan.actions.map((a) => (a.kind === 'set_values' ? a.at : a.kind));
    expect(targets.some((at) => /^A\d/.test(at))).toBe(false);
    expect(targets).toEqual(['D2', 'D4', 'D5']);
  });

  it('adds no code column to a two-sided 收支总表 (its official form has none), and names the tables it left', async () => {
    // The bundled 灵寿 sample: 收支总表 and 财政拨款收支总表 list 类 by name only, two sides each.
    const snap = await readWorkbookFile('assets/samples/sample-budget.xlsx');
    const review = reviewWorkbook(snap);
    const plan = planFillCodes(snap, review.workbook, review.mapping);
    const sheets = new Set(plan.actions.map((a) => a.sheet));
    expect(sheets.has('收支总表')).toBe(false);
    expect(sheets.has('财政拨款收支总表')).toBe(false);
    expect(plan.withoutCodeColumn).toEqual(['收支总表', '财政拨款收支总表']);
  });
});
