import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../../src/adapters/xlsx/read-xlsx';
import { formsOf, targetsOfProjects } from '../../../src/core/performance/find-forms';
import {
  planDepartmentTargets,
  planProjectTargets,
  projectsOf,
  departmentOf,
} from '../../../src/core/performance/insert-targets';
import { planFillSelfEvaluation } from '../../../src/core/performance/fill-in-place';
import { planSelfEvaluations } from '../../../src/core/performance/insert-self-evaluation';
import { applyPlanToSnapshot } from '../../../src/core/plans/apply-to-snapshot';
import { invertPlan } from '../../../src/core/plans/types';
import { recogniseWorkbook } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import { costOperator } from '../../../src/core/rules/performance/cost-operator';
import { indicatorFramework } from '../../../src/core/rules/performance/framework';
import { impossibleRate } from '../../../src/core/rules/performance/rate';
import { scoreArithmetic } from '../../../src/core/rules/performance/scores';
import { fundsContradiction } from '../../../src/core/rules/performance/funds';
import { completionRatioRule } from '../../../src/core/rules/performance/completion';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { testRule } from '../../helpers/rule-tester';
import { nineteenIndicators, selfEvaluation } from '../../helpers/self-evaluation';

const targets = (rows: GridValue[][]) =>
  workbook(
    sheet(
      [['1、城乡医疗救助项目绩效目标表', null, null, null], ['一级指标', '二级指标', '三级指标', '指标值'], ...rows],
      { name: '项目绩效目标表', merges: ['A1:D1'] },
    ),
  );

testRule(costOperator, {
  valid: [{ name: 'a cost cap', workbook: targets([['产出指标', '成本指标', '宣传资料印刷成本', '≤2.5元']]) }],
  invalid: [
    {
      name: 'a cost floor (88 practice)',
      workbook: targets([['产出指标', '成本指标', '宣传资料印刷成本', '≥2.5元']]),
      findings: [
        { severity: 'warning', cells: ['D3'], message: /“宣传资料印刷成本”是成本指标，指标值“≥2.5元”设了下限/ },
      ],
    },
    {
      name: 'a cost floor (2021 framework)',
      workbook: targets([['成本指标', '经济成本指标', '人均成本', '不低于300元']]),
      findings: [{ severity: 'warning', cells: ['D3'] }],
    },
  ],
});

