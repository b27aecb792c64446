import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/**
 * A whole 决算 disclosure, consistent to the last cell: 收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表
 * (年初结转 itemised by fund), 一般公共预算财政拨款支出决算表, the banded 基本支出决算表 (人员经费 | 公用经费), “三公”
 * and the 政府性基金 table with 年初/本年/年末 columns. Income and spending differ per code (balances), the fund table
 * leads with 年初结转 — nothing of that is an error. One slip per table must still be found.
 */
const dept = '部门：某市卫生健康委员会';
type Table = [string, GridValue[][], string[]?];

const disclosure = (): Table[] => [
  [
    '01收入支出决算总表',
    [
      ['2023年度收入支出决算总表', '', '', '', '', ''],
      ['', '', '', '', '', '公开01表'],
      [dept, '', '', '', '', '金额单位：万元'],
      ['收入', '', '', '支出', '', ''],
      ['项目', '行次', '金额', '项目', '行次', '金额'],
      ['栏次', '', '1', '栏次', '', '2'],
      ['一、一般公共预算财政拨款收入', '1', 1000, '一、社会保障和就业支出', '32', 120],
      ['二、政府性基金预算财政拨款收入', '2', 50, '二、卫生健康支出', '33', 900],
      ['三、事业收入', '3', 30, '三、城乡社区支出', '34', 50],
      ['四、其他收入', '4', 20, '四、住房保障支出', '35', 60],
      ['本年收入合计', '5', 1100, '本年支出合计', '36', 1130],
      ['使用非财政拨款结余', '6', 0, '结余分配', '37', 0],
      ['年初结转和结余', '7', 100, '年末结转和结余', '38', 70],
      ['总计', '8', 1200, '总计', '39', 1200],
    ],
    ['A1:F1', 'A4:C4', 'D4:F4'],
  ],
  [
    '02收入决算表',
    [
      ['2023年度收入决算表', '', '', '', '', ''],
      [dept, '', '', '', '', '金额单位：万元'],
      ['项目', '', '本年收入合计', '财政拨款收入', '事业收入', '其他收入'],
      ['科目编码', '科目名称', '', '', '', ''],
      ['栏次', '', '1', '2', '3', '4'],
      ['', '合计', 1100, 1050, 30, 20],
      ['208', '社会保障和就业支出', 120, 120, 0, 0],
      ['20805', '行政事业单位养老支出', 120, 120, 0, 0],
      ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 0, 0],
      ['210', '卫生健康支出', 870, 820, 30, 20],
      ['21001', '卫生健康管理事务', 870, 820, 30, 20],
      ['2100101', '行政运行', 520, 520, 0, 0],
      ['2100199', '其他卫生健康管理事务支出', 350, 300, 30, 20],
      ['212', '城乡社区支出', 50, 50, 0, 0],
      ['21208', '国有土地使用权出让收入安排的支出', 50, 50, 0, 0],
      ['2120801', '征地和拆迁补偿支出', 50, 50, 0, 0],
      ['221', '住房保障支出', 60, 60, 0, 0],
      ['22102', '住房改革支出', 60, 60, 0, 0],
      ['2210201', '住房公积金', 60, 60, 0, 0],
    ],
    ['A3:B3', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4'],
  ],
  [
    '03支出决算表',
    [
      ['2023年度支出决算表', '', '', '', ''],
      [dept, '', '', '', '金额单位：万元'],
      ['项目', '', '本年支出合计', '基本支出', '项目支出'],
      ['科目编码', '科目名称', '', '', ''],
      ['栏次', '', '1', '2', '3'],
      ['', '合计', 1130, 700, 430],
      ['208', '社会保障和就业支出', 120, 120, 0],
      ['20805', '行政事业单位养老支出', 120, 120, 0],
      ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 0],
      ['210', '卫生健康支出', 900, 520, 380],
      ['21001', '卫生健康管理事务', 900, 520, 380],
      ['2100101', '行政运行', 520, 520, 0],
      ['2100199', '其他卫生健康管理事务支出', 380, 0, 380],
      ['212', '城乡社区支出', 50, 0, 50],
      ['21208', '国有土地使用权出让收入安排的支出', 50, 0, 50],
      ['2120801', '征地和拆迁补偿支出', 50, 0, 50],
      ['221', '住房保障支出', 60, 60, 0],
      ['22102', '住房改革支出', 60, 60, 0],
      ['2210201', '住房公积金', 60, 60, 0],
    ],
    ['A3:B3', 'C3:C4', 'D3:D4', 'E3:E4'],
  ],
  [
    '04财政拨款收入支出决算总表',
    [
      ['2023年度财政拨款收入支出决算总表', '', '', '', '', '', '', ''],
      [dept, '', '', '', '', '', '', '金额单位：万元'],
      ['收入', '', '', '支出', '', '', '', ''],
      ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
      ['一、一般公共预算财政拨款', '1', 1000, '一、社会保障和就业支出', '33', 120, 120, 0],
      ['二、政府性基金预算财政拨款', '2', 50, '二、卫生健康支出', '34', 850, 850, 0],
      ['', '', '', '三、城乡社区支出', '35', 50, 0, 50],
      ['', '', '', '四、住房保障支出', '36', 60, 60, 0],
      ['本年收入合计', '30', 1050, '本年支出合计', '59', 1080, 1030, 50],
      ['年初财政拨款结转和结余', '31', 100, '年末财政拨款结转和结余', '60', 70, 70, 0],
      ['一般公共预算财政拨款', '32', 100, '', '61', '', '', ''],
      ['政府性基金预算财政拨款', '33', 0, '', '62', '', '', ''],
      ['总计', '35', 1150, '总计', '64', 1150, 1100, 50],
    ],
    ['A1:H1', 'A3:C3', 'D3:H3'],
  ],
  [
    '05一般公共预算财政拨款支出决算表',
    [
      ['2023年度一般公共预算财政拨款支出决算表', '', '', '', ''],
      [dept, '', '', '', '金额单位：万元'],
      ['项目', '', '本年支出', '', ''],
      ['科目编码', '科目名称', '小计', '基本支出', '项目支出'],
      ['', '合计', 1030, 700, 330],
      ['208', '社会保障和就业支出', 120, 120, 0],
      ['20805', '行政事业单位养老支出', 120, 120, 0],
      ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 0],
      ['210', '卫生健康支出', 850, 520, 330],
      ['21001', '卫生健康管理事务', 850, 520, 330],
      ['2100101', '行政运行', 520, 520, 0],
      ['2100199', '其他卫生健康管理事务支出', 330, 0, 330],
      ['221', '住房保障支出', 60, 60, 0],
      ['22102', '住房改革支出', 60, 60, 0],
      ['2210201', '住房公积金', 60, 60, 0],
    ],
    ['A3:B3', 'C3:E3'],
  ],
  [
    '06一般公共预算财政拨款基本支出决算表',
    [
      ['2023年度一般公共预算财政拨款基本支出决算表', '', '', '', '', '', '', '', ''],
      [dept, '', '', '', '', '', '', '', '金额单位：万元'],
      ['人员经费', '', '', '公用经费', '', '', '', '', ''],
      ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', 500, '302', '商品和服务支出', 150, '307', '债务利息及费用支出', 0],
      ['30101', '基本工资', 200, '30201', '办公费', 50, '310', '资本性支出', 10],
      ['30102', '津贴补贴', 180, '30202', '印刷费', 40, '31002', '办公设备购置', 10],
      ['30108', '机关事业单位基本养老保险缴费', 120, '30229', '福利费', 57, '399', '其他支出', 0],
      ['303', '对个人和家庭的补助', 40, '30217', '公务接待费', 3, '', '', ''],
      ['30302', '退休费', 40, '', '', '', '', '', ''],
      ['人员经费合计', '', 540, '公用经费合计', '', '', '', '', 160],
    ],
    ['A1:I1', 'A3:C3', 'D3:I3', 'D11:H11'],
  ],
  [
    '07三公经费支出决算表',
    [
      ['2023年度“三公”经费支出决算表', '', ''],
      [dept, '', '单位：万元'],
      ['项目', '预算数', '决算数'],
      ['合计', 10, 10.5],
      ['1.因公出国（境）费', 0, 0],
      ['2.公务接待费', 2, 3],
      ['3.公务用车购置及运行维护费', 8, 7.5],
      ['其中：公务用车购置费', 0, 0],
      ['      公务用车运行维护费', 8, 7.5],
    ],
  ],
  [
    '08政府性基金预算财政拨款收入支出决算表',
    [
      ['2023年度政府性基金预算财政拨款收入支出决算表', '', '', '', '', '', '', ''],
      [dept, '', '', '', '', '', '', '金额单位：万元'],
      ['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
      ['科目编码', '科目名称', '', '', '小计', '基本支出', '项目支出', ''],
      ['', '合计', 0, 50, 50, 0, 50, 0],
      ['212', '城乡社区支出', 0, 50, 50, 0, 50, 0],
      ['21208', '国有土地使用权出让收入安排的支出', 0, 50, 50, 0, 50, 0],
      ['2120801', '征地和拆迁补偿支出', 0, 50, 50, 0, 50, 0],
    ],
    ['A3:B3', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'],
  ],
];

const review = (tables: Table[]) =>
  reviewWorkbook(
    workbook(
      ...tables.map(([name, rows, merges]) =>
        sheet(
          rows.map((r) => r.map((v) => (v === '' ? null : v))),
          { name, merges },
        ),
      ),
    ),
  ).report;

const serious = (tables: Table[]) =>
  review(tables)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.sheet}!${f.cells[0]}`);

/** The disclosure with one cell changed: sheet by number prefix, row and column as written. */
function slip(prefix: string, row: number, col: number, value: number): Table[] {
  const tables = disclosure();
  const table = tables.find(([name]) => name.startsWith(prefix)) as Table;
  (table[1][row] as GridValue[])[col] = value;
  return tables;
}

describe('a consistent 决算 disclosure', () => {
  it('is recognised table by table', () => {
    const report = review(disclosure());
    expect(report.reportKind).toBe('final');
    expect(report.tables.map((t) => t.type)).toEqual([
      'income_expenditure_summary',
      'income_summary',
      'expenditure_summary',
      'fiscal_appropriation_summary',
      'general_budget_expenditure',
      'general_budget_basic_expenditure',
      'three_public_expenses',
      'government_fund_expenditure',
    ]);
  });

  it('raises no error or warning', () => {
    expect(serious(disclosure())).toEqual([]);
  });

  it('finds a slip in the class lines of the summary against the 支出决算表', () => {
    expect(serious(slip('01', 6, 5, 110))).toEqual(
      expect.arrayContaining(['cross_table.summary 01收入支出决算总表!F7', 'sum.total 01收入支出决算总表!F11']),
    );
  });

  it('reads the 政府性基金 table’s spending from its 本年支出 column, not 年初结转', () => {
    // 本年支出 of the fund table 50 → 55 on every line: the fiscal summary's 政府性基金 column disagrees.
    const tables = disclosure();
    const fund = tables.find(([n]) => n.startsWith('08')) as Table;
    for (const r of [4, 5, 6, 7]) {
      const row = fund[1][r] as GridValue[];
      row[4] = 55;
      row[6] = 55;
      row[7] = -5;
    }
    expect(serious(tables)).toEqual(expect.arrayContaining(['cross_table.fiscal 04财政拨款收入支出决算总表!H9']));
  });

  it('compares the banded 基本支出 table’s whole total with 基本支出', () => {
    // 公用经费 302 150 → 160 with its 合计: the table totals 710 against 基本支出 700.
    const tables = slip('06', 4, 5, 160);
    ((tables.find(([n]) => n.startsWith('06')) as Table)[1][10] as GridValue[])[8] = 170;
    const found = serious(tables);
    expect(found).toEqual(expect.arrayContaining(['cross_table.basic 06一般公共预算财政拨款基本支出决算表!C5']));
  });
});

describe('which column a table is compared by', () => {
  it('compares 30217 公务接待费 with the 决算数 of a horizontal “三公” table, not its 预算数', () => {
    const tables = disclosure();
    const at = tables.findIndex(([n]) => n.startsWith('07'));
    const horizontal = (spent: number): GridValue[][] => [
      ['2023年度“三公”经费支出决算表', null, null, null, null, null, null, null],
      [dept, null, null, null, null, null, null, '单位：万元'],
      ['预算数', null, null, null, '决算数', null, null, null],
      [
        '合计',
        '因公出国（境）费',
        '公务用车购置及运行费',
        '公务接待费',
        '合计',
        '因公出国（境）费',
        '公务用车购置及运行费',
        '公务接待费',
      ],
      [10, 0, 8, 2, 7.5 + spent, 0, 7.5, spent],
    ];
    tables[at] = ['07三公经费支出决算表', horizontal(3), ['A1:H1', 'A3:D3', 'E3:H3']];
    expect(serious(tables)).toEqual([]);
    tables[at] = ['07三公经费支出决算表', horizontal(2), ['A1:H1', 'A3:D3', 'E3:H3']];
    expect(serious(tables)).toEqual(['cross_table.three_public 06一般公共预算财政拨款基本支出决算表!F9']);
  });

  it('reads 决算数, not 年初预算数, from a table showing both', () => {
    const tables = disclosure();
    const at = tables.findIndex(([n]) => n.startsWith('05'));
    const budgetFirst: GridValue[][] = [
      ['2023年度一般公共预算财政拨款支出决算表', null, null, null],
      ['科目编码', '科目名称', '年初预算数', '决算数'],
      [null, '合计', 1000, 1030],
      ['208', '社会保障和就业支出', 110, 120],
      ['20805', '行政事业单位养老支出', 110, 120],
      ['2080505', '机关事业单位基本养老保险缴费支出', 110, 120],
      ['210', '卫生健康支出', 830, 850],
      ['21001', '卫生健康管理事务', 830, 850],
      ['2100101', '行政运行', 500, 520],
      ['2100199', '其他卫生健康管理事务支出', 330, 330],
      ['221', '住房保障支出', 60, 60],
      ['22102', '住房改革支出', 60, 60],
      ['2210201', '住房公积金', 60, 60],
    ];
    tables[at] = ['05一般公共预算财政拨款支出决算表', budgetFirst, ['A1:D1']];
    expect(serious(tables)).toEqual([]);
    (budgetFirst[1] as GridValue[]).splice(2, 2, '2023年预算数', '2023年决算数');
    expect(serious(tables)).toEqual([]);
    ((tables[at] as Table)[1][6] as GridValue[])[3] = 840; // 210 决算数 850 → 840 (and its lines disagree)
    expect(serious(tables)).toEqual(expect.arrayContaining(['cross_table.fiscal 04财政拨款收入支出决算总表!G6']));
  });

  it('reads the latest year from a budget table comparing two years', () => {
    const general: GridValue[][] = [
      ['2024年一般公共预算支出表', null, null, null],
      ['单位：万元', null, null, null],
      ['科目编码', '科目名称', '2023年预算数', '2024年预算数'],
      [null, '合计', 150, 120],
      ['208', '社会保障和就业支出', 150, 120],
      ['20805', '行政事业单位养老支出', 150, 120],
      ['2080505', '机关事业单位基本养老保险缴费支出', 150, 120],
    ];
    const spending: GridValue[][] = [
      ['2024年支出总表', null, null, null, null],
      ['单位：万元', null, null, null, null],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', 120, 120, 0],
      ['208', '社会保障和就业支出', 120, 120, 0],
      ['20805', '行政事业单位养老支出', 120, 120, 0],
      ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 0],
    ];
    expect(
      serious([
        ['支出总表', spending],
        ['一般公共预算支出表', general],
      ]),
    ).toEqual([]);
  });
});

describe('决算 carry-over: a missing 收支总表 means unknown, not "no carry-over"', () => {
  it('without the 收支总表, income and spending per code are not asserted equal, and the ledger says why', () => {
    const tables = disclosure().filter(([name]) => !name.startsWith('01'));
    const report = review(tables);
    expect(report.findings.filter((f) => f.rule === 'cross_table.by_code' && f.severity !== 'info')).toEqual([]);
    expect(report.coverage?.notChecked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'cross_table.by_code',
          reason: 'table_missing',
          message: expect.stringMatching(/^未找到收支总表，无法确定有无年初结转和结余/),
        }),
      ]),
    );
  });

  it('with it (showing 年初结转和结余), the differing codes are no finding either', () => {
    expect(review(disclosure()).findings.filter((f) => f.rule === 'cross_table.by_code')).toEqual([]);
  });
});
