import { narrativeFigures } from '../../../../src/core/rules/disclosure/narrative';
import { sheet, workbook } from '../../../helpers/grid';
import { testRule } from '../../../helpers/rule-tester';

/** The 上海 “三公”经费和机关运行经费预算表, in 万元. */
const three = (abroad: number, reception: number, purchase: number, running: number, operating: number) =>
  sheet(
    [
      ['2021年部门“三公”经费和机关运行经费预算表'],
      ['编制部门：某市教育局', null, null, null, null, null, '单位：万元'],
      ['“三公”经费预算数', null, null, null, null, null, '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', null, null, null],
      [null, null, null, '小计', '购置费', '运行费', null],
      [abroad + reception + purchase + running, abroad, reception, purchase + running, purchase, running, operating],
    ],
    { name: '三公经费表', merges: ['A1:G1', 'A3:F3', 'G3:G5', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:F4'] },
  );

const note = (text: string) => sheet([['其他相关情况说明'], [text]], { name: '其他相关情况说明' });

const TEXT =
  '一、2021年“三公”经费预算情况说明\n2021年“三公”经费预算数为38.50万元，比2020年预算减少3.00万元。其中：\n（一）因公出国（境）费5.00万元，比2020年预算持平。\n（二）公务用车购置及运行费30.00万元。其中：公务用车购置费20.00万元；公务用车运行费10.00万元。\n（三）公务接待费3.50万元。\n二、机关运行经费预算\n2021年机关运行经费预算为213.28万元。';

testRule(narrativeFigures, {
  valid: [
    { name: 'every figure agrees (万元 as written)', workbook: workbook(three(5, 3.5, 20, 10, 213.28), note(TEXT)) },
    {
      name: 'a change beside a figure is not the figure; two items in one clause are not attributed',
      workbook: workbook(
        three(5, 3.5, 20, 10, 213.28),
        note('“三公”经费比上年减少3.00万元。因公出国（境）费和公务接待费共8.50万元。'),
      ),
    },
    {
      name: 'in 元 as written, within the precision written',
      workbook: workbook(three(5, 3.5, 20, 10, 213.28), note('2021年机关运行经费预算为2,132,800元。')),
    },
  ],
  invalid: [
    {
      name: 'the 因公出国 figure and 机关运行经费 differ from the table',
      workbook: workbook(three(4, 3.5, 20, 10, 200), note(TEXT)),
      findings: [
        {
          severity: 'warning',
          sheet: '其他相关情况说明',
          cells: ['A2'],
          message:
            /写“2021年三公经费预算数为38\.50万元”，而《部门“三公”经费和机关运行经费预算表》“三公”经费为 37\.50 万元$/,
        },
        { severity: 'warning', message: /写“\(一\)因公出国\(境\)费5\.00万元”，而.*因公出国（境）费为 4\.00 万元$/ },
        { severity: 'warning', message: /写“2021年机关运行经费预算为213\.28万元”，而.*机关运行经费为 200\.00 万元$/ },
      ],
    },
  ],
});
