import { codeLeadingZero } from '../../../src/core/rules/format/code-zero';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { testRule } from '../../helpers/rule-tester';

/** A 支出总表 with split 类/款/项 code columns. */
const split = (lines: GridValue[][]) =>
  sheet(
    [
      ['2021年部门支出总表'],
      ['编制部门：某市教育局', null, null, null, '单位：万元'],
      ['功能分类科目编码', null, null, '功能分类科目名称', '合计'],
      ['类', '款', '项', null, null],
      ...lines,
      ['合计', null, null, null, 30],
    ],
    { name: '支出总表', merges: ['A1:E1', 'A3:C3', 'D3:D4', 'E3:E4'] },
  );

testRule(codeLeadingZero, {
  valid: [
    {
      name: 'codes as text, or as numbers in a "00" format',
      workbook: workbook(
        split([
          [205, null, null, '教育支出', 30],
          [205, '02', null, '普通教育', 30],
          [205, { value: 2, format: '00' }, { value: 1, format: '00' }, '学前教育', 30],
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: '款 and 项 entered as General numbers',
      workbook: workbook(
        split([
          [205, null, null, '教育支出', 30],
          [205, 2, null, '普通教育', 30],
          [205, 2, 1, '学前教育', 30],
        ]),
      ),
      findings: [
        {
          severity: 'info',
          sheet: '支出总表',
          cells: ['B6', 'B7', 'C7'],
          message:
            /^《2021年部门支出总表》款\/项编码有 3 处缺少前导零（如 B6 显示为“2”，应为“02”），建议将编码列设为文本格式$/,
        },
      ],
    },
  ],
});
