import { operatingCostRule } from '../../../../src/core/rules/cross_table/operating-cost';
import { sheet, workbook } from '../../../helpers/grid';
import { testRule } from '../../../helpers/rule-tester';

const basic = (publicCost: number) =>
  sheet(
    [
      ['2021年部门一般公共预算基本支出表'],
      ['编制部门：某市教育局', null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['301', '工资福利支出', 100, 100, null],
      ['302', '商品和服务支出', publicCost, null, publicCost],
      [null, '合计', 100 + publicCost, 100, publicCost],
    ],
    { name: '基本支出表', merges: ['A1:E1'] },
  );

/** The 上海 “三公”经费和机关运行经费预算表: 三公 items and a 机关运行经费 column. */
const threeAndOperating = (operating: number) =>
  sheet(
    [
      ['2021年部门“三公”经费和机关运行经费预算表'],
      ['编制部门：某市教育局', null, null, null, '单位：万元'],
      ['“三公”经费预算数', null, null, null, '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', null],
      [3, 1, 1, 1, operating],
    ],
    { name: '三公经费表', merges: ['A1:E1', 'A3:D3', 'E3:E4'] },
  );

testRule(operatingCostRule, {
  valid: [
    { name: '机关运行经费 below 公用经费', workbook: workbook(basic(30), threeAndOperating(25)) },
    { name: 'equal', workbook: workbook(basic(30), threeAndOperating(30)) },
    { name: 'no 机关运行经费 stated', workbook: workbook(basic(30)) },
  ],
  invalid: [
    {
      name: '机关运行经费 above 公用经费: a note',
      workbook: workbook(basic(30), threeAndOperating(40)),
      findings: [
        {
          severity: 'info',
          sheet: '三公经费表',
          cells: ['E5', '基本支出表!E6'],
          message:
            /^机关运行经费不应大于公用经费：《部门“三公”经费和机关运行经费预算表》机关运行经费预算数 40 大于《部门一般公共预算基本支出表》公用经费合计 30（超出 10）$/,
        },
      ],
    },
  ],
});