testRule(indicatorFramework, {
  valid: [
    {
      name: 'all three 一级 with values (aliases and blank parents)',
      workbook: targets([
        ['产出指标', '数量指标', '资助人数', '≥34475人'],
        [null, '进度指标', '完成时限', '按时完成'],
        ['效益指标', '环境效益', '减排', '有效'],
        ['满意度', '服务对象满意度', '满意度', '≥90%'],
      ]),
    },
    {
      name: 'the header repeated after a page break inside the form: one form, its indicators on both pages',
      workbook: targets([
        ['产出指标', '数量指标', '资助人数', '≥34475人'],
        [null, '进度指标', '完成时限', '按时完成'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['效益指标', '环境效益', '减排', '有效'],
        ['满意度', '服务对象满意度', '满意度', '≥90%'],
      ]),
    },
  ],
  invalid: [
    {
      name: 'no 满意度 and an empty value',
      workbook: targets([
        ['产出指标', '数量指标', '资助人数', null],
        ['效益指标', '社会效益指标', '负担减轻', '有效缓解'],
      ]),
      findings: [
        { severity: 'warning', message: /缺少一级指标：满意度指标/ },
        { severity: 'warning', cells: ['D3'], message: /“资助人数”没有指标值/ },
      ],
    },
  ],
});

testRule(impossibleRate, {
  valid: [
    { name: 'rates within 100%', workbook: targets([['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%']]) },
    {
      name: 'rates that can pass 100% (到位率, 参保率)',
      workbook: targets([
        ['产出指标', '质量指标', '资金到位率', '105%'],
        ['效益指标', '社会效益指标', '城乡居民参保率', '≥101%'],
      ]),
    },
  ],
  invalid: [
    {
      name: 'a rate above 100%',
      workbook: targets([['满意度指标', '服务对象满意度指标', '群众满意度', '≥110%']]),
      findings: [{ severity: 'warning', message: /“群众满意度”的指标值“≥110%”超过 100%/ }],
    },
    {
      name: 'a coverage or awareness rate above 100%',
      workbook: targets([
        ['效益指标', '社会效益指标', '政策知晓率', '≥120%'],
        ['产出指标', '数量指标', '医保覆盖率', '101%'],
      ]),
      findings: [
        { severity: 'warning', message: /“政策知晓率”的指标值“≥120%”超过 100%/ },
        { severity: 'warning', message: /“医保覆盖率”的指标值“101%”超过 100%/ },
      ],
    },
  ],
});

testRule(scoreArithmetic, {
  valid: [
    {
      name: '19 indicators, 分值 summing to 100 with the funds block, 得分 94 → 优',
      workbook: workbook(selfEvaluation(nineteenIndicators(), 94, '优')),
    },
  ],
  invalid: [
    {
      name: 'a total that is not the sum of the scores',
      workbook: workbook(selfEvaluation(nineteenIndicators(), 95, '优')),
      findings: [{ severity: 'error', message: /总分 95 ≠ 各项得分之和 94/ }],
    },
    {
      name: 'a grade that does not match the total',
      workbook: workbook(selfEvaluation(nineteenIndicators(), 94, '良')),
      findings: [{ severity: 'error', message: /总分 94 对应等级“优”，表中为“良”/ }],
    },
    {
      name: 'points not summing to 100 and a score above its points',
      workbook: workbook(
        selfEvaluation(
          nineteenIndicators().map((i, k) => (k === 0 ? { ...i, weight: 4, score: 4.5 } : i)),
          94,
          '优',
        ),
      ),
      findings: [
        { severity: 'error', message: /各项分值合计 99，应为 100/ },
        { severity: 'error', message: /“产出1”得分 4\.5 超过分值 4/ },
      ],
    },
  ],
});

describe('self-evaluation: reading and filling in place', () => {
  it('reads the 19-indicator fixture', () => {
    const wb = workbook(selfEvaluation(nineteenIndicators(), 94, '优'));
    const [form] = formsOf(wb, recogniseWorkbook(wb));
    expect(form?.indicators).toHaveLength(19);
    expect(form?.indicators[10]).toMatchObject({
      level1: '效益指标',
      canonical2: '社会效益指标',
      target: { value: { kind: 'qualitative' } },
    });
    expect(form?.totalScore?.value).toBe(94);
  });

  it('reads the first indicator whose remark mentions 指标值 as an indicator, not a second header line', () => {
    const [first, ...rest] = nineteenIndicators();
    const remark = '受客观因素影响，未完全达到年度指标值，下一年度加强管理。';
    const wb = workbook(selfEvaluation([{ ...first!, remark }, ...rest], 94, '优'));
    const [form] = formsOf(wb, recogniseWorkbook(wb));
    expect(form?.indicators).toHaveLength(19);
    expect(form?.indicators[0]).toMatchObject({ level3: '产出1', weight: { value: 5 } });
    expect(reviewWorkbook(wb, { ruleSet: [scoreArithmetic] }).report.findings).toEqual([]);
  });

  it('fills 执行率, missing scores, the total and the grade — and nothing the user typed', () => {
    const blanks = nineteenIndicators().map((i, k) => (k < 2 ? { ...i, score: null } : i));
    const wb = workbook(selfEvaluation(blanks, null, null, { budget: 200, spent: 190, weight: 10, score: null }));
    const review = reviewWorkbook(wb);
    const plan = planFillSelfEvaluation(wb, review.workbook);
    const written = Object.fromEntries(
      plan.actions.flatMap((a) => (a.kind === 'set_values' ? [[a.at, a.values[0]?.[0]]] : [])),
    );
    expect(written).toEqual({ F4: 0.95, G4: 9.5, G6: 4.5, G7: 5, G25: 94, B26: '优' });
    const filled = applyPlanToSnapshot(wb, plan);
    expect(reviewWorkbook(filled, { ruleSet: [scoreArithmetic] }).report.findings).toEqual([]);
    expect(applyPlanToSnapshot(filled, invertPlan(plan))).toEqual(applyPlanToSnapshot(wb, { title: '', actions: [] }));
  });
});

describe('inserting 绩效目标表 from the 泉州 2021 budget', () => {
  const load = async () =>
    readXlsx(readFileSync(join(__dirname, '../../fixtures/quanzhou-2021-budget.xlsx')), 'quanzhou.xlsx');

  it('writes one sheet per project whose amounts and codes read back equal to the 项目支出表', async () => {
    const snap = await load();
    const review = reviewWorkbook(snap);
    const projects = projectsOf(snap, review.workbook, review.mapping);
    expect(projects.map((p) => p.name)).toHaveLength(7);
    const plan = planProjectTargets(projects, {
      year: 2021,
      department: '泉州市医疗保障局',
      existingSheets: snap.sheets.map((s) => s.name),
    });
    const after = applyPlanToSnapshot(snap, plan);
    const recognised = recogniseWorkbook(after);
    const forms = formsOf(after, recognised);
    expect(forms).toHaveLength(7);
    for (const [i, p] of projects.entries()) {
      const form = forms[i]!;
      const sheetOf = after.sheets.find((s) => s.name === form.sheet)!;
      const value = (label: string) => {
        const a = form.fields.get(label);
        return a ? sheetOf.rows[a.row]?.[a.col]?.value : undefined;
      };
      expect(value('项目名称')).toBe(p.name);
      expect(value('功能科目') === undefined ? null : String(value('功能科目')).split(' ')[0]).toBe(p.code);
      expect(value('资金总额')).toBe(p.total === null ? undefined : Number(p.total));
      expect(value('其中:财政拨款')).toBe(p.fiscal === null ? undefined : Number(p.fiscal));
      expect(form.indicators.map((x) => x.canonical1)).toEqual(
        expect.arrayContaining(['产出指标', '效益指标', '满意度指标']),
      );
      expect(recognised.tables.find((t) => t.sheet === form.sheet)?.type).toBe('performance_targets_project');
    }
    expect(projects[0]).toMatchObject({
      name: '城乡居民基本医疗保险补助资金',
      code: '2101202',
      total: '13466',
      fiscal: '13466',
    });
  });

  it('fills the department table with 资金总额 = 项目支出 + 基本支出 of the 收支总表', async () => {
    const snap = await load();
    const review = reviewWorkbook(snap);
    const dept = departmentOf(snap, review.workbook);
    expect(dept).toMatchObject({ basic: '3284.29', project: '22504.72', total: '25789.01' });
    const plan = planDepartmentTargets(dept, projectsOf(snap, review.workbook, review.mapping), {
      year: 2021,
      existingSheets: snap.sheets.map((s) => s.name),
    });
    const after = applyPlanToSnapshot(snap, plan);
    const s = after.sheets.at(-1)!;
    expect(s.rows[3]?.[2]?.value).toBe(25789.01);
    expect(formsOf(after, recogniseWorkbook(after)).at(-1)?.indicators.length).toBe(6);
  });
});

describe('the 灵寿 2021 project target tables (bundled sample)', () => {
  it('are recognised, every indicator is parsed, and the cost floor is flagged', async () => {
    const snap = await readXlsx(
      readFileSync(join(__dirname, '../../../assets/samples/sample-budget.xlsx')),
      'sample.xlsx',
    );
    const review = reviewWorkbook(snap);
    expect(review.workbook.tables.filter((t) => t.type === 'performance_targets_project')).toHaveLength(2);
    const forms = formsOf(snap, review.workbook);
    expect(forms.map((f) => f.indicators.length)).toEqual([8, 7]);
    for (const i of forms.flatMap((f) => f.indicators)) {
      expect(i.target?.value.kind).not.toBe('empty');
      if (/[≥≤=]|\d/.test(i.target?.raw ?? ''))
        expect(i.target?.value).toMatchObject({ value: expect.stringMatching(/^\d/) });
    }
    expect(forms[0]?.indicators[0]?.target?.value).toEqual({
      kind: 'numeric',
      operator: '>=',
      explicit: true,
      value: '34475',
      unit: '人',
    });
    expect(forms[0]?.indicators[4]?.target?.value).toEqual({
      kind: 'numeric',
      operator: '=',
      explicit: false,
      value: '280',
      unit: '元/人/年',
    });
    const cost = review.report.findings.filter((f) => f.rule === 'performance.cost_operator');
    expect(cost.map((f) => [f.sheet, f.cells[0], f.severity])).toEqual([['项目绩效目标表', 'E20', 'warning']]);
  });
});

describe('the 泉州 专项资金绩效目标批复表 layout', () => {
  it('reads the 全年目标值 under a two-line header, with a 绩效目标 column before the indicators', () => {
    const s = sheet(
      [
        ['泉州市专项资金绩效目标批复表', null, null, null, null, null, null],
        ['项目名称', '城乡居民基本医疗保险补助资金', '部门预算功能科目', '2101202', null, null, null],
        [null, '一级指标', '二级指标', '三级指标', '实施期目标', '当年度目标', null],
        [null, null, null, null, '绩效目标值', '半年目标值', '全年目标值'],
        ['绩效目标', '产出指标', '数量指标', '普通门诊就诊人次', '≥550.00万人次', '≥250.00万人次', '≥550.00万人次'],
        [null, null, '质量指标', '重复参保人数', '=0.00人', '=0.00人', '=0.00人'],
        [null, '效益指标', '社会效益指标', '减轻城乡居民医疗费负担', '切实减轻', '切实减轻', '切实减轻'],
      ],
      { name: '批复表', merges: ['A1:G1', 'F3:G3', 'A5:A7'] },
    );
    const wb = workbook(s);
    const [form] = formsOf(wb, recogniseWorkbook(wb));
    expect(form?.indicators.map((i) => [i.level1, i.level2, i.level3, i.target?.at.col])).toEqual([
      ['产出指标', '数量指标', '普通门诊就诊人次', 6],
      ['产出指标', '质量指标', '重复参保人数', 6],
      ['效益指标', '社会效益指标', '减轻城乡居民医疗费负担', 6],
    ]);
    expect(form?.indicators[0]?.target?.value).toEqual({
      kind: 'numeric',
      operator: '>=',
      explicit: true,
      value: '550',
      unit: '万人次',
    });
    expect(form?.fields.get('部门预算功能科目')).toEqual({ row: 1, col: 3 });
  });
});

describe('inserting self-evaluations for the projects', () => {
  it('copies each project’s indicators with points summing to 100, then scores the actuals entered', async () => {
    const snap = await readXlsx(
      readFileSync(join(__dirname, '../../fixtures/quanzhou-2021-budget.xlsx')),
      'quanzhou.xlsx',
    );
    const review = reviewWorkbook(snap);
    const projects = projectsOf(snap, review.workbook, review.mapping).slice(0, 2);
    const withTargets = applyPlanToSnapshot(
      snap,
      planProjectTargets(projects, {
        year: 2021,
        department: '泉州市医疗保障局',
        existingSheets: snap.sheets.map((s) => s.name),
      }),
    );
    const pairs = targetsOfProjects(withTargets, formsOf(withTargets, recogniseWorkbook(withTargets)), projects);
    expect(pairs.map((p) => p.targets?.indicators.length)).toEqual([6, 6]);
    const plan = planSelfEvaluations(pairs, {
      year: 2021,
      department: '泉州市医疗保障局',
      existingSheets: withTargets.sheets.map((s) => s.name),
    });
    const withSelf = applyPlanToSnapshot(withTargets, plan);
    const after = reviewWorkbook(withSelf);
    const selfForms = formsOf(withSelf, after.workbook).filter((f) => f.sheet.startsWith('绩效自评-'));
    expect(selfForms).toHaveLength(2);
    expect(selfForms[0]?.indicators.map((i) => [i.level3, i.target?.raw, i.weight?.value])).toEqual([
      ['（请填写）完成数量', '', 12.5],
      ['资金到位率', '100%', 12.5],
      ['资金支付及时率', '≥95%', 12.5],
      ['项目总成本', '≤13466万元', 12.5],
      ['（请填写）社会效益', '', 30],
      ['服务对象满意度', '≥85%', 10],
    ]);
    expect(after.report.findings.filter((f) => f.rule === 'performance.scores')).toEqual([]);

    // The officer enters the year's spending and the actual values; 填写自评得分 does the rest.
    const form = selfForms[0]!;
    const actuals = ['12项', '100%', '90%', '13000万元', '有效缓解', '92%'];
    const entered = applyPlanToSnapshot(withSelf, {
      title: 'entered',
      actions: [
        { kind: 'set_values', sheet: form.sheet, at: 'D6', values: [[13000]], previous: [[null]] },
        ...form.indicators.map((i, k) => ({
          kind: 'set_values' as const,
          sheet: form.sheet,
          at: `E${i.row + 1}`,
          values: [[actuals[k] as string]],
          previous: [[null]],
        })),
      ],
    });
    const fill = planFillSelfEvaluation(entered, recogniseWorkbook(entered));
    const scored = applyPlanToSnapshot(entered, fill);
    const final = formsOf(scored, recogniseWorkbook(scored)).find((f) => f.sheet === form.sheet)!;
    // Indicators without a target (the suggested “（请填写）…” lines) get no score, never full marks; each blank says why.
    expect(final.indicators.map((i) => i.score?.value)).toEqual([null, 12.5, 11.84, 12.5, null, 10]);
    const blanks = fill.blanks.filter((b) => b.sheet === form.sheet);
    expect(blanks.map((b) => b.reason)).toEqual([
      expect.stringMatching(/未设年度指标值，不能评分/),
      expect.stringMatching(/未设年度指标值，不能评分/),
      expect.stringMatching(/尚有 2 项得分未算出/),
      '总分未算出，暂不评定等级',
    ]);
    expect(fill.actions).toContainEqual(
      expect.objectContaining({ kind: 'set_note', sheet: form.sheet, cell: blanks[0]?.cell }),
    );
    expect(final.totalScore?.value ?? null).toBeNull();
  });
});

describe('performance.funds', () => {
  const form = (actual: string) =>
    workbook(
      sheet(
        [
          ['项目支出绩效自评表', null, null, null, null, null, null, null],
          ['项目名称', '城乡居民医保补助', null, null, null, null, null, null],
          ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
          ['年度资金总额', 128673, 128673, 128673, 10, null, 10, null],
          ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
          ['产出指标', '数量指标', '资金支出总额', '=128673万元', actual, 50, 50, null],
          ['效益指标', '社会效益指标', '负担减轻', '有效缓解', '有效缓解', 30, 30, null],
          ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10, null],
          ['总分', null, null, null, null, 100, 100, null],
          ['评价等级', '优', null, null, null, null, null, null],
        ],
        { name: '自评表', merges: ['A1:H1'] },
      ),
    );
  const findings = (actual: string) => reviewWorkbook(form(actual), { ruleSet: [fundsContradiction] }).report.findings;

  it('accepts amounts that agree with the funds', () => {
    expect(findings('128673万元')).toEqual([]);
    expect(findings('1286730000元')).toEqual([]);
  });
  it('flags a near-miss of a funds figure (a typing slip)', () => {
    expect(findings('128763万元').map((f) => [f.severity, f.cells[0], f.message])).toEqual([
      [
        'warning',
        'E6',
        '“资金支出总额”实际完成值 128,763.00 万元，与全年执行数 128,673.00 万元相差 90.00 万元，请核对',
      ],
    ]);
  });
  it('a near-miss that is not an actual against the year’s spending is a note', () => {
    const target = workbook(
      sheet(
        [
          ['项目支出绩效自评表', null, null, null, null],
          ['项目名称', '城乡居民医保补助', null, null, null],
          ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值'],
          ['年度资金总额', 128673, 128673, 128673, 10],
          ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
          ['产出指标', '数量指标', '资金支出总额', '=128763万元', '128673万元'],
        ],
        { name: '自评表', merges: ['A1:E1'] },
      ),
    );
    const got = reviewWorkbook(target, { ruleSet: [fundsContradiction] }).report.findings;
    expect(got.map((f) => [f.severity, f.cells[0]])).toEqual([['info', 'D6']]);
  });
  it('flags an amount above the whole budget', () => {
    expect(findings('150000万元')[0]?.message).toMatch(/超过本表资金总额 128,673\.00 万元/);
  });
  it('reads a money indicator in any unit the model converts (千元, 亿元), not only 万元 and 元', () => {
    expect(findings('1286730千元')).toEqual([]);
    expect(findings('12.8673亿元')).toEqual([]);
    expect(findings('1287630千元').map((f) => [f.severity, f.cells[0]])).toEqual([['warning', 'E6']]);
    expect(findings('15亿元')[0]?.message).toMatch(/150,000\.00 万元，超过本表资金总额 128,673\.00 万元/);
  });
});

