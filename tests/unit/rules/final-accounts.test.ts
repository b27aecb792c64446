import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/**
 * 决算 layouts: a two-sided 收入支出决算总表 with 行次 columns, a 收入决算表 with split 类/款/项 codes and a note, a
 * horizontal “三公”经费支出决算表 with 预算数 and 决算数 groups. A consistent workbook must raise nothing; a slip must
 * be caught where it is.
 */
const m = (value: number) => ({ value, format: '#,##0.00' });

function finalAccounts(
  edit: (s: { summary: GridValue[][]; income: GridValue[][]; three: GridValue[][] }) => void = () => undefined,
) {
  const summary: GridValue[][] = [
    ['2023年度收入支出决算总表', null, null, null, null, null],
    [null, null, null, null, null, '公开01表'],
    ['部门：某县财政局', null, null, null, null, '金额单位：万元'],
    ['收入', null, null, '支出', null, null],
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    ['栏次', null, '1', '栏次', null, '2'],
    ['一、一般公共预算财政拨款收入', 1, m(500), '一、一般公共服务支出', 32, m(440)],
    ['二、政府性基金预算财政拨款收入', 2, null, '八、社会保障和就业支出', 38, m(50)],
    ['五、事业收入', 5, m(20), '二十、住房保障支出', 50, m(30)],
    ['本年收入合计', 26, m(520), '本年支出合计', 57, m(520)],
    ['年初结转和结余', 28, m(40), '年末结转和结余', 59, m(40)],
    ['总计', 29, m(560), '总计', 60, m(560)],
  ];
  const income: GridValue[][] = [
    ['2023年度收入决算表', null, null, null, null, null, null],
    ['项目', null, null, null, '本年收入合计', '财政拨款收入', '事业收入'],
    ['功能分类科目编码', null, null, '科目名称', null, null, null],
    ['类', '款', '项', null, null, null, null],
    ['栏次', null, null, null, '1', '2', '3'],
    ['合计', null, null, null, m(520), m(500), m(20)],
    [201, null, null, '一般公共服务支出', m(440), m(420), m(20)],
    [null, '06', null, '财政事务', m(440), m(420), m(20)],
    [null, null, '01', '行政运行', m(300), m(300), null],
    [null, null, '02', '一般行政管理事务', m(140), m(120), m(20)],
    [208, null, null, '社会保障和就业支出', m(50), m(50), null],
    [null, '05', null, '行政事业单位养老支出', m(50), m(50), null],
    [null, null, '05', '机关事业单位基本养老保险缴费支出', m(50), m(50), null],
    [221, null, null, '住房保障支出', m(30), m(30), null],
    [null, '02', null, '住房改革支出', m(30), m(30), null],
    [null, null, '01', '住房公积金', m(30), m(30), null],
    ['注：本表反映部门本年度取得的各项收入情况。', null, null, null, null, null, null],
  ];
  const three: GridValue[][] = [
    ['2023年度“三公”经费支出决算表', null, null, null, null, null, null, null, null, null, null, null],
    ['预算数', null, null, null, null, null, '决算数', null, null, null, null, null],
    [
      '合计',
      '因公出国（境）费',
      '公务用车购置及运行费',
      null,
      null,
      '公务接待费',
      '合计',
      '因公出国（境）费',
      '公务用车购置及运行费',
      null,
      null,
      '公务接待费',
    ],
    [
      null,
      null,
      '小计',
      '公务用车购置费',
      '公务用车运行费',
      null,
      null,
      null,
      '小计',
      '公务用车购置费',
      '公务用车运行费',
      null,
    ],
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    [m(12), m(0), m(8), m(0), m(8), m(4), m(10.5), m(0), m(7.5), m(0), m(7.5), m(3)],
  ];
  edit({ summary, income, three });
  return workbook(
    sheet(summary, { name: '收入支出决算总表', merges: ['A1:F1', 'A4:C4', 'D4:F4'] }),
    sheet(income, {
      name: '收入决算表',
      merges: ['A1:G1', 'A2:D2', 'A3:C3', 'D3:D4', 'E2:E4', 'F2:F4', 'G2:G4', 'A17:G17'],
    }),
    sheet(three, {
      name: '三公经费支出决算表',
      merges: ['A1:L1', 'A2:F2', 'G2:L2', 'C3:E3', 'I3:K3', 'A3:A4', 'B3:B4', 'F3:F4', 'G3:G4', 'H3:H4', 'L3:L4'],
    }),
  );
}

