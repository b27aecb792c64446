import { typeCell, typeSheet } from '../../../src/core/recognition/cell-typing';
import { assignColumnRoles, dataCellsByColumn } from '../../../src/core/recognition/column-roles';
import { findHeaderBand, headerPaths } from '../../../src/core/recognition/header-band';
import { unitFromText, vote, yearFromText } from '../../../src/core/recognition/metadata';
import { labelRow } from '../../../src/core/recognition/row-labelling';
import { segmentSheet } from '../../../src/core/recognition/segmentation';
import { rowFeatures } from '../../../src/core/recognition/table-layout';
import { classifyTable, reportKindOf, typeFromText } from '../../../src/core/recognition/table-type';
import { normalizeLabel } from '../../../src/core/text/normalize';
import { sheet } from '../../helpers/grid';

describe('stage 1: cell typing', () => {
  it.each([
    [12.5, 'number'],
    ['23,047.39', 'numeric_text'],
    ['**', 'placeholder'],
    ['—', 'placeholder'],
    ['合计', 'text'],
    [true, 'boolean'],
    [{ error: '#REF!' }, 'error'],
    ['  ', null],
    [null, null],
  ])('%p is %p', (value, kind) => {
    expect(typeCell(value)).toBe(kind);
  });

  it('keeps merged followers out and records the span', () => {
    const t = typeSheet(
      sheet(
        [
          ['标题', null, null],
          ['a', 'b', 'c'],
        ],
        { merges: ['A1:C1'] },
      ),
    );
    expect(t.rows[0]).toHaveLength(1);
    expect(t.rows[0]?.[0]).toMatchObject({ text: '标题', right: 2, bottom: 0 });
  });
});

describe('stage 2: row labelling', () => {
  const label = (row: unknown[], merges: string[] = []) => {
    const t = typeSheet(sheet([row as never[]], { merges }));
    return labelRow(t, 0, 0, t.columnCount - 1);
  };

  it('recognises 栏次 rows, labelled or as a bare run', () => {
    expect(label(['栏次', '1', '2', '3']).isLineNumbers).toBe(true);
    expect(label(['栏次', 1, '栏次', 2, 3, 4]).isLineNumbers).toBe(true);
    expect(label(['甲', '乙', 1, 2, 3]).isLineNumbers).toBe(true);
    expect(label([1, 2, 3, 4, 5]).isLineNumbers).toBe(true);
    expect(label(['合计', 12.5, 3]).isLineNumbers).toBe(false);
  });

  it.each([
    [['单位：万元']],
    [['金额单位：万元(保留2位)']],
    [['编制单位：某某局', '单位:元']],
    [['473灵寿县医疗保障局', '预算年度：2021', '单位：万元']],
    [['部门公开表01']],
    [['公开 01 表']],
  ])('%p is metadata', (row) => {
    expect(label(row).isMeta).toBe(true);
  });

  it.each([
    ['注：本表为空。'],
    ['本表无数据'],
    ['注：无政府基金预算财政拨款预算，空表列示。'],
    ['本单位2021年度没有使用政府性基金预算拨款安排的支出。'],
  ])('%p is a note', (text) => {
    expect(label([text]).isNote).toBe(true);
  });

  it('sees titles, totals and placeholder rows', () => {
    expect(label(['2021年部门收支总表', null, null], ['A1:C1']).isTitle).toBe(true);
    expect(label(['2026年部门收入预算总表']).isMeta).toBe(false);
    expect(label(['合 计', 5]).isTotal).toBe(true);
    expect(label(['总合计：', 5]).isTotal).toBe(true);
    expect(label(['**', '**', '—']).isPlaceholderOnly).toBe(true);
  });
});

describe('stage 3: segmentation', () => {
  it('splits stacked tables at blank rows and side-by-side tables at blank columns', () => {
    const s = sheet(
      [
        ['表一', null, null, null, '表二', null],
        ['项目', '金额', null, null, '项目', '金额'],
        ['甲', 1, null, null, '乙', 2],
        [],
        ['表三', null],
        ['项目', '金额'],
      ],
      { merges: ['A1:B1', 'E1:F1'] },
    );
    const regions = segmentSheet(typeSheet(s));
    expect(regions).toEqual([
      { top: 0, bottom: 2, left: 0, right: 1 },
      { top: 0, bottom: 2, left: 4, right: 5 },
      { top: 4, bottom: 5, left: 0, right: 1 },
    ]);
  });

  it('returns nothing for an empty sheet', () => {
    expect(segmentSheet(typeSheet(sheet([])))).toEqual([]);
  });
});

