import { reviewWorkbook } from '../../../../src/core/review';
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
      name: 'the 公务用车购置及运行费 (the 小计 of its group) differs from the table',
      workbook: workbook(three(5, 3.5, 20, 10, 213.28), note('（二）公务用车购置及运行费33.00万元。')),
      findings: [
        {
          severity: 'warning',
          cells: ['A2'],
          message: /写“\(二\)公务用车购置及运行费33\.00万元”，而.*公务用车购置及运行费为 30\.00 万元$/,
        },
      ],
    },
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

/** 收支总表 of 120 万元 (财政拨款 100, 事业 20), with its 收入总表, 支出总表 (基本 90 | 项目 30) and 财政拨款收支总表. */
const summaryTables = (opts: { carry?: number } = {}) => {
  const carry = opts.carry ?? 0;
  return [
    sheet(
      [
        ['2021年部门收支总表'],
        ['编制部门：某市教育局', null, null, '单位：万元'],
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一、财政拨款收入', 100, '一、教育支出', 120 + carry],
        ['二、事业收入', 20, null, null],
        ['本年收入合计', 120, '本年支出合计', 120 + carry],
        ['上年结转', carry, null, null],
        ['收入总计', 120 + carry, '支出总计', 120 + carry],
      ],
      { name: '收支总表', merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
    ),
    sheet(
      [
        ['2021年部门收入总表'],
        ['编制部门：某市教育局', null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '财政拨款收入', '事业收入'],
        ['205', '教育支出', 120, 100, 20],
        [null, '合计', 120, 100, 20],
      ],
      { name: '收入总表', merges: ['A1:E1'] },
    ),
    sheet(
      [
        ['2021年部门支出总表'],
        ['编制部门：某市教育局', null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['205', '教育支出', 120, 90, 30],
        [null, '合计', 120, 90, 30],
      ],
      { name: '支出总表', merges: ['A1:E1'] },
    ),
    sheet(
      [
        ['2021年部门财政拨款收支总表'],
        ['编制部门：某市教育局', null, null, '单位：万元'],
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算', 100, '一、教育支出', 100],
        ['本年收入合计', 100, '本年支出合计', 100],
        ['收入总计', 100, '支出总计', 100],
      ],
      { name: '财政拨款收支总表', merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
    ),
  ];
};

const explanation = (text: string) => sheet([['2021年部门预算编制说明'], [text]], { name: '部门编制说明' });

testRule(narrativeFigures, {
  valid: [
    {
      name: 'totals, 财政拨款 and 项目支出 as the tables read them',
      workbook: workbook(
        ...summaryTables(),
        explanation(
          '2021年，本部门收入预算120.00万元，其中：财政拨款收入100.00万元；事业收入20.00万元。支出预算120.00万元，其中：财政拨款支出预算100.00万元。项目支出30.00万元。',
        ),
      ),
    },
    {
      name: '收入总计 with 上年结转 or this year’s income alone: either reading agrees',
      workbook: workbook(...summaryTables({ carry: 5 }), explanation('本部门收入预算125万元。本部门收入预算120万元。')),
    },
    {
      name: 'stated changes borne out by their own two amounts (from–to, and than with a percentage)',
      workbook: workbook(
        ...summaryTables(),
        explanation(
          '财政拨款收入由2020年的80.00万元增加到100.00万元，增长25%。财政拨款收入100.00万元，比2020年预算增加20.00万元，增长25.0%。事业收入20万元，与上年20万元持平。',
        ),
      ),
    },
    {
      name: 'ambiguous statements are not read: a base after 比, the direction after both amounts, three amounts',
      workbook: workbook(
        ...summaryTables(),
        explanation(
          '财政拨款收入比上年80万元增加20万元，增长90%。上年80万元，本年100万元，减少90%。收入预算120万元，财政拨款收入100万元，比上年增加200万元。增加（减少）20万元，下降10万元。',
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'a total and 项目支出 that the tables do not bear out',
      workbook: workbook(...summaryTables(), explanation('本部门支出预算130.00万元。项目支出25.00万元。')),
      findings: [
        {
          severity: 'warning',
          sheet: '部门编制说明',
          cells: ['A2'],
          message: /写“本部门支出预算130\.00万元”，而《部门收支总表》支出总计为 120\.00 万元$/,
        },
        { severity: 'warning', message: /写“项目支出25\.00万元”，而《部门支出总表》项目支出为 30\.00 万元$/ },
      ],
    },
    {
      name: 'a direction against its two amounts; a percentage against them',
      workbook: workbook(
        ...summaryTables(),
        explanation(
          '财政拨款收入由120万元增加到100万元。财政拨款收入100万元，比2020年预算增加20万元，增长20%。事业收入20万元，与上年25万元持平。',
        ),
      ),
      findings: [
        {
          severity: 'warning',
          cells: ['A2'],
          message:
            /写“财政拨款收入由120万元增加到100万元”：由 120万元 到 100万元 实为减少 20\.00 万元，与所写“增加”不符$/,
        },
        {
          severity: 'warning',
          message: /：100万元 比上年增加 20万元（上年 80\.00 万元），按所写金额计算为 25\.0%，与所写“20%”不符$/,
        },
        { severity: 'warning', message: /：20万元 与 25万元 相差 5\.00 万元，与所写“持平”不符$/ },
      ],
    },
  ],
});

describe('disclosure.narrative reads what it compares (the valid cases are not vacuous)', () => {
  const closed = (wb: ReturnType<typeof workbook>) =>
    reviewWorkbook(wb, { ruleSet: [narrativeFigures] }).report.coverage!.identities;
  it('compares every figure and every stated change of the unambiguous forms', () => {
    // 收入预算, 财政拨款收入, 支出预算, 财政拨款支出预算, 项目支出 (事业收入 is not an item).
    expect(
      closed(
        workbook(
          ...summaryTables(),
          explanation(
            '本部门收入预算120.00万元，其中：财政拨款收入100.00万元；事业收入20.00万元。支出预算120.00万元，其中：财政拨款支出预算100.00万元。项目支出30.00万元。',
          ),
        ),
      ),
    ).toEqual({ closed: 5, failed: 0, notChecked: 0 });
    expect(
      closed(
        workbook(
          ...summaryTables(),
          explanation('财政拨款收入由2020年的80.00万元增加到100.00万元，增长25%。事业收入20万元，与上年20万元持平。'),
        ),
      ).closed,
    ).toBe(2);
  });
  it('reads no total or fund word that ends a longer compound (基本支出合计, 政府性基金项目支出 …)', () => {
    expect(
      closed(
        workbook(
          ...summaryTables(),
          explanation(
            '基本支出合计95万元。政府性基金项目支出12万元。一般公共预算财政拨款收入80万元。事业收入合计7万元。教育支出预算3万元。',
          ),
        ),
      ),
    ).toEqual({ closed: 0, failed: 0, notChecked: 0 });
  });
  it('compares nothing it cannot attribute', () => {
    expect(
      closed(
        workbook(
          ...summaryTables(),
          explanation(
            '财政拨款收入比上年80万元增加20万元，增长90%。上年80万元，本年100万元，减少90%。增加（减少）20万元，下降10万元。',
          ),
        ),
      ),
    ).toEqual({ closed: 0, failed: 0, notChecked: 0 });
  });
});
