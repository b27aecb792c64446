import { recogniseSheet } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/** What PDF conversions contain in general: a header repeated at a page break, a part heading, block-total footers. */
const notInfo = (rows: GridValue[][], merges: string[] = []) =>
  reviewWorkbook(workbook(sheet(rows, { name: 'Table 5', merges }))).report.findings.filter(
    (f) => f.severity !== 'info',
  );

describe('a table continued on the next page with its header repeated', () => {
  const header: GridValue[][] = [
    ['一般公共预算支出功能分类预算表', null, null, null, null],
    ['功能分类科目', null, '一般公共预算支出', null, null],
    ['编码', '名称', '合计', '基本支出', '项目支出'],
  ];
  const body = (slip = 0): GridValue[][] => [
    ['201', '一般公共服务支出', 30, 20, 10],
    ['20103', '政府办公厅（室）及相关机构事务', 30, 20, 10],
    ['2010301', '行政运行', 20, 20 + slip, 0],
    ['2010302', '一般行政管理事务', 10, 0, 10],
  ];
  const repeated: GridValue[][] = [
    ['功能分类科目', null, '一般公共预算支出', null, null],
    ['编码', '名称', '合计', '基本支出', '项目支出'],
  ];
  const rest: GridValue[][] = [
    ['208', '社会保障和就业支出', 5, 5, 0],
    ['20805', '行政事业单位养老支出', 5, 5, 0],
    ['2080505', '机关事业单位基本养老保险缴费支出', 5, 5, 0],
    ['合计', null, 35, 25, 10],
  ];
  const merges = ['A1:E1', 'A2:B2', 'C2:E2', 'A8:B8', 'C8:E8'];

  it('reads the repeated rows as a repeated header, not as data', () => {
    const t = recogniseSheet(sheet([...header, ...body(), ...repeated, ...rest], { merges }))[0]!;
    expect(t.type).toBe('general_budget_expenditure');
    expect(t.rows.filter((r) => r.kind === 'repeated_header').map((r) => r.row)).toEqual([7, 8]);
    expect(t.codes.map((c) => c.code)).toContain('2080505');
  });

  it('reviews the consistent table clean, and still finds a slip at its cell', () => {
    expect(notInfo([...header, ...body(), ...repeated, ...rest], merges)).toEqual([]);
    const slipped = notInfo([...header, ...body(3), ...repeated, ...rest], merges);
    expect(slipped.length).toBeGreaterThan(0);
    expect(slipped.some((f) => f.cells.includes('D6'))).toBe(true);
  });
});

describe('a part heading above the first table’s title', () => {
  it('takes the nearer title that names a table type, and keeps the heading', () => {
    const rows: GridValue[][] = [
      ['某某单位2024年度部门决算表', null, null],
      [null, null, null],
      ['收入支出决算总表', null, null],
      ['项目', '行次', '金额'],
      ['一、一般公共预算财政拨款收入', 1, 10],
      ['本年收入合计', 2, 10],
    ];
    const t = recogniseSheet(sheet(rows))[0]!;
    expect(t.title).toBe('收入支出决算总表');
    expect(t.type).not.toBe('unknown');
  });
});

describe('a footer that totals side-by-side blocks', () => {
  const rows = (personnel: number): GridValue[][] => [
    ['一般公共预算财政拨款基本支出决算表', null, null, null, null, null],
    ['人员经费', null, null, '公用经费', null, null],
    ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
    ['301', '工资福利支出', 8, '302', '商品和服务支出', 3],
    ['30101', '基本工资', 5, '30201', '办公费', 2],
    ['30102', '津贴补贴', 3, '30202', '印刷费', 1],
    ['303', '对个人和家庭的补助', 2, '310', '资本性支出', 1],
    ['30302', '退休费', 2, '31002', '办公设备购置', 1],
    ['人员经费合计', null, personnel, '公用经费合计', null, 4],
  ];
  const merges = ['A1:F1', 'A2:C2', 'D2:F2', 'A9:B9', 'D9:E9'];

  it('checks each block total against its own block, not as a grand total', () => {
    expect(notInfo(rows(10), merges)).toEqual([]);
  });

  it('still reports a block total that does not add up, at its cell', () => {
    const found = notInfo(rows(15), merges);
    expect(found.some((f) => f.cells[0] === 'C9')).toBe(true);
  });
});

