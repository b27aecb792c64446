import { recogniseSheet, recogniseWorkbook } from '../../../src/core/recognition/recognise';
import { rangeAddress } from '../../../src/core/snapshot/address';
import { buildReport } from '../../../src/core/report/report';
import { mapRows } from '../../../src/core/mapping/map-rows';
import { builtInCatalogs } from '../../../src/core/catalog/catalog';
import { combine, sheet, workbook, type GridValue } from '../../helpers/grid';
import { expenditureByFunction } from '../../helpers/tables';

const summary = (s: ReturnType<typeof sheet>) =>
  recogniseSheet(s).map((t) => ({
    range: rangeAddress(t.range),
    type: t.type,
    header: t.headerRows.map((r) => r + 1),
    data: t.dataRows?.map((r) => r + 1) ?? null,
  }));

describe('recognition of whole tables', () => {
  const fn = expenditureByFunction();

  it('reads title, unit, header, data and codes of a standard table', () => {
    const [t] = recogniseSheet(sheet(fn.rows, { merges: fn.merges, name: '一般公共预算支出表' }));
    expect(t).toMatchObject({
      type: 'general_budget_expenditure',
      typeSource: 'title',
      title: '2021年部门预算一般公共预算支出表',
      unit: '万元',
      headerRows: [2, 4],
      dataRows: [5, 10],
    });
    expect(t?.codes.map((c) => c.code)).toEqual(['208', '20805', '2080505', '20899', '2089999']);
    expect(t?.rows[0]).toMatchObject({ row: 5, kind: 'total' });
    expect(t?.columns.find((c) => c.col === 3)?.label).toBe('基本支出');
  });

  it.each([
    '表2 2021年部门预算一般公共预算支出表',
    '附表2-4：2021年部门预算一般公共预算支出表',
    '表2-4 2021年部门预算一般公共预算支出表',
  ])('reads a title numbered before its text (%s) as the title, not as a metadata line', (title) => {
    const [t] = recogniseSheet(sheet(expenditureByFunction(title).rows, { merges: fn.merges }));
    expect(t).toMatchObject({ type: 'general_budget_expenditure', typeSource: 'title', title });
  });

  it('keeps a numbering cell on its own line (附表2, 表1-1) as metadata above the title', () => {
    for (const numbering of ['附表2', '表1-1', '附表3:']) {
      const rows = [[numbering, null, null, null, null], ...fn.rows];
      const [t] = recogniseSheet(
        sheet(rows, { merges: fn.merges.map((m) => m.replace(/\d+/g, (n) => String(+n + 1))) }),
      );
      expect(t).toMatchObject({ title: '2021年部门预算一般公共预算支出表', headerRows: [3, 5] });
    }
  });

  it('finds the same table at any origin', () => {
    const at = (origin: string) => summary(sheet(fn.rows, { merges: fn.merges, origin }));
    expect(at('A1')).toEqual([{ range: 'A1:E11', type: 'general_budget_expenditure', header: [3, 5], data: [6, 11] }]);
    expect(at('C3')).toEqual([{ range: 'C3:G13', type: 'general_budget_expenditure', header: [5, 7], data: [8, 13] }]);
    expect(at('K40')[0]?.range).toBe('K40:O50');
  });

  it('separates stacked tables and side-by-side tables', () => {
    const a = sheet(fn.rows, { merges: fn.merges });
    const b = sheet(expenditureByFunction('部门预算支出总表').rows, { merges: fn.merges, origin: 'A15' });
    const c = sheet(expenditureByFunction('政府性基金预算支出表').rows, { merges: fn.merges, origin: 'G15' });
    const tables = summary(combine('公开表', a, b, c));
    expect(tables.map((t) => [t.range, t.type])).toEqual([
      ['A1:E11', 'general_budget_expenditure'],
      ['A15:E25', 'expenditure_summary'],
      ['G15:K25', 'government_fund_expenditure'],
    ]);
  });

  it('splits tables that follow each other without a blank row', () => {
    const rows: GridValue[][] = [
      ['收入总表', null],
      ['项目', '金额'],
      ['甲', 1],
      ['支出总表', null],
      ['项目', '金额'],
      ['乙', 2],
    ];
    expect(summary(sheet(rows, { merges: ['A1:B1', 'A4:B4'] })).map((t) => [t.range, t.type, t.data])).toEqual([
      ['A1:B3', 'income_summary', [3, 3]],
      ['A4:B6', 'expenditure_summary', [6, 6]],
    ]);
  });

  it('keeps a title above a blank row, and data below a blank row inside the table', () => {
    const rows: GridValue[][] = [
      ['2021年部门收入总表', null, null],
      [],
      ['单位：元', null, null],
      ['科目编码', '科目名称', '金额'],
      ['208', '社会保障和就业支出', 10],
      [],
      ['210', '卫生健康支出', 20],
      ['合计', null, 30],
    ];
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:C1'] }));
    expect(rangeAddress(t!.range)).toBe('A1:C8');
    expect(t).toMatchObject({ type: 'income_summary', unit: '元', dataRows: [4, 7] });
    expect(t?.rows.map((r) => r.kind)).toEqual(['item', 'item', 'total']);
  });

  it('keeps a template’s 合计 line left below the rows to fill, but not past another table or the notes below it', () => {
    const rows: GridValue[][] = [
      ['2026年部门支出预算总表', null, null],
      ['科目编码', '科目名称', '合计'],
      ['208', '社会保障和就业支出', 10],
      ['210', '卫生健康支出', 20],
      [],
      [],
      [],
      [],
      [],
      [],
      ['合计', null, 30],
      [],
      [],
      [],
      [],
      [],
      ['2026年部门收入预算总表', null, null],
      ['科目编码', '科目名称', '合计'],
      ['208', '社会保障和就业支出', 30],
      [],
      [],
      [],
      [],
      [],
      ['合计', null, 30],
      [],
      [],
      ['注：本表金额单位为万元', null, null],
      [],
      [],
      ['合计', null, 30],
    ];
    expect(summary(sheet(rows, { merges: ['A1:C1', 'A17:C17'] }))).toEqual([
      { range: 'A1:C11', type: 'expenditure_summary', header: [2, 2], data: [3, 11] },
      { range: 'A17:C28', type: 'income_summary', header: [18, 18], data: [19, 25] },
    ]);
  });

  it('reads a table with no data rows and keeps its note', () => {
    const rows: GridValue[][] = [
      ['政府性基金预算支出表', null, null],
      ['单位：万元', null, null],
      ['科目编码', '科目名称', '金额'],
      ['**', '**', '**'],
      ['本表无数据', null, null],
    ];
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:C1', 'A5:C5'] }));
    expect(t).toMatchObject({ type: 'government_fund_expenditure', headerRows: [2, 3], dataRows: null });
    expect(t?.notes).toEqual(['本表无数据']);
    expect(rangeAddress(t!.range)).toBe('A1:C5');
  });

  it('treats a two-sided 收支总表 as one table with two blocks', () => {
    const rows: GridValue[][] = [
      ['收支总表', null, null, null],
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', 100, '八、社会保障和就业支出', 40],
      [null, null, '十、卫生健康支出', 60],
      ['收入总计', 100, '支出总计', 100],
    ];
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:D1', 'A2:B2', 'C2:D2'] }));
    expect(t?.type).toBe('income_expenditure_summary');
    expect(t?.headerRows).toEqual([1, 2]);
    expect(t?.columns.map((c) => [c.role, c.block, c.label])).toEqual([
      ['name', 0, '收入/项目'],
      ['amount', 0, '收入/预算数'],
      ['name', 1, '支出/项目'],
      ['amount', 1, '支出/预算数'],
    ]);
    expect(t?.rows.at(-1)?.kind).toBe('total');
  });

  it('reads the 基本支出 economic table printed as three side-by-side 编码|名称|金额 groups', () => {
    const rows: GridValue[][] = [
      ['一般公共预算基本支出表', null, null, null, null, null, null, null, null],
      ['科目编码', '科目名称', '金额', '科目编码', '科目名称', '金额', '科目编码', '科目名称', '金额'],
      ['301', '工资福利支出', 10, '302', '商品和服务支出', 5, '310', '资本性支出', 1],
      ['30101', '基本工资', 6, '30201', '办公费', 5, '31002', '办公设备购置', 1],
      ['30102', '津贴补贴', 4, null, null, null, null, null, null],
    ];
    const tables = recogniseSheet(sheet(rows, { merges: ['A1:I1'] }));
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.type).toBe('general_budget_basic_expenditure');
    expect(new Set(t.columns.map((c) => c.block))).toEqual(new Set([0, 1, 2]));
    expect(t.codes.map((c) => `${c.row}:${c.code}:${c.block}`)).toEqual([
      '2:301:0',
      '2:302:1',
      '2:310:2',
      '3:30101:0',
      '3:30201:1',
      '3:31002:2',
      '4:30102:0',
    ]);
  });

  it('rebuilds split 类/款/项 codes, with or without repeated parents', () => {
    const header: GridValue[][] = [
      ['部门支出总表', null, null, null, null],
      ['功能分类科目编码', null, null, '功能分类科目名称', '合计'],
      ['类', '款', '项', null, null],
    ];
    const merges = ['A1:E1', 'A2:C2', 'D2:D3', 'E2:E3'];
    const repeated = [
      [205, null, null, '教育支出', 3],
      [205, '02', null, '普通教育', 3],
      [205, '02', '05', '高等教育', 3],
      ['合计', null, null, null, 3],
    ];
    const sparse = [
      [205, null, null, '教育支出', 3],
      [null, '02', null, '普通教育', 3],
      [null, null, '05', '高等教育', 1],
      [null, null, 8, '其他', 2],
      [null, 99, null, '其他教育支出', 0],
      ['合 计', null, null, null, 3],
    ];
    const codes = (data: GridValue[][]) =>
      recogniseSheet(sheet([...header, ...data], { merges }))[0]?.codes.map((c) => c.code);
    expect(codes(repeated)).toEqual(['205', '20502', '2050205']);
    expect(codes(sparse)).toEqual(['205', '20502', '2050205', '2050208', '20599']);
  });

  it('reads codes written with their name in one cell, and ignores unit codes', () => {
    const rows: GridValue[][] = [
      ['收入总表', null, null],
      ['单位', '科目', '金额'],
      ['510001-青海省某局', '2080505-机关事业单位基本养老保险缴费支出', 5],
      ['510001-青海省某局', '2101101 行政单位医疗', 3],
    ];
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:C1'] }));
    expect(t?.codes.map((c) => [c.code, c.name, c.col])).toEqual([
      ['2080505', '机关事业单位基本养老保险缴费支出', 1],
      ['2101101', '行政单位医疗', 1],
    ]);
  });

  it('reads amounts stored as text and a 合计 in the code column', () => {
    const rows: GridValue[][] = [
      ['支出总表', null, null],
      ['科目编码', '科目名称', '合计'],
      ['合计', null, '1,234.50'],
      ['208', '社会保障和就业支出', '1,234.50'],
    ];
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:C1'] }));
    expect(t?.columns[2]).toMatchObject({ role: 'amount' });
    expect(t?.rows.map((r) => r.kind)).toEqual(['total', 'item']);
    expect(t?.codes.map((c) => c.code)).toEqual(['208']);
  });

  it('reads a 绩效目标 table with its form row between title and header', () => {
    const rows: GridValue[][] = [
      ['1、城乡医疗救助县级补助项目绩效目标表', null, null, null],
      [
        '绩效目标',
        '1.对特困供养人员、低保对象、重残人员和贫困人口参加城乡居民医疗保险个人缴费部分给予全额资助。',
        null,
        null,
      ],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '资助人数', '≥34475人'],
      [null, '质量指标', '一站式及时结算率', '≥90%'],
    ];
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:D1', 'B2:D2'] }));
    expect(t).toMatchObject({ type: 'performance_targets_project', headerRows: [2, 2], dataRows: [3, 4] });
    expect(t?.columns.map((c) => c.role)).toEqual([
      'indicator_level1',
      'indicator_level2',
      'indicator_level3',
      'indicator_value',
    ]);
  });

  it('calls a table without a recognisable title unknown', () => {
    const rows: GridValue[][] = [
      ['人员情况', null],
      ['项目', '人数'],
      ['在职', 52],
    ];
    expect(recogniseSheet(sheet(rows, { name: 'Sheet1', merges: ['A1:B1'] }))[0]?.type).toBe('unknown');
  });

  it('finds nothing in an empty sheet, a cover page or a sheet of prose', () => {
    expect(recogniseSheet(sheet([]))).toEqual([]);
    expect(recogniseSheet(sheet([['2021年部门预算'], [], ['泉州市医疗保障局']]))).toEqual([]);
    expect(
      recogniseSheet(sheet([['第一部分 部门概况'], ['一、部门主要职责'], ['根据有关规定，本局的主要职责是……']])),
    ).toEqual([]);
  });

  it('reads a cover of label–value pairs as metadata, not as a table of unknown type', () => {
    const cover: GridValue[][] = [
      ['2021年度部门决算报表', null],
      [],
      ['单位名称', '泉州市医疗保障局'],
      ['单位代码', 350500123],
      ['单位负责人', '张某'],
      ['填表人', '王某'],
      ['报送日期', '2022年3月31日'],
    ];
    expect(recogniseSheet(sheet(cover, { name: '封面' }))).toEqual([]);
    // The same labels over amounts, or over amount headers left blank (a template), are a table.
    const withAmounts: GridValue[][] = [
      ['2021年单位情况', null, null],
      ['单位名称', '人数', '金额'],
      ['本级', 52, 1200.5],
      ['下属单位', 10, 300],
    ];
    expect(recogniseSheet(sheet(withAmounts, { merges: ['A1:C1'] }))).toHaveLength(1);
    const template: GridValue[][] = [
      ['2021年单位情况', null, null],
      ['单位名称', '合计', '基本支出'],
      ['本级', null, null],
    ];
    expect(recogniseSheet(sheet(template, { merges: ['A1:C1'] }))).toHaveLength(1);
  });

  it('survives error values and garbage text in amount columns', () => {
    const rows: GridValue[][] = [
      ['支出总表', null, null],
      ['科目编码', '科目名称', '合计'],
      ['208', '社会保障和就业支出', { error: '#REF!' }],
      ['210', '卫生健康支出', '见附件'],
      ['221', '住房保障支出', 3],
    ];
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:C1'] }));
    expect(t?.dataRows).toEqual([2, 4]);
    expect(t?.codes).toHaveLength(3);
  });
});

