import { projectTargetsFunds } from '../../../../src/core/rules/cross_table/project-targets';
import { sheet, workbook } from '../../../helpers/grid';
import { testRule } from '../../../helpers/rule-tester';

const spending = (project: number) =>
  sheet(
    [
      ['2021年部门支出总表'],
      ['编制部门：某市教育局', null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['205', '教育支出', 100 + project, 100, project],
      [null, '合计', 100 + project, 100, project],
    ],
    { name: '支出总表', merges: ['A1:E1'] },
  );

/** A 项目支出绩效目标表 laid out as the add-in inserts it: 中期 and 年度 资金总额, unit line, an indicator. */
const form = (name: string, year: number, opts: { mid?: number; unit?: string | null } = {}) =>
  sheet(
    [
      ['项目支出绩效目标表'],
      ['（2021年度）', null, null, null, null, null, null, opts.unit === null ? null : (opts.unit ?? '单位：万元')],
      ['项目名称', name],
      ['项目资金', null, null, '中期资金总额', null, '年度资金总额'],
      [null, '资金总额', null, opts.mid ?? year, null, year],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      [null, '产出指标', '数量指标', '培训人次', '≥100人'],
      [null, '效益指标', '社会效益指标', '群众满意度', '≥90%'],
    ],
    { name: `绩效目标-${name}`, merges: ['B5:C5', 'D4:E4', 'F4:G4', 'D5:E5', 'F5:G5'] },
  );

/** The seeds' 专项资金绩效目标批复表: 实施期 | 当年度 blocks of 资金总额：| amount pairs. */
const approval = (name: string, period: number, year: number) =>
  sheet(
    [
      ['2021年专项资金绩效目标批复表'],
      ['项目名称', name],
      ['项目资金申请（万元）', '实施期', null, '当年度'],
      [null, '资金总额：', period, '资金总额：', year],
      ['一级指标', '二级指标', '三级指标', '实施期目标', '当年度目标'],
      [null, null, null, '绩效目标值', '半年目标值', '全年目标值'],
      ['产出指标', '数量指标', '培训人次', '≥100人', '≥50人', '≥100人'],
    ],
    { name: `批复表-${name}` },
  );

testRule(projectTargetsFunds, {
  valid: [
    {
      name: 'forms below the 项目支出 (not every project has one); 中期 amounts above the year are not the year',
      workbook: workbook(spending(50), form('培训', 20, { mid: 200 }), form('设备', 25)),
    },
    {
      name: 'forms summing to exactly the 项目支出',
      workbook: workbook(spending(50), form('培训', 20), form('设备', 30)),
    },
    {
      name: 'a form without a stated unit is not compared',
      workbook: workbook(spending(50), form('培训', 80, { unit: null })),
    },
    {
      name: 'a 批复表 read in its 当年度 block: a 实施期 of several years above the 项目支出 is not the year',
      workbook: workbook(spending(50), approval('培训', 150, 40)),
    },
  ],
  invalid: [
    {
      name: 'the forms together exceed the 项目支出',
      workbook: workbook(spending(50), form('培训', 40), form('设备', 30)),
      findings: [
        {
          severity: 'warning',
          sheet: '绩效目标-培训',
          cells: ['F5', '绩效目标-设备!F5'],
          message:
            /^2 张项目支出绩效目标表的资金总额合计 70\.00 万元，大于《部门支出总表》项目支出合计 50\.00 万元（超出 20\.00 万元）$/,
        },
      ],
    },
    {
      name: 'a 批复表 whose 当年度 资金总额 exceeds the 项目支出 (its 实施期 amount does not)',
      workbook: workbook(spending(50), approval('培训', 40, 60)),
      findings: [{ severity: 'warning', sheet: '批复表-培训', cells: ['E4'], message: /合计 60\.00 万元，大于/ }],
    },
    {
      name: 'a form in 元 beside a 支出总表 in 万元',
      workbook: workbook(spending(50), form('培训', 600000, { unit: '单位：元' })),
      findings: [{ severity: 'warning', message: /资金总额合计 60\.00 万元，大于.*项目支出合计 50\.00 万元/ }],
    },
  ],
});
