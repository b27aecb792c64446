import library from '../../../../src/data/performance/indicator-library.json';
import placeholders from '../../../../src/data/disclosure/placeholders.json';
import { templateResidue } from '../../../../src/core/rules/disclosure/placeholder';
import { budgetSet, fnSheet } from '../../../helpers/disclosure';
import { sheet, workbook } from '../../../helpers/grid';
import { testRule } from '../../../helpers/rule-tester';

const narrative = (text: string, name = '编制说明') => sheet([['2021年部门预算编制说明'], [text]], { name });
const suggestion = library.project[0] as (typeof library.project)[number];
/** A 项目支出绩效目标表 as the add-in inserts it: its suggested indicators still in place. */
const inserted = (basis: string, name = suggestion.level3) =>
  sheet(
    [
      ['项目支出绩效目标表'],
      ['一级指标', '二级指标', '三级指标', '指标值', '指标值设定依据'],
      [suggestion.level1, suggestion.level2, name, '', basis],
      ['产出指标', '质量指标', '资金到位率', '=100%', basis === suggestion.basis ? '建议指标：计划标准' : basis],
    ],
    { name: '绩效目标表' },
  );

testRule(templateResidue, {
  valid: [
    { name: 'a filled-in set', workbook: workbook(...budgetSet()) },
    {
      name: 'a narrative with real figures and chosen wording',
      workbook: workbook(
        ...budgetSet(),
        narrative('2021年，本部门收入预算1,234.56万元，比2020年预算增加12.00万元，主要原因是人员增加。'),
      ),
    },
    {
      name: 'letters inside words and a single × are not placeholders; 某市 is a real name in these tests',
      workbook: workbook(...budgetSet(), narrative('本部门 TEXT 系统 1×2 台，某市教育局 Excel 表格已按要求填报。')),
    },
    {
      name: 'the add-in’s suggestions rewritten by the user',
      workbook: workbook(...budgetSet(), inserted('年度工作计划', '培训人次')),
    },
  ],
  invalid: [
    {
      name: 'a body name left as XX in the metadata',
      workbook: workbook(
        ...budgetSet(['收入总表']),
        fnSheet('收入总表', '2021年部门收入总表', undefined, { body: '上海市XX局' }),
      ),
      findings: [{ severity: 'warning', sheet: '收入总表', cells: ['A2'], message: /^《收入总表》A2 仍有占位符“XX”/ }],
    },
    {
      name: 'amounts and alternatives left in a narrative',
      workbook: workbook(
        ...budgetSet(),
        narrative('2021年，XX收入预算x,xxx万元，比2020年预算增加（减少）XXX万元（持平）；某某单位待填写。'),
      ),
      findings: [
        {
          severity: 'warning',
          cells: ['A2'],
          message:
            /仍有占位符“XX”“x,xxx”“XXX” 等 5 种、未选定的备选措辞“增加（减少）”“（持平）”，提交前应替换为实际内容$/,
        },
      ],
    },
    {
      name: 'a template instruction left in place: a note',
      workbook: workbook(
        ...budgetSet(),
        narrative('无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：', '说明'),
      ),
      findings: [{ severity: 'info', message: /模板填表说明“仍保留该表格式”“作下述说明”，提交前应删除$/ }],
    },
    {
      name: 'sample rows of ellipses inside a table: one note for the table',
      workbook: workbook(
        ...budgetSet(['支出总表']),
        fnSheet('支出总表', '2021年部门支出总表', [
          ['201', '一般公共服务支出', 10],
          ['…', '…', null],
          ['……', '……', null],
        ]),
      ),
      findings: [
        { severity: 'info', cells: ['A5'], message: /^《2021年部门支出总表》有 2 行只有省略号（模板示例行）/ },
      ],
    },
    {
      name: 'the add-in’s suggestions still in place: one finding for the sheet, not one per （请填写）',
      workbook: workbook(...budgetSet(), inserted(suggestion.basis)),
      findings: [
        {
          severity: 'warning',
          sheet: '绩效目标表',
          cells: ['E3'],
          message: /^《绩效目标表》仍有 2 条本助手插入的建议指标未改写/,
        },
      ],
    },
    {
      name: 'a blank template: one note for the workbook',
      workbook: workbook(
        ...budgetSet()
          .slice(0, 4)
          .map((s) => ({
            ...s,
            rows: s.rows.map((r) => r?.map((c) => (typeof c?.value === 'number' ? undefined : c))),
          })),
        narrative('XX收入预算x,xxx万元，比2020年预算增加（减少）XXX万元。'),
      ),
      findings: [
        {
          severity: 'info',
          sheet: '编制说明',
          message:
            /^各表均未填金额，按空白模板处理，不逐条报告：模板中有占位符（1 个单元格）、未选定的备选措辞（1 个单元格）/,
        },
      ],
    },
  ],
});

describe('placeholders.json examples (what the layout generator’s placeholder slip writes)', () => {
  const kinds = new Map(placeholders.kinds.map((k) => [k.id, k.patterns.map((p) => new RegExp(p, 'u'))]));
  it.each(Object.entries(placeholders.examples).flatMap(([place, e]) => e.texts.map((t) => [place, t, e.kind])))(
    'the %s example “%s” is matched by its kind (%s) and by no other',
    (_place, text, kind) => {
      const matching = [...kinds].filter(([, patterns]) => patterns.some((p) => p.test(`本部门${text}情况`)));
      expect(matching.map(([id]) => id)).toEqual([kind]);
    },
  );
});