describe('performance.completion and dates in forms', () => {
  const form = (stated: string, actual = '11.95%') =>
    workbook(
      sheet(
        [
          ['项目支出绩效自评表', null, null, null, null, null, null],
          ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '完成比例', '得分'],
          ['产出指标', '质量指标', '药品费用占比', '≤10%', actual, stated, 8],
          [null, '时效指标', '项目完成时间', '2021年12月', 44531, '100%', 10],
        ],
        { name: '自评表', merges: ['A1:G1'] },
      ),
    );
  it('recomputes the ratio respecting a "≤" target', () => {
    const f = reviewWorkbook(form('119.50%'), { ruleSet: [completionRatioRule] }).report.findings;
    expect(f.map((x) => [x.severity, x.cells[0], x.message])).toEqual([
      ['warning', 'F3', '“药品费用占比”（≤10%）实际 11.95%，完成比例应为 83.68%，表中为 119.50%'],
    ]);
    expect(reviewWorkbook(form('83.68%'), { ruleSet: [completionRatioRule] }).report.findings).toEqual([]);
    expect(reviewWorkbook(form('100%', '8%'), { ruleSet: [completionRatioRule] }).report.findings).toEqual([]);
  });
  it('flags a completion date shown as 44531', () => {
    const f = reviewWorkbook(form('83.68%')).report.findings.filter((x) => x.rule === 'format.date_serial');
    expect(f.map((x) => [x.cells[0], x.message])).toEqual([['E4', 'E4 显示为 44531，应为日期 2021-12-01']]);
  });
});
