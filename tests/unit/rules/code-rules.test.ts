import { codeLevelRule } from '../../../src/core/rules/code/level';
import { codeNameMismatch } from '../../../src/core/rules/code/name-mismatch';
import { codeObsolete } from '../../../src/core/rules/code/obsolete';
import { codeUnknown } from '../../../src/core/rules/code/unknown';
import type { CatalogData } from '../../../src/core/catalog/catalog';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { testRule } from '../../helpers/rule-tester';

/** A function-classified table: title with year, header, then [code, name, amount] lines. */
const fnTable = (name: string, lines: GridValue[][], year = 2021) =>
  sheet([[`${year}年部门预算${name}`, null, null], ['科目编码', '科目名称', '合计'], ...lines], {
    name,
    merges: ['A1:C1'],
  });
const ecoTable = (lines: GridValue[][]) =>
  sheet([['2021年一般公共预算基本支出表', null, null], ['科目编码', '科目名称', '合计'], ...lines], {
    name: '基本支出表',
    merges: ['A1:C1'],
  });

const official: CatalogData = {
  classification: 'function',
  complete: true,
  sources: { 官方: '2021年政府收支分类科目' },
  entries: [
    {
      code: '208',
      level: 1,
      parent: null,
      versions: [
        {
          name: '社会保障和就业支出',
          observed: [2021, 2021],
          validFrom: 2021,
          validTo: 2021,
          verified: true,
          sources: ['官方'],
        },
      ],
    },
  ],
};

testRule(codeUnknown, {
  valid: [
    {
      name: 'known codes',
      workbook: workbook(
        fnTable('支出总表', [
          ['210', '卫生健康支出', 1],
          ['2101101', '行政单位医疗', 1],
        ]),
      ),
    },
    {
      name: 'a code whose 款 the catalog does not know is not judged',
      workbook: workbook(fnTable('支出总表', [['2339901', '某支出', 1]])),
    },
  ],
  invalid: [
    {
      name: 'the name points to a verified line with another code',
      workbook: workbook(ecoTable([['30197', '其他社会保障缴费', 1]])),
      findings: [{ severity: 'warning', cells: ['A3', 'B3'], message: /30197.*“其他社会保障缴费”的编码应为 30112/ }],
    },
    {
      name: 'the same name is coded differently in another table',
      workbook: workbook(
        fnTable('支出总表', [['2101197', '特殊人群医疗补助', 3]]),
        fnTable('收入总表', [['2101199', '特殊人群医疗补助', 3]]),
      ),
      findings: [{ severity: 'warning', sheet: '支出总表', message: /2101197.*同名行在《收入总表》中编码为 2101199/ }],
    },
    {
      name: 'absence alone, with the parent known, is only a note',
      workbook: workbook(fnTable('支出总表', [['2101198', '某某补助', 1]])),
      findings: [{ severity: 'info', cells: ['A3', 'B3'], message: /1 个编码不在内置的 2021 年科目表中.*请导入当年/ }],
    },
    {
      name: 'codes missing from the built-in list make one note per workbook, each code listed once',
      workbook: workbook(
        fnTable('支出总表', [
          ['2101198', '某某补助', 1],
          ['2101197', '另一补助', 1],
        ]),
        fnTable('收入总表', [['2101198', '某某补助', 1]]),
      ),
      findings: [
        {
          severity: 'info',
          sheet: '支出总表',
          cells: ['A3', 'B3', 'A4', 'B4'],
          message:
            /^2 个编码.*支出功能分类 2 个：2101198 某某补助（《支出总表》《收入总表》）、2101197 另一补助（《支出总表》）/,
        },
      ],
    },
    {
      name: 'absence from an imported official catalog is a warning',
      workbook: workbook(fnTable('支出总表', [['209', '某某支出', 1]])),
      catalogs: [official],
      findings: [{ severity: 'warning', message: /依据导入的官方科目表/ }],
    },
  ],
});

