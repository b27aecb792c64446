import { balanceCarryover, carryoverIdentity } from '../../../src/core/rules/balance/carryover';
import { reviewWorkbook } from '../../../src/core/review';
import { buildTableView } from '../../../src/core/model/tables';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { testRule } from '../../helpers/rule-tester';

const m = (value: number) => ({ value, format: '#,##0.00' });

type Line = [string | null, string, number, number, number, number, number, number];

/** 财政拨款收入支出决算表 by function class: 年初 | 本年收入 | 本年支出 (小计 基本 项目) | 年末. */
function fiscalFinal(edit: (lines: Line[]) => void = () => undefined, extraGroup?: string) {
  const lines: Line[] = [
    [null, '合计', 100, 1050, 1030, 700, 330, 120],
    ['208', '社会保障和就业支出', 0, 120, 120, 120, 0, 0],
    ['20805', '行政事业单位养老支出', 0, 120, 120, 120, 0, 0],
    ['2080505', '机关事业单位基本养老保险缴费支出', 0, 120, 120, 120, 0, 0],
    ['210', '卫生健康支出', 100, 870, 850, 520, 330, 120],
    ['21001', '卫生健康管理事务', 100, 870, 850, 520, 330, 120],
    ['2100101', '行政运行', 20, 520, 520, 520, 0, 20],
    ['2100199', '其他卫生健康管理事务支出', 80, 350, 330, 0, 330, 100],
    ['221', '住房保障支出', 0, 60, 60, 60, 0, 0],
    ['22102', '住房改革支出', 0, 60, 60, 60, 0, 0],
    ['2210201', '住房公积金', 0, 60, 60, 60, 0, 0],
  ];
  edit(lines);
  const extra = extraGroup ? [extraGroup] : [];
  const rows: GridValue[][] = [
    ['2023年度财政拨款收入支出决算表', null, null, null, null, null, null, null, ...extra.map(() => null)],
    ['部门：某某市卫生健康委员会', null, null, null, null, null, null, '金额单位：万元', ...extra.map(() => null)],
    [
      '项目',
      null,
      '年初财政拨款结转和结余',
      '本年财政拨款收入',
      '本年财政拨款支出',
      null,
      null,
      '年末财政拨款结转和结余',
      ...extra,
    ],
    ['支出功能分类科目编码', '科目名称', null, null, '小计', '基本支出', '项目支出', null, ...extra.map(() => null)],
    ['栏次', null, '1', '2', '3', '4', '5', '6', ...extra.map(() => '7')],
    ...lines.map((l) => [l[0], l[1], ...l.slice(2).map((v) => m(v as number)), ...extra.map(() => m(0))]),
  ];
  const merges = ['A3:B3', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4', ...(extraGroup ? ['I3:I4'] : [])];
  return workbook(sheet(rows, { name: '财政拨款收入支出决算表', merges }));
}

testRule(balanceCarryover, {
  valid: [
    { name: 'a consistent 决算 table', workbook: fiscalFinal() },
    {
      name: 'a slip everywhere in 本年支出 but also in 年末 (the identity still closes)',
      workbook: fiscalFinal((l) => {
        for (const i of [0, 4, 5, 6]) {
          (l[i] as Line)[4] += 5;
          (l[i] as Line)[5] += 5;
          (l[i] as Line)[7] -= 5;
        }
      }),
    },
    {
      name: 'an unknown column group: the identity is not known, so nothing is checked',
      workbook: fiscalFinal((l) => ((l[6] as Line)[7] = 25), '其他调整'),
    },
  ],
  invalid: [
    {
      name: 'a 年末 cell that does not follow from 年初 + 收入 − 支出',
      workbook: fiscalFinal((l) => ((l[6] as Line)[7] = 25)),
      findings: [
        {
          severity: 'error',
          cells: ['H12', 'C12', 'D12', 'E12'],
          message:
            /2100101 行政运行：年末结转和结余 25\.00 ≠ 年初结转和结余 \+ 本年收入 − 本年支出 = 20\.00（差 \+5\.00）/,
        },
      ],
    },
    {
      name: 'a 本年收入 transposed on the 合计 line',
      workbook: fiscalFinal((l) => ((l[0] as Line)[3] = 1005)),
      findings: [{ severity: 'error', cells: ['H6', 'C6', 'D6', 'E6'], message: /第 6 行 合计：.*差 \+45\.00/ }],
    },
  ],
});

describe('carryoverIdentity', () => {
  const identityOf = (wb: ReturnType<typeof fiscalFinal>) => {
    const { workbook: recognised, mapping } = reviewWorkbook(wb);
    const table = recognised.tables[0];
    if (!table) throw new Error('no table');
    const view = buildTableView(table, wb.sheets[0] as (typeof wb.sheets)[0], mapping);
    return carryoverIdentity(view.blocks[0] as (typeof view.blocks)[0]);
  };

  it('takes a group’s 小计 column rather than its parts, with signs', () => {
    const id = identityOf(fiscalFinal());
    expect(id?.closing.map((c) => c.col)).toEqual([7]);
    expect(id?.terms.map((g) => [g.name, g.sign, g.columns.map((c) => c.col)])).toEqual([
      ['年初结转和结余', 1, [2]],
      ['本年收入', 1, [3]],
      ['本年支出', -1, [4]],
    ]);
  });

  it('places known adjustments with their sign', () => {
    expect(identityOf(fiscalFinal(undefined, '财政拨款结余分配'))?.terms.map((g) => [g.name, g.sign])).toContainEqual([
      '结余分配',
      -1,
    ]);
  });
});
