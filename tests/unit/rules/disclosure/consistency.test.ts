import { headConsistency } from '../../../../src/core/rules/disclosure/consistency';
import { BUDGET_SET, fnSheet } from '../../../helpers/disclosure';
import { workbook } from '../../../helpers/grid';
import { testRule } from '../../../helpers/rule-tester';

/** The national budget set with one table's title, body or unit changed. */
const setWith = (sheetName: string, change: { title?: string; body?: string; unit?: string }) =>
  workbook(
    ...BUDGET_SET.map(([name, title]) =>
      name === sheetName
        ? fnSheet(name, change.title ?? title, undefined, { body: change.body, unit: change.unit })
        : fnSheet(name, title),
    ),
  );

testRule(headConsistency, {
  valid: [
    { name: 'one year, one body, one unit', workbook: setWith('收入总表', {}) },
    {
      name: 'a body named with its region prefix is the same body',
      workbook: setWith('收入总表', { body: '浙江省某市教育局' }),
    },
    {
      name: 'the 部门预算经济分类 of a 单位 title is a classification, not the scope',
      workbook: workbook(
        ...BUDGET_SET.map(([name, title]) =>
          fnSheet(name, title.replace('部门', '单位').replace('基本支出表', '基本支出部门预算经济分类预算表')),
        ),
      ),
    },
    {
      name: 'a year in brackets after the table name (部门收入总表（2021年）) is not preceded by a body name',
      workbook: workbook(
        ...BUDGET_SET.map(([name, title]) => fnSheet(name, `${title.replace('2021年', '')}（2021年）`)),
      ),
    },
    {
      name: 'no two tables agree on a year (three tables, three years): nobody is the odd one out',
      workbook: workbook(
        fnSheet('收入总表', '2019年部门收入总表'),
        fnSheet('支出总表', '2020年部门支出总表'),
        fnSheet('财政拨款收支总表', '2021年部门财政拨款收支总表'),
      ),
    },
    {
      name: 'two tables only, of different bodies: no majority to accuse either',
      workbook: workbook(
        fnSheet('收入总表', '2021年部门收入总表', undefined, { body: '某市教育局' }),
        fnSheet('支出总表', '2021年部门支出总表', undefined, { body: '某市卫生局' }),
      ),
    },
    {
      name: 'a blank template in two units: its units are the template’s design, nothing was converted',
      workbook: workbook(
        ...BUDGET_SET.map(([name, title]) =>
          fnSheet(name, title, [['201', '一般公共服务支出', null]], {
            unit: name === '三公经费支出表' ? '万元' : '元',
          }),
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'a title of another year',
      workbook: setWith('收入总表', { title: '2020年部门收入总表' }),
      findings: [
        {
          severity: 'warning',
          sheet: '收入总表',
          cells: ['A1'],
          message: /^《2020年部门收入总表》标题年度为 2020 年，其余 7 张表为 2021 年$/,
        },
      ],
    },
    {
      name: 'another body in the 编制部门 line',
      workbook: setWith('支出总表', { body: '某市卫生健康委员会' }),
      findings: [
        {
          severity: 'warning',
          sheet: '支出总表',
          cells: ['A2'],
          message: /的编制部门（单位）为“某市卫生健康委员会”，其余各表为“某市教育局”$/,
        },
      ],
    },
    {
      name: 'a title naming another body',
      workbook: setWith('支出总表', { title: '某市卫生健康委员会2021年部门支出总表' }),
      findings: [
        {
          severity: 'warning',
          cells: ['A1'],
          message: /标题中的单位为“某市卫生健康委员会”，与其余各表的“某市教育局”不同$/,
        },
      ],
    },
    {
      name: 'a 决算 title in a 预算 disclosure',
      workbook: setWith('支出总表', { title: '2021年部门支出决算表' }),
      findings: [{ severity: 'warning', message: /^《2021年部门支出决算表》是决算表的标题，而本工作簿为预算公开$/ }],
    },
    {
      name: 'a 单位 title in a 部门 disclosure: a note',
      workbook: setWith('支出总表', { title: '2021年单位支出总表' }),
      findings: [
        { severity: 'info', message: /^《2021年单位支出总表》标题用“单位支出”，本工作簿其余各表按部门公开命名$/ },
      ],
    },
    {
      name: 'a table in 元 among tables in 万元: a note',
      workbook: setWith('支出总表', { unit: '元' }),
      findings: [
        {
          severity: 'info',
          sheet: '支出总表',
          message: /^各表金额单位不一致：《2021年部门支出总表》为元，其余 7 张为万元/,
        },
      ],
    },
  ],
});