describe('workbook facts and report', () => {
  it('reads fiscal year and kind from titles, else from metadata and notes', () => {
    const fn = expenditureByFunction();
    expect(recogniseWorkbook(workbook(sheet(fn.rows, { merges: fn.merges })))).toMatchObject({
      fiscalYear: 2021,
      reportKind: 'budget',
    });
    const noYear = sheet(
      [
        ['收入决算表', null],
        ['编制单位：某局', '年度：2020'],
        ['项目', '金额'],
        ['甲', 1],
      ],
      { merges: ['A1:B1'] },
    );
    expect(recogniseWorkbook(workbook(noYear))).toMatchObject({ fiscalYear: 2020, reportKind: 'final' });
  });

  it('writes 1-based rows, letters and the code rows of the report format', () => {
    const fn = expenditureByFunction();
    const recognised = recogniseWorkbook(workbook(sheet(fn.rows, { merges: fn.merges, name: '表5' })));
    const report = buildReport(recognised, mapRows(recognised, [], builtInCatalogs()));
    expect(report.formatVersion).toBe(1);
    expect(report.tables[0]).toMatchObject({
      sheet: '表5',
      range: 'A1:E11',
      type: 'general_budget_expenditure',
      unit: '万元',
      headerRows: [3, 5],
      dataRows: [6, 11],
    });
    expect(report.tables[0]?.columns[0]).toEqual({
      column: 'A',
      role: 'function_code',
      label: '功能分类科目/科目编码',
    });
    expect(report.rows[0]).toEqual({
      sheet: '表5',
      row: 7,
      column: 'A',
      code: '208',
      classification: 'function',
      name: '社会保障和就业支出',
      source: 'cell',
      confidence: 1,
    });
    expect(report.findings).toEqual([]);
  });
});