describe('stage 4: header band', () => {
  const band = (rows: unknown[][], merges: string[], top = 0) => {
    const t = typeSheet(sheet(rows as never[][], { merges }));
    const region = { top: 0, bottom: t.rowCount - 1, left: 0, right: t.columnCount - 1 };
    const b = findHeaderBand(rowFeatures(t, region), top, region.bottom);
    return { band: b, paths: headerPaths(t, b, 0, t.columnCount - 1).map((p) => p.join('/')) };
  };

  it('flattens a two-row header with vertical and horizontal merges into paths', () => {
    const { band: b, paths } = band(
      [
        ['科目编码', '科目名称', '合计', '本年收入', null, '上年结转'],
        [null, null, null, '小计', '财政拨款收入', null],
        ['208', '社会保障和就业支出', 1, 1, 1, null],
      ],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2'],
    );
    expect([b.top, b.bottom]).toEqual([0, 1]);
    expect(paths).toEqual(['科目编码', '科目名称', '合计', '本年收入/小计', '本年收入/财政拨款收入', '上年结转']);
  });

  it('takes three header rows and the 栏次 row below them', () => {
    const { band: b, paths } = band(
      [
        ['项目', null, null, '一般公共预算基本支出', null, null],
        ['经济分类科目编码', null, '科目名称', '合计', '人员经费', '公用经费'],
        ['类', '款', null, null, null, null],
        ['栏次', '1', '2', '3', '4', '5'],
        [301, null, '工资福利支出', 10, 10, null],
      ],
      ['A1:C1', 'D1:F1', 'A2:B2', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3'],
    );
    expect([b.top, b.bottom]).toEqual([0, 3]);
    expect(b.auxiliaryRows).toEqual([3]);
    expect(paths).toEqual([
      '项目/经济分类科目编码/类',
      '项目/经济分类科目编码/款',
      '项目/科目名称',
      '一般公共预算基本支出/合计',
      '一般公共预算基本支出/人员经费',
      '一般公共预算基本支出/公用经费',
    ]);
  });

  it('counts a "**" row under the header as header', () => {
    const { band: b } = band(
      [
        ['科目编码', '科目名称', '合计'],
        ['**', '**', '**'],
        [null, '合计', 5],
      ],
      [],
    );
    expect([b.top, b.bottom]).toEqual([0, 1]);
  });

  it('reads parents written out in every column (no merge) as a second header row', () => {
    const { band: b, paths } = band(
      [
        ['项目', '本年收入', '本年收入'],
        [null, '财政拨款', '事业收入'],
        ['甲', 1, 2],
      ],
      [],
    );
    expect(b.bottom).toBe(1);
    expect(paths).toEqual(['项目', '本年收入/财政拨款', '本年收入/事业收入']);
  });

  it('stops before a text-only first data row', () => {
    const { band: b } = band(
      [
        ['项目', '预算数', '项目', '预算数'],
        ['一、财政拨款收入', null, '一、一般公共服务支出', null],
      ],
      [],
    );
    expect(b.bottom).toBe(0);
  });
});

describe('stage 5: table type', () => {
  it.each([
    ['2021年部门收支总表', 'income_expenditure_summary'],
    ['收支预算总表', 'income_expenditure_summary'],
    ['2026年部门财务收支预算总表', 'income_expenditure_summary'],
    ['收入支出决算总表', 'income_expenditure_summary'],
    ['部门预算收入总表', 'income_summary'],
    ['收入决算表', 'income_summary'],
    ['支出预算汇总表', 'expenditure_summary'],
    ['支出决算表', 'expenditure_summary'],
    ['财政拨款收支预算总表', 'fiscal_appropriation_summary'],
    ['财政拨款收入支出决算总表', 'fiscal_appropriation_summary'],
    ['一般公共预算拨款支出预算表', 'general_budget_expenditure'],
    ['一般公共预算财政拨款支出决算表', 'general_budget_expenditure'],
    ['2026年部门一般公共预算支出功能分类预算表', 'general_budget_expenditure'],
    ['一般公共预算支出经济分类情况表', 'general_budget_economic'],
    ['一般公共预算基本支出经济分类情况表', 'general_budget_basic_expenditure'],
    ['一般公共预算财政拨款基本支出决算表', 'general_budget_basic_expenditure'],
    ['部门预算财政拨款“三公”经费支出表', 'three_public_expenses'],
    ['"三公"经费支出决算表', 'three_public_expenses'],
    ['政府性基金预算财政拨款收入支出决算表', 'government_fund_expenditure'],
    ['部门预算政府基金预算财政拨款支出表', 'government_fund_expenditure'],
    ['国有资本经营预算财政拨款支出决算表', 'state_capital_expenditure'],
    ['项目支出预算表', 'project_expenditure'],
    ['政府采购预算表', 'government_procurement'],
    ['1、城乡医疗救助县级补助项目绩效目标表', 'performance_targets_project'],
    ['专项资金绩效目标批复表', 'performance_targets_project'],
    ['部门整体支出绩效目标表', 'performance_targets_department'],
    ['项目支出绩效自评表', 'performance_self_evaluation'],
    ['部门收入总体情况表', 'income_summary'],
    ['部门支出总体情况表', 'expenditure_summary'],
    ['部门收入总表（表二）', 'income_summary'],
    ['附表1：部门支出总表', 'expenditure_summary'],
    ['部门综合预算收支总表', 'income_expenditure_summary'],
    ['一般公共预算基本支出部门预算经济分类科目明细表', 'general_budget_basic_expenditure'],
    ['人员情况表', 'unknown'],
    ['机关运行经费支出表', 'unknown'],
    ['会议费培训费支出表', 'unknown'],
    ['政府购买服务支出表', 'unknown'],
    ['目录', 'unknown'],
  ])('%s → %s', (title, type) => {
    expect(typeFromText(title)).toBe(type);
  });

  it('uses the sheet name only as a fallback cue', () => {
    expect(classifyTable('收入总表', '支出表')).toEqual({ type: 'income_summary', source: 'title' });
    expect(classifyTable(null, '三公经费支出表')).toEqual({ type: 'three_public_expenses', source: 'sheet' });
    expect(classifyTable(null, 'Sheet1')).toEqual({ type: 'unknown', source: 'none' });
  });

  it('tells 预算 from 决算', () => {
    expect(reportKindOf('2021年部门预算收支总表')).toBe('budget');
    expect(reportKindOf('收入支出决算总表')).toBe('final');
    expect(reportKindOf('收支总表')).toBeNull();
  });
});

describe('stage 6: column roles', () => {
  const roles = (paths: string[][], columns: unknown[][]) => {
    const rows = columns[0]?.map((_, r) => columns.map((col) => col[r])) ?? [];
    const t = typeSheet(sheet(rows as never[][]));
    const cells = dataCellsByColumn(t, [0, rows.length - 1], 0, paths.length - 1);
    return assignColumnRoles(
      paths.map((p) => p.map(normalizeLabel)),
      cells,
      0,
    ).map((c) => [c.role, c.part ?? c.classification ?? '', c.block]);
  };

  it('names code, name and amount columns', () => {
    expect(
      roles(
        [['单位编码'], ['单位名称'], ['科目编码'], ['科目名称'], ['收入预算数']],
        [['445001'], ['某局'], ['2080505'], ['机关事业单位基本养老保险缴费支出'], [64.67]],
      ),
    ).toEqual([
      ['unit_code', '', 0],
      ['unit_name', '', 0],
      ['function_code', 'function', 0],
      ['name', '', 0],
      ['amount', '', 0],
    ]);
  });

  it('finds split 类/款/项 columns and economic codes by their path', () => {
    expect(
      roles(
        [['经济分类科目编码', '类'], ['经济分类科目编码', '款'], ['科目名称'], ['合计']],
        [[301], ['01'], ['基本工资'], [5]],
      ),
    ).toEqual([
      ['code_part', 'class', 0],
      ['code_part', 'section', 0],
      ['name', '', 0],
      ['amount', '', 0],
    ]);
  });

  it('turns a "code" column that holds names into a name column', () => {
    expect(
      roles(
        [['经济科目代码'], ['金额']],
        [
          ['工资福利支出', '基本工资'],
          [1, 2],
        ],
      ),
    ).toEqual([
      ['name', '', 0],
      ['amount', '', 0],
    ]);
  });

  it('reads economic codes under a plain 科目编码 header', () => {
    expect(
      roles(
        [['科目编码'], ['金额']],
        [
          [301, 30101],
          [1, 2],
        ],
      )[0],
    ).toEqual(['economic_code', 'economic', 0]);
  });

  it('does not read amounts shaped like codes as codes', () => {
    expect(
      roles(
        [['项目支出'], ['合计']],
        [
          [13466, 14117],
          [1, 2],
        ],
      )[0],
    ).toEqual(['amount', '', 0]);
  });

  it('splits two-sided and repeated 编码|名称|金额 groups into blocks', () => {
    expect(
      roles(
        [
          ['收入', '项目'],
          ['收入', '预算数'],
          ['支出', '项目'],
          ['支出', '预算数'],
        ],
        [['一、拨款'], [1], ['一、支出'], [1]],
      ).map((r) => r[2]),
    ).toEqual([0, 0, 1, 1]);
    expect(
      roles(
        [['科目编码'], ['科目名称'], ['金额'], ['科目编码'], ['科目名称'], ['金额']],
        [[301], ['工资福利支出'], [1], [302], ['商品和服务支出'], [2]],
      ).map((r) => r[2]),
    ).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe('metadata', () => {
  it.each([
    ['单位:万元', '万元'],
    ['金额单位:万元(保留2位)', '万元'],
    ['单位:元', '元'],
    ['单位:千元', '千元'],
    ['编制单位:某局', null],
  ])('%s → %p', (text, unit) => {
    expect(unitFromText(text)).toBe(unit);
  });

  it.each([
    ['2021年部门预算', 2021],
    ['预算年度：2021', 2021],
    ['2021年度', 2021],
    ['2080505', null],
    ['共 12 项', null],
    ['308.2052', null],
    ['1,2021', null],
    ['本单位，2021年无此项支出', 2021],
    ['编制日期 2021', 2021],
  ])('%s → %p', (text, year) => {
    expect(yearFromText(text)).toBe(year);
  });

  it('votes', () => {
    expect(vote([2021, 2020, 2021])).toBe(2021);
    expect(vote([])).toBeNull();
  });
});