describe('a continuation whose repeated header shows only the amount columns', () => {
  const rows = (slip = 0): GridValue[][] => [
    ['一般公共预算支出功能分类预算表', null, null, null, null],
    ['功能分类科目', null, '一般公共预算支出', null, null],
    ['编码', '名称', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', 30, 20, 10],
    ['20103', '政府办公厅（室）及相关机构事务', 30, 20, 10],
    ['2010301', '行政运行', 20, 20 + slip, 0],
    ['2010302', '一般行政管理事务', 10, 0, 10],
    [null, null, '一般公共预算支出', null, null],
    [null, null, '合计', '基本支出', '项目支出'],
    ['208', '社会保障和就业支出', 5, 5, 0],
    ['20805', '行政事业单位养老支出', 5, 5, 0],
    ['2080505', '机关事业单位基本养老保险缴费支出', 5, 5, 0],
    ['合计', null, 35, 25, 10],
  ];
  const merges = ['A1:E1', 'A2:B2', 'C2:E2', 'C8:E8'];

  it('is one table, its partial header read as repeated', () => {
    const tables = recogniseSheet(sheet(rows(), { merges }));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.filter((r) => r.kind === 'repeated_header').map((r) => r.row)).toEqual([7, 8]);
  });

  it('reviews clean when consistent, and a slip is reported at its cell', () => {
    expect(notInfo(rows(), merges)).toEqual([]);
    expect(notInfo(rows(3), merges).some((f) => f.cells.includes('D6'))).toBe(true);
  });
});

describe('a blank line inside the body, before rows that carry no amount', () => {
  // 收入支出决算总表's last lines: after a blank line a converter left, rows with labels only, then the 总计 line.
  const rows = (slip = 0): GridValue[][] => [
    ['收入支出决算总表', null, null, null],
    ['收入', null, '支出', null],
    ['项目', '决算数', '项目', '决算数'],
    ['一、一般公共预算财政拨款收入', 10, '一、一般公共服务支出', 6],
    ['二、政府性基金预算财政拨款收入', 0, '二、社会保障和就业支出', 4],
    ['本年收入合计', 10, '本年支出合计', 10],
    [null, null, null, null],
    ['使用非财政拨款结余', null, '结余分配', null],
    ['年初结转和结余', null, '年末结转和结余', null],
    ['总计', 10 + slip, '总计', 10],
  ];
  const merges = ['A1:D1', 'A2:B2', 'C2:D2'];

  it('is one table: the rows after the blank line are its own, not a new table’s header', () => {
    const tables = recogniseSheet(sheet(rows(), { merges }));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.dataRows).toEqual([3, 9]);
  });

  it('reviews clean when consistent, and a slip in the 总计 line is reported at its cell', () => {
    expect(notInfo(rows(), merges)).toEqual([]);
    expect(notInfo(rows(3), merges).some((f) => f.cells.includes('B10'))).toBe(true);
  });

  it('still reads a table below whose header labels the amount columns as a table of its own', () => {
    const second: GridValue[][] = [
      [null, null, null, null],
      ['项目', '金额', null, null],
      ['一般公共预算财政拨款', 10, null, null],
    ];
    expect(recogniseSheet(sheet([...rows(), ...second], { merges }))).toHaveLength(2);
  });
});

describe('a title wrapped over two lines', () => {
  const table = (upper: string, lower: string): GridValue[][] => [
    [upper, null, null, null, null],
    [lower, null, null, null, null],
    ['编制部门：某某单位', null, null, null, '单位：元'],
    ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    ['301', '工资福利支出', 8, 8, 0],
    ['302', '商品和服务支出', 2, 0, 2],
    ['合计', null, 10, 8, 2],
  ];

  it('is read as one title when the lines together name another table than the last line alone', () => {
    // 本支出预算表 alone reads as a 支出 table; the whole title is the 基本支出 table.
    const t = recogniseSheet(sheet(table('2025年部门一般公共预算基', '本支出预算表'), { merges: ['A1:E1'] }))[0]!;
    expect(t.type).toBe('general_budget_basic_expenditure');
    expect(t.title).toBe('2025年部门一般公共预算基本支出预算表');
    expect(t.titleRow).toBe(0);
  });

  it('is read from its first line when the second line is too short to be a title', () => {
    // The first line alone reads as the 一般公共预算 功能分类 table.
    const t = recogniseSheet(sheet(table('2025年部门一般公共预算基本支', '出表'), { merges: ['A1:E1'] }))[0]!;
    expect(t.type).toBe('general_budget_basic_expenditure');
  });

  it('keeps a part heading that closes with 表 apart from the title below it', () => {
    const t = recogniseSheet(sheet(table('某某单位2024年度部门决算表', '一般公共预算财政拨款基本支出决算表')))[0]!;
    expect(t.title).toBe('一般公共预算财政拨款基本支出决算表');
    expect(t.heading).toBe('某某单位2024年度部门决算表');
  });
});