const seriousFindings = (wb: ReturnType<typeof finalAccounts>) =>
  reviewWorkbook(wb).report.findings.filter((f) => f.severity !== 'info');

describe('决算 layouts', () => {
  it('recognise 行次 columns, split codes and two column groups', () => {
    const { report } = reviewWorkbook(finalAccounts());
    expect(report.reportKind).toBe('final');
    expect(report.fiscalYear).toBe(2023);
    expect(report.tables.map((t) => [t.type, t.headerRows, t.dataRows])).toEqual([
      ['income_expenditure_summary', [4, 6], [7, 12]],
      ['income_summary', [2, 5], [6, 16]],
      ['three_public_expenses', [2, 5], [6, 6]],
    ]);
    expect(report.tables[0]?.columns.map((c) => c.role)).toEqual([
      'name',
      'line_no',
      'amount',
      'name',
      'line_no',
      'amount',
    ]);
    expect(report.rows.filter((r) => r.sheet === '收入决算表').map((r) => r.code)).toContain('2010601');
  });

  it('raise nothing when the numbers are consistent', () => {
    expect(seriousFindings(finalAccounts())).toEqual([]);
  });

  it('catch a slip in each table where it is', () => {
    const slipped = finalAccounts((s) => {
      (s.income[9] as GridValue[])[4] = m(150); // 2010602 一般行政管理事务 140 → 150
      (s.three[5] as GridValue[])[6] = m(11.5); // 决算数 合计 10.5 → 11.5
      (s.summary[11] as GridValue[])[5] = m(570); // 支出总计 560 → 570
    });
    const found = seriousFindings(slipped).map((f) => `${f.rule} ${f.sheet}!${f.cells[0]}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'sum.hierarchy 收入决算表!E8',
        'sum.row 三公经费支出决算表!G6',
        'balance.totals 收入支出决算总表!C12',
      ]),
    );
  });
});

describe('决算 支出决算表 and banded 基本支出决算表', () => {
  const spending = (project2100199 = 330): GridValue[][] => [
    ['2023年度支出决算表', null, null, null, null, null],
    ['项目', null, '本年支出合计', '基本支出', '项目支出', '经营支出'],
    ['科目编码', '科目名称', null, null, null, null],
    [null, '合计', m(1030), m(700), m(330), m(0)],
    ['210', '卫生健康支出', m(910), m(580), m(330), m(0)],
    ['21001', '卫生健康管理事务', m(910), m(580), m(330), m(0)],
    ['2100101', '行政运行', m(580), m(580), m(0), m(0)],
    ['2100199', '其他卫生健康管理事务支出', m(330), m(0), m(project2100199), m(0)],
    ['221', '住房保障支出', m(120), m(120), m(0), m(0)],
    ['22102', '住房改革支出', m(120), m(120), m(0), m(0)],
    ['2210201', '住房公积金', m(120), m(120), m(0), m(0)],
  ];
  const basic = (publicTotal = 160): GridValue[][] => [
    ['2023年度一般公共预算财政拨款基本支出决算表', null, null, null, null, null, null, null, null],
    ['人员经费', null, null, '公用经费', null, null, null, null, null],
    ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
    ['301', '工资福利支出', m(500), '302', '商品和服务支出', m(150), '310', '资本性支出', m(10)],
    ['30101', '基本工资', m(200), '30201', '办公费', m(50), '31002', '办公设备购置', m(10)],
    ['30102', '津贴补贴', m(200), '30202', '印刷费', m(40), null, null, null],
    ['30108', '机关事业单位基本养老保险缴费', m(100), '30229', '福利费', m(60), null, null, null],
    ['303', '对个人和家庭的补助', m(40), null, null, null, null, null, null],
    ['30302', '退休费', m(40), null, null, null, null, null, null],
    ['人员经费合计', null, m(540), '公用经费合计', null, null, null, null, m(publicTotal)],
  ];
  const review = (spend: GridValue[][], basicRows: GridValue[][]) =>
    reviewWorkbook(
      workbook(
        sheet(spend, { name: '支出决算表', merges: ['A2:B2', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3'] }),
        sheet(basicRows, { name: '基本支出决算表', merges: ['A1:I1', 'A2:C2', 'D2:I2', 'D10:H10'] }),
      ),
    ).report.findings.filter((f) => f.severity !== 'info');

  it('raise nothing when consistent: each band’s 合计 adds its own groups, read where the amount sits', () => {
    expect(review(spending(), basic())).toEqual([]);
  });

  it('read the footer totals of unbanded groups the same with a 序号 or 行次 column numbering the lines', () => {
    const unbanded = (seq: boolean): GridValue[][] =>
      [
        ['2023年度一般公共预算财政拨款基本支出决算表'],
        ['序号', '经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
        [1, '301', '工资福利支出', m(540), '302', '商品和服务支出', m(160)],
        [2, '30101', '基本工资', m(340), '30201', '办公费', m(100)],
        [3, '30102', '津贴补贴', m(200), '30202', '印刷费', m(60)],
        [4, '人员经费合计', null, m(540), '公用经费合计', null, m(160)],
      ].map((r, i) => (seq || i === 0 ? r : r.slice(1)));
    const reviewUnbanded = (rows: GridValue[][]) =>
      reviewWorkbook(
        workbook(
          sheet(
            spending().map((r, i) => (i === 0 ? ['2023年度一般公共预算财政拨款支出决算表', ...r.slice(1)] : r)),
            { name: '支出决算表', merges: ['A2:B2', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3'] },
          ),
          sheet(rows, { name: '基本支出决算表' }),
        ),
      ).report.findings.filter((f) => f.severity !== 'info');
    expect(reviewUnbanded(unbanded(false))).toEqual([]);
    expect(reviewUnbanded(unbanded(true))).toEqual([]);
    // A 行次 column in the first group only, after its names (the first group numbers the lines).
    const lineNumbered = unbanded(false).map((r, i) =>
      i === 0 ? r : [...r.slice(0, 2), i === 1 ? '行次' : i - 1, ...r.slice(2)],
    );
    expect(reviewUnbanded(lineNumbered)).toEqual([]);
  });

  it('check 本年支出合计 against its columns and a band total against its band', () => {
    const found = review(spending(335), basic(170)).map((f) => `${f.rule} ${f.sheet}!${f.cells[0]}`);
    expect(found).toEqual(
      expect.arrayContaining(['sum.row 支出决算表!C8', 'sum.total 基本支出决算表!I10', 'sum.hierarchy 支出决算表!E6']),
    );
  });
});

describe('财政拨款收入支出决算总表 with 年初结转 itemised by fund', () => {
  const fiscal = (closingGeneral = 70, closingFund = 0): GridValue[][] => [
    ['财政拨款收入支出决算总表', null, null, null, null, null, null, null],
    ['收入', null, null, '支出', null, null, null, null],
    ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
    ['一、一般公共预算财政拨款', 1, m(1000), '一、社会保障和就业支出', 33, m(120), m(120), m(0)],
    ['二、政府性基金预算财政拨款', 2, m(50), '二、卫生健康支出', 34, m(960), m(910), m(50)],
    ['本年收入合计', 30, m(1050), '本年支出合计', 59, m(1080), m(1030), m(50)],
    ['年初财政拨款结转和结余', 31, m(100), '年末财政拨款结转和结余', 60, m(70), m(closingGeneral), m(closingFund)],
    ['一般公共预算财政拨款', 32, m(100), null, 61, null, null, null],
    ['政府性基金预算财政拨款', 33, m(0), null, 62, null, null, null],
    ['总计', 35, m(1150), '总计', 64, m(1150), m(1100), m(50)],
  ];
  const findings = (rows: GridValue[][]) =>
    reviewWorkbook(workbook(sheet(rows, { name: '财政拨款收支', merges: ['A1:H1', 'A2:C2', 'D2:H2'] })))
      .report.findings.filter((f) => f.severity !== 'info')
      .map((f) => `${f.rule} ${f.cells[0]}`);

  it('leave the fund lines under 年初结转和结余 out of 总计', () => {
    expect(findings(fiscal())).toEqual([]);
  });

  it('catch 年末结转 moved between funds', () => {
    expect(findings(fiscal(80, -10))).toEqual(
      expect.arrayContaining(['balance.totals G6', 'balance.totals H6', 'sum.total G10', 'sum.total H10']),
    );
  });
});
