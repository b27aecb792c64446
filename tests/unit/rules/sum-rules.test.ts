import { sumHierarchy } from '../../../src/core/rules/sum/hierarchy';
import { sumOfWhich } from '../../../src/core/rules/sum/of-which';
import { sumRow } from '../../../src/core/rules/sum/row';
import { sumTotal } from '../../../src/core/rules/sum/total';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { findingsOf, testRule } from '../../helpers/rule-tester';

const money = (value: number) => ({ value, format: '#,##0.00' });

/** 2021 一般公共预算支出表: 合计 | 基本支出 | 项目支出, lines [code, name, total, basic, project]. */
const fnTable = (lines: GridValue[][]) =>
  workbook(
    sheet(
      [
        ['2021年一般公共预算支出表', null, null, null, null],
        ['单位：万元', null, null, null, null],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ...lines,
      ],
      {
        name: '一般公共预算支出表',
        merges: ['A1:E1'],
      },
    ),
  );
const line = (code: string, name: string, total: number, basic: number | null, project: number | null): GridValue[] => [
  code,
  name,
  money(total),
  basic === null ? null : money(basic),
  project === null ? null : money(project),
];

testRule(sumHierarchy, {
  valid: [
    {
      name: '类 = Σ款, 款 = Σ项 in every column',
      workbook: fnTable([
        line('208', '社会保障和就业支出', 60.25, 54.25, 6),
        line('20805', '行政事业单位养老支出', 54.25, 54.25, null),
        line('2080505', '机关事业单位基本养老保险缴费支出', 44.9, 44.9, null),
        line('2080506', '机关事业单位职业年金缴费支出', 9.35, 9.35, null),
        line('20899', '其他社会保障和就业支出', 6, null, 6),
        line('2089999', '其他社会保障和就业支出', 6, null, 6),
      ]),
    },
    {
      name: 'an outline parent equals the lines under it',
      workbook: workbook(
        sheet(
          [
            ['收支总表', null],
            ['支出项目', '支出预算'],
            ['一、基本支出', 30],
            ['1、工资福利支出', 20],
            ['2、商品和服务支出', 10],
            ['二、项目支出', 5],
            ['1、一次性项目支出', 5],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'a difference of 0.10 at two decimals is an error',
      workbook: fnTable([
        line('20805', '行政事业单位养老支出', 54.25, 54.25, null),
        line('2080505', '机关事业单位基本养老保险缴费支出', 44.9, 44.9, null),
        line('2080506', '机关事业单位职业年金缴费支出', 9.45, 9.45, null),
      ]),
      findings: [
        {
          severity: 'error',
          cells: ['C4', 'C5', 'C6'],
          message: /^20805 行政事业单位养老支出［合计］ 54\.25 ≠ 下级合计 54\.35（差 -0\.10）$/,
        },
        { severity: 'error', cells: ['D4', 'D5', 'D6'], message: /［基本支出］ 54\.25 ≠ 下级合计 54\.35/ },
      ],
    },
    {
      name: 'a difference of 0.01 is within the rounding envelope of three terms (3 × 0.005): a note',
      workbook: fnTable([
        line('20805', '行政事业单位养老支出', 54.25, null, null),
        line('2080505', '机关事业单位基本养老保险缴费支出', 44.9, null, null),
        line('2080506', '机关事业单位职业年金缴费支出', 9.36, null, null),
      ]),
      findings: [{ severity: 'info', message: /54\.25 ≠ 下级合计 54\.26（差 -0\.01），可能为取整误差/ }],
    },
    {
      name: 'an unnumbered heading over numbered lines (基本支出 over 1、2、) is their parent, and is checked',
      workbook: workbook(
        sheet(
          [
            ['收支总表', null],
            ['支出项目', '支出预算'],
            ['基本支出', money(31)],
            ['1、工资福利支出', money(20)],
            ['2、商品和服务支出', money(10)],
            ['项目支出', money(5)],
            ['1、一次性项目支出', money(5)],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
      findings: [
        { severity: 'error', cells: ['B3', 'B4', 'B5'], message: /基本支出 31\.00 ≠ 下级合计 30\.00（差 \+1\.00）/ },
      ],
    },
    {
      name: 'an outline parent that does not add up',
      workbook: workbook(
        sheet(
          [
            ['收支总表', null],
            ['支出项目', '支出预算'],
            ['一、基本支出', money(31)],
            ['1、工资福利支出', money(20)],
            ['2、商品和服务支出', money(10)],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
      findings: [
        {
          severity: 'error',
          cells: ['B3', 'B4', 'B5'],
          message: /一、基本支出 31\.00 ≠ 下级合计 30\.00（差 \+1\.00）/,
        },
      ],
    },
  ],
});

testRule(sumTotal, {
  valid: [
    {
      name: '合计 on top = Σ 类 lines only',
      workbook: fnTable([
        [null, '合计', money(66.25), money(54.25), money(12)],
        line('208', '社会保障和就业支出', 60.25, 54.25, 6),
        line('20805', '行政事业单位养老支出', 54.25, 54.25, null),
        line('210', '卫生健康支出', 6, null, 6),
      ]),
    },
    {
      name: 'totals below, and 收入总计 = 本年收入合计 + 上年结转',
      workbook: workbook(
        sheet(
          [
            ['收支总表', null],
            ['收入项目', '收入预算'],
            ['一、一般公共预算拨款', 100],
            ['二、事业收入', 20],
            ['本年收入合计', 120],
            ['三、上年结转', 5],
            ['收入总计', 125],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
    },
    {
      name: '其中 lines and their children are not added',
      workbook: workbook(
        sheet(
          [
            ['三公经费支出表', null],
            ['项目', '预算数'],
            ['合计', 25],
            ['1、因公出国（境）费用', 0],
            ['2、公务接待费', 20],
            ['3、公务用车购置及运行维护费', 5],
            ['其中：（1）公务用车购置费', 0],
            ['（2）公务用车运行维护费', 5],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
    },
    {
      name: 'an unranked outline: the 其中 list goes on over the lines after it as far as the numbers say',
      workbook: workbook(
        sheet(
          [
            ['三公经费支出表', null],
            ['项目', '预算数'],
            ['合计', 25],
            ['因公出国（境）费用', 0],
            ['公务用车购置及运行维护费', 5],
            ['其中：公务用车购置费', 0],
            ['公务用车运行维护费', 5],
            ['公务接待费', 20],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
    },
    {
      name: 'a consolidated table: each unit line and the grand total',
      workbook: workbook(
        sheet(
          [
            ['收入总表', null, null, null],
            ['单位编码', '单位名称', '科目编码', '金额'],
            [null, '合计', null, 30],
            ['445001', '机关', null, 10],
            ['445001', '机关', '2101501', 10],
            ['445002', '中心', null, 20],
            ['445002', '中心', '2101550', 15],
            ['445002', '中心', '2101599', 5],
          ],
          { merges: ['A1:D1'] },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'an unranked outline with a 其中 list that no reading closes: the default reading reports it',
      workbook: workbook(
        sheet(
          [
            ['三公经费支出表', null],
            ['项目', '预算数'],
            ['合计', money(26)],
            ['因公出国（境）费用', money(0)],
            ['公务用车购置及运行维护费', money(5)],
            ['其中：公务用车购置费', money(0)],
            ['公务用车运行维护费', money(5)],
            ['公务接待费', money(20)],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
      findings: [{ severity: 'error', message: /合计 26\.00 ≠ 各项之和 30\.00（差 -4\.00）/ }],
    },
    {
      name: 'a 合 计 row that misses a line',
      workbook: workbook(
        sheet(
          [
            ['项目支出表', null],
            ['项目名称', '合计'],
            ['甲项目', money(10)],
            ['乙项目', money(5)],
            ['合 计', money(16)],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
      findings: [
        { severity: 'error', cells: ['B5', 'B3', 'B4'], message: /合计 16\.00 ≠ 各项之和 15\.00（差 \+1\.00）/ },
      ],
    },
    {
      name: 'a 合计 left blank below filled lines',
      workbook: workbook(
        sheet(
          [
            ['项目支出表', null],
            ['项目名称', '合计'],
            ['甲项目', money(10)],
            ['乙项目', money(5)],
            ['合计', null],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
      findings: [
        { severity: 'error', cells: ['B5', 'B3', 'B4'], message: /各项之和 15\.00（差 -15\.00）；B5 未填金额$/ },
      ],
    },
    {
      name: 'a unit line of a consolidated table',
      workbook: workbook(
        sheet(
          [
            ['收入总表', null, null, null],
            ['单位编码', '单位名称', '科目编码', '金额'],
            ['445001', '机关', null, 12],
            ['445001', '机关', '2101501', 10],
          ],
          { merges: ['A1:D1'] },
        ),
      ),
      findings: [{ severity: 'error', cells: ['D3', 'D4'], message: /机关 12 ≠ 各项之和 10/ }],
    },
  ],
});

const rowTable = (lines: GridValue[][]) =>
  workbook(
    sheet(
      [
        ['收入总表', null, null, null, null, null],
        ['科目编码', '合计', '本年收入', null, null, '上年结转'],
        [null, null, '小计', '财政拨款', '事业收入', null],
        ...lines,
      ],
      { name: '收入总表', merges: ['A1:F1', 'A2:A3', 'B2:B3', 'C2:E2', 'F2:F3'] },
    ),
  );

testRule(sumRow, {
  valid: [
    { name: '合计 = 本年收入小计 + 上年结转; 小计 = Σ sources', workbook: rowTable([['2101101', 12, 10, 7, 3, 2]]) },
    {
      name: 'a year-on-year table is not a sum',
      workbook: workbook(
        sheet(
          [
            ['三公经费', null, null],
            ['项目', '2020年预算数', '2021年预算数'],
            ['公务接待费', 10, 8],
          ],
          { merges: ['A1:C1'] },
        ),
      ),
    },
    {
      name: '其中 and rate columns are not addends',
      workbook: workbook(
        sheet(
          [
            ['支出总表', null, null, null, null],
            ['科目编码', '合计', '基本支出', '其中：人员经费', '项目支出'],
            ['2101101', 10, 6, 5, 4],
          ],
          { merges: ['A1:E1'] },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'the 合计 column misses carry-over',
      workbook: rowTable([['2101101', 10, 10, 7, 3, 2]]),
      findings: [
        {
          severity: 'error',
          cells: ['B4', 'C4', 'F4'],
          message: /第 4 行 2101101：合计 10 ≠ 小计 \+ 上年结转 = 12（差 -2）/,
        },
      ],
    },
    {
      name: 'a 小计 that is not the sum of its sources',
      workbook: rowTable([['2101101', 12, 10, 7, 4, 2].map((v, i) => (i ? money(v as number) : v))]),
      findings: [
        {
          severity: 'error',
          cells: ['C4', 'D4', 'E4'],
          message: /本年收入\/小计 10\.00 ≠ 财政拨款 \+ 事业收入 = 11\.00/,
        },
      ],
    },
  ],
});

testRule(sumOfWhich, {
  valid: [
    {
      name: '其中 lines within their parent',
      workbook: workbook(
        sheet(
          [
            ['三公经费支出表', null],
            ['项目', '金额'],
            ['二、公务用车购置及运维费', 3],
            ['其中：公务用车购置费', 0],
            ['公务用车运行维护费', 3],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: '其中 lines exceeding their parent',
      workbook: workbook(
        sheet(
          [
            ['三公经费支出表', null],
            ['项目', '金额'],
            ['二、公务用车购置及运维费', 3],
            ['其中：公务用车购置费', 5],
            ['公务用车运行维护费', 3],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
      findings: [
        {
          severity: 'error',
          cells: ['B3', 'B4', 'B5'],
          message: /其中：公务用车购置费 5 \+ 公务用车运行维护费 3 = 8 > 二、公务用车购置及运维费 3/,
        },
      ],
    },
  ],
});

describe('precision of General-format amounts', () => {
  const table = (rows: GridValue[][]) =>
    workbook(sheet([['项目支出表', null], ['项目名称', '合计'], ...rows], { merges: ['A1:B1'] }));
  it('reads a whole number among two-decimal amounts as exact', () => {
    const f = findingsOf(sumTotal, {
      name: '',
      workbook: table([
        ['甲', 13466],
        ['乙', 0.65],
        ['合计', 13466.55],
      ]),
    });
    expect(f.map((x) => [x.severity, x.difference])).toEqual([['error', '-0.10']]);
  });
  it('gives whole-yuan tables a half-yuan envelope per term', () => {
    const f = findingsOf(sumTotal, {
      name: '',
      workbook: table([
        ['甲', 1200],
        ['乙', 300],
        ['合计', 1501],
      ]),
    });
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
});

describe('classification lists grouped under heading rows (a unit named in the name column)', () => {
  const grouped = (line: number) =>
    workbook(
      sheet(
        [
          ['2021年部门支出总表', null, null],
          ['科目编码', '科目名称', '合计'],
          [null, '合计', money(30)],
          [null, '某局机关', money(10)],
          ['2101501', '行政运行', money(10)],
          [null, '某中心', money(20)],
          ['2101550', '事业运行', money(line)],
          ['2101599', '其他医疗保障管理事务支出', money(5)],
        ],
        { merges: ['A1:C1'] },
      ),
    );
  it('adds the headings into the 合计 and checks each heading against its lines', () => {
    expect(findingsOf(sumTotal, { name: '', workbook: grouped(15) })).toEqual([]);
    expect(findingsOf(sumTotal, { name: '', workbook: grouped(16) }).map((f) => [f.cells[0], f.message])).toEqual([
      ['C6', '某中心 20.00 ≠ 各项之和 21.00（差 -1.00）'],
    ]);
  });
});

describe('a list wrapped across three 编码|名称|金额 groups', () => {
  const wrapped = (allowance: number) =>
    workbook(
      sheet(
        [
          ['2021年一般公共预算基本支出表', null, null, null, null, null, null, null, null],
          ['科目编码', '科目名称', '金额', '科目编码', '科目名称', '金额', '科目编码', '科目名称', '金额'],
          [
            '301',
            '工资福利支出',
            money(30),
            '30199',
            '其他工资福利支出',
            money(5),
            '303',
            '对个人和家庭的补助',
            money(3),
          ],
          ['30101', '基本工资', money(15), '302', '商品和服务支出', money(10), '30302', '退休费', money(3)],
          ['30102', '津贴补贴', money(allowance), '30201', '办公费', money(6), '310', '资本性支出', money(2)],
          [null, null, null, '30211', '差旅费', money(4), '31002', '办公设备购置', money(2)],
          ['合计', null, money(45), null, null, null, null, null, null],
        ],
        { merges: ['A1:I1'] },
      ),
    );
  const errors = (w: ReturnType<typeof wrapped>) =>
    [sumHierarchy, sumTotal]
      .flatMap((rule) => findingsOf(rule, { name: '', workbook: w }))
      .map((f) => [f.rule, f.cells.join(','), f.message]);
  it('reads the 款 of a 类 in the next group and the 合计 across groups', () => {
    expect(errors(wrapped(10))).toEqual([]);
  });
  it('catches a slip wherever the lines stand', () => {
    expect(errors(wrapped(11))).toEqual([
      ['sum.hierarchy', 'C3,C4,C5,F3', '301 工资福利支出 30.00 ≠ 下级合计 31.00（差 -1.00）'],
    ]);
  });
});
