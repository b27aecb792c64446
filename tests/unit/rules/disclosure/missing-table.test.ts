import { contentsMismatch } from '../../../../src/core/rules/disclosure/contents';
import { missingTable } from '../../../../src/core/rules/disclosure/missing-table';
import { BUDGET_SET, budgetSet, fnSheet } from '../../../helpers/disclosure';
import { sheet, workbook } from '../../../helpers/grid';
import { testRule } from '../../../helpers/rule-tester';

const contents = (...entries: string[]) =>
  sheet([['目  录'], ...entries.map((e, i) => [`${i + 1}. ${e} …………………… ${i + 3}`])], { name: '目录' });

testRule(missingTable, {
  valid: [
    { name: 'the whole national 部门预算 set', workbook: workbook(...budgetSet()) },
    {
      name: 'a table continued on another sheet counts once, an emptied fund table keeps its title',
      workbook: workbook(
        ...budgetSet(['政府性基金支出表']),
        fnSheet('支出总表（续）', '2021年部门支出总表（续）'),
        sheet([['2021年部门政府性基金预算支出表'], ['本部门无政府性基金预算财政拨款安排的支出。']], {
          name: '表8',
        }),
      ),
    },
    {
      name: 'a workbook of a few tables is not a disclosure set',
      workbook: workbook(fnSheet('支出总表', '2021年部门支出总表'), fnSheet('收入总表', '2021年部门收入总表')),
    },
    {
      name: 'a 目录 whose tables are all present',
      workbook: workbook(contents('2021年部门收支总表', '2021年部门收入总表'), ...budgetSet()),
    },
    {
      name: 'no report kind, no set to judge against',
      workbook: workbook(fnSheet('支出总表', '部门支出总表'), fnSheet('收入总表', '部门收入总表')),
    },
  ],
  invalid: [
    {
      name: 'the 三公 table removed: named, with where it would be',
      workbook: workbook(...budgetSet(['三公经费支出表'])),
      findings: [
        {
          severity: 'warning',
          sheet: '一般公共预算基本支出表',
          cells: ['A1'],
          message:
            /^缺少《部门一般公共预算“三公”经费支出表》（部门预算公开表应有 8 张，本工作簿有 7 张；按公开表顺序应在《部门一般公共预算基本支出表》之后）$/,
        },
      ],
    },
    {
      name: 'the first table removed: before the next one',
      workbook: workbook(...budgetSet(['收支总表'])),
      findings: [{ severity: 'warning', sheet: '收入总表', message: /缺少《部门收支总表》.*应在《部门收入总表》之前/ }],
    },
    {
      name: 'a 单位 disclosure names the table as 单位',
      workbook: workbook(
        ...budgetSet(['支出总表']).map((s) => ({
          ...s,
          rows: s.rows.map((r) =>
            r?.map((c) => (c && typeof c.value === 'string' ? { value: c.value.replace('部门', '单位') } : c)),
          ),
        })),
      ),
      findings: [{ severity: 'warning', message: /^缺少《单位支出总表》（单位预算公开表应有 8 张/ }],
    },
    {
      name: 'a table its 目录 lists is missing: at the 目录 entry',
      workbook: workbook(contents('2021年部门收支总表', '2021年部门项目支出表'), ...budgetSet()),
      findings: [
        { severity: 'warning', sheet: '目录', cells: ['A3'], message: /缺少《2021年部门项目支出表》：目录第 2 项/ },
      ],
    },
    {
      name: 'with a table of unrecognised type, only a note',
      workbook: workbook(
        ...budgetSet(['政府性基金支出表']),
        sheet([['某某情况表'], ['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', 1]], { name: '附表' }),
      ),
      findings: [{ severity: 'info', message: /缺少《部门政府性基金预算支出表》.*1 张未识别类型的表/ }],
    },
    {
      name: 'Shanghai: its own set and names (国有资本经营 required)',
      workbook: workbook(
        ...[
          ['1', '2025年部门财务收支预算总表'],
          ['2', '2025年部门收入预算总表'],
          ['3', '2025年部门支出预算总表'],
          ['4', '2025年部门财政拨款收支预算总表'],
          ['5', '2025年部门一般公共预算支出功能分类预算表'],
          ['6', '2025年部门政府性基金预算支出功能分类预算表'],
          ['8', '2025年部门一般公共预算基本支出部门预算经济分类预算表'],
          ['9', '2025年部门“三公”经费和机关运行经费预算表'],
        ].map(([n, t]) => fnSheet(`Table ${n}`, t as string, undefined, { body: '上海市普陀区某某局' })),
      ),
      findings: [
        {
          severity: 'warning',
          sheet: 'Table 6',
          message:
            /^缺少《部门国有资本经营预算支出功能分类预算表》（部门预算公开表（上海市）应有 9 张，本工作簿有 8 张/,
        },
      ],
    },
  ],
});

testRule(contentsMismatch, {
  valid: [
    {
      name: 'every table listed',
      workbook: workbook(contents(...BUDGET_SET.map(([, title]) => title)), ...budgetSet()),
    },
    {
      name: 'a 目录 of sections only is not a table list',
      workbook: workbook(contents('一、部门职责', '二、机构设置'), ...budgetSet()),
    },
  ],
  invalid: [
    {
      name: 'a table present but not listed',
      workbook: workbook(contents(...BUDGET_SET.slice(0, 7).map(([, title]) => title)), ...budgetSet()),
      findings: [
        {
          severity: 'info',
          sheet: '政府性基金支出表',
          cells: ['A1'],
          message: /“2021年部门政府性基金预算支出表”未列入目录（目录列有 7 张表）/,
        },
      ],
    },
  ],
});
