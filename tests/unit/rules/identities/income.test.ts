import { fiscalIncome } from '../../../../src/core/rules/cross_table/fiscal-income';
import { incomeSources } from '../../../../src/core/rules/cross_table/income-sources';
import { sheet, workbook, type GridValue } from '../../../helpers/grid';
import { testRule } from '../../../helpers/rule-tester';

/** 收支总表: income lines on the left, spending on the right. */
const summary = (income: [string, number | null][], total: number) =>
  sheet(
    [
      ['2021年部门收支总表'],
      ['编制部门：某市教育局', null, null, '单位：万元'],
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ...income.map(([label, v], i): GridValue[] =>
        i === 0 ? [label, v, '一、教育支出', total] : [label, v, null, null],
      ),
      ['本年收入合计', total, '本年支出合计', total],
      ['收入总计', total, '支出总计', total],
    ],
    { name: '收支总表', merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );

/** 收入总表: 合计 | 财政拨款收入 | 事业收入 | 其他收入, one class line. */
const income = (fiscal: number, business: number, other = 0) =>
  sheet(
    [
      ['2021年部门收入总表'],
      ['编制部门：某市教育局', null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '财政拨款收入', '事业收入', '其他收入'],
      ['205', '教育支出', fiscal + business + other, fiscal, business, other],
      [null, '合计', fiscal + business + other, fiscal, business, other],
    ],
    { name: '收入总表', merges: ['A1:F1'] },
  );

/** 财政拨款收支总表: fund lines, 本年收入合计 (optionally), carry-over, 收入总计. */
const fiscalSummary = (general: number, opts: { yearTotal?: boolean; carry?: number } = {}) => {
  const carry = opts.carry ?? 0;
  return sheet(
    [
      ['2021年部门财政拨款收支总表'],
      ['编制部门：某市教育局', null, null, '单位：万元'],
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算', general, '一、教育支出', general + carry],
      ['二、政府性基金预算', null, null, null],
      ...(opts.yearTotal === false ? [] : [['本年收入合计', general, '本年支出合计', general + carry]]),
      ...(carry ? [['上年结转', carry, null, null]] : []),
      ['收入总计', general + carry, '支出总计', general + carry],
    ],
    { name: '财政拨款收支总表', merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );
};

testRule(incomeSources, {
  valid: [
    {
      name: 'each source equal; 财政拨款 shown by fund on one side, as one column on the other',
      workbook: workbook(
        summary(
          [
            ['一、财政拨款收入', 100],
            ['1.一般公共预算', 100],
            ['2.政府性基金预算', null],
            ['二、事业收入', 20],
            ['三、其他收入', null],
          ],
          120,
        ),
        income(100, 20),
      ),
    },
    {
      name: 'by fund in the 收支总表, one 财政拨款 column in the 收入总表',
      workbook: workbook(
        summary(
          [
            ['一、一般公共预算拨款收入', 90],
            ['二、政府性基金预算拨款收入', 10],
            ['三、事业收入', 20],
          ],
          120,
        ),
        income(100, 20),
      ),
    },
  ],
  invalid: [
    {
      name: 'a 事业收入 that differs',
      workbook: workbook(
        summary(
          [
            ['一、财政拨款收入', 100],
            ['二、事业收入', 30],
          ],
          130,
        ),
        income(100, 20, 10),
      ),
      findings: [
        {
          severity: 'error',
          sheet: '收支总表',
          cells: ['B6', '收入总表!E5'],
          message: /^《部门收支总表》二、事业收入 30 ≠ 《部门收入总表》合计［事业收入］ 20（差 \+10）$/,
        },
      ],
    },
  ],
});

testRule(fiscalIncome, {
  valid: [
    { name: '本年收入合计 equal', workbook: workbook(income(100, 20), fiscalSummary(100)) },
    {
      name: 'no 本年收入合计 line and no carry-over: its 收入总计',
      workbook: workbook(income(100, 20), fiscalSummary(100, { yearTotal: false })),
    },
    {
      name: 'no 本年收入合计 line but a carry-over: nothing to compare',
      workbook: workbook(income(100, 20), fiscalSummary(90, { yearTotal: false, carry: 10 })),
    },
  ],
  invalid: [
    {
      name: '财政拨款收入 ≠ 本年收入合计',
      workbook: workbook(income(100, 20), fiscalSummary(110, { carry: 5 })),
      findings: [
        {
          severity: 'error',
          sheet: '收入总表',
          message: /^《部门收入总表》合计［财政拨款收入］ 100 ≠ 《部门财政拨款收支总表》本年收入合计 110（差 -10）$/,
        },
      ],
    },
  ],
});