testRule(codeObsolete, {
  valid: [
    { name: 'valid in its year', workbook: workbook(fnTable('支出总表', [['2130599', '其他扶贫支出', 1]], 2021)) },
    {
      name: 'no year, no judgement',
      workbook: workbook(
        sheet([
          ['科目编码', '科目名称'],
          ['2130599', '其他扶贫支出'],
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: 'ended before the fiscal year',
      workbook: workbook(fnTable('支出总表', [['2130599', '其他扶贫支出', 1]], 2023)),
      findings: [{ severity: 'warning', cells: ['A3', 'B3'], message: /适用至 2021 年，不适用于 2023 年/ }],
    },
  ],
});

testRule(codeNameMismatch, {
  valid: [
    {
      name: 'names equal up to spelling and known synonyms',
      workbook: workbook(
        ecoTable([
          ['30110', '城镇职工基本医疗保险缴费', 1],
          ['30213', '维修（护）费', 1],
          ['30101', '基本工资 ', 1],
        ]),
      ),
    },
    {
      name: 'project names in a project table are not classification names',
      workbook: workbook(
        sheet(
          [
            ['2021年项目支出预算表', null, null],
            ['项目名称', '功能科目', '合计'],
            ['医保业务经费', '2101550', 5],
          ],
          {
            name: '项目支出表',
            merges: ['A1:C1'],
          },
        ),
      ),
    },
    {
      name: 'a name the quanzhou 2021 disclosure prints for 309',
      workbook: workbook(ecoTable([['309', '基本建设支出', 1]])),
    },
  ],
  invalid: [
    {
      name: 'the same code named differently across tables: the catalog-backed name wins',
      workbook: workbook(
        fnTable('收入总表', [['2101550', '事业运行', 1]]),
        fnTable('支出总表', [['2101550', '行政单位医疗', 1]]),
        fnTable('一般公共预算支出表', [['2101550', '事业运行', 1]]),
      ),
      findings: [
        {
          severity: 'warning',
          sheet: '支出总表',
          cells: ['A3', 'B3'],
          message: /在《支出总表》中名为“行政单位医疗”，在《收入总表》中为“事业运行”/,
        },
      ],
    },
    {
      name: 'against a verified catalog line',
      workbook: workbook(fnTable('支出总表', [['2101501', '事业运行', 1]])),
      findings: [{ severity: 'warning', message: /2101501 名称“事业运行”与科目名称“行政运行”不符$/ }],
    },
    {
      name: 'against an unverified catalog line only a note',
      workbook: workbook(fnTable('支出总表', [['2080101', '机关服务', 1]])),
      findings: [{ severity: 'info', message: /内置科目未经核实/ }],
    },
  ],
});

testRule(codeLevelRule, {
  valid: [
    {
      name: '类, 款, 项 in order',
      workbook: workbook(
        fnTable('支出总表', [
          ['210', '卫生健康支出', 2],
          ['21011', '行政事业单位医疗', 1],
          ['2101101', '行政单位医疗', 1],
          ['21012', '财政对基本医疗保险基金的补助', 1],
          ['2101202', '财政对城乡居民基本医疗保险基金的补助', 1],
        ]),
      ),
    },
    {
      name: 'a flat list of 项 has no hierarchy to judge',
      workbook: workbook(
        fnTable('收入总表', [
          ['2101202', 'a', 1],
          ['2080505', 'b', 1],
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: 'a 项 under the wrong 款',
      workbook: workbook(
        fnTable('支出总表', [
          ['210', '卫生健康支出', 2],
          ['21011', '行政事业单位医疗', 1],
          ['2101202', '财政对城乡居民基本医疗保险基金的补助', 1],
        ]),
      ),
      findings: [
        {
          severity: 'warning',
          cells: ['A5', 'B5', 'A4', 'B4'],
          message: /2101202 .* 列在 21011 .* 之下，其上级应为 21012/,
        },
      ],
    },
  ],
});
