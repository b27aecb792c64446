import { numberOf } from '../../../src/core/performance/form';
import { reviewWorkbook } from '../../../src/core/review';
import { executionAndScores } from '../../../src/core/rules/performance/execution';
import { formsOf } from '../../../src/core/performance/find-forms';
import { recogniseWorkbook } from '../../../src/core/recognition/recognise';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { findingsOf, testRule } from '../../helpers/rule-tester';
import { selfEvaluation, type IndicatorSpec } from '../../helpers/self-evaluation';

/** 90 points of indicators; the funds line (10 points) comes from the helper. */
const indicators = (last: Partial<IndicatorSpec> = {}): IndicatorSpec[] => [
  { l1: '产出指标', l2: '数量指标', l3: '救助人次', target: '≥500人次', actual: '520人次', weight: 30, score: 30 },
  { l1: '产出指标', l2: '成本指标', l3: '人均救助成本', target: '≤200元', actual: '190元', weight: 20, score: 20 },
  { l1: '效益指标', l2: '社会效益指标', l3: '政策知晓率', target: '≥90%', actual: '92%', weight: 30, score: 30 },
  {
    l1: '满意度指标',
    l2: '服务对象满意度指标',
    l3: '救助对象满意度',
    target: '≥90%',
    actual: '92%',
    weight: 10,
    score: 10,
    ...last,
  },
];
const form = (last: Partial<IndicatorSpec> = {}, funds?: Parameters<typeof selfEvaluation>[3]) =>
  workbook(selfEvaluation(indicators(last), null, null, funds));

testRule(executionAndScores, {
  valid: [
    {
      name: 'every target met, full points; 执行率 95% stated and scored 9.5',
      workbook: form({}, { budget: 200, spent: 190, weight: 10, score: 9.5, rate: '95.00%' }),
    },
    { name: 'a missed target with a proportional score', workbook: form({ actual: '81%', score: 9 }) },
    { name: 'a met target with points deducted (a reviewer’s call)', workbook: form({ score: 8 }) },
    { name: 'a ≤ target under its cap earns full points', workbook: form({ target: '≤10%', actual: '8%' }) },
    { name: 'a qualitative actual is not judged here', workbook: form({ actual: '较好', score: 10 }) },
    {
      name: '执行率 written as a plain 95',
      workbook: form({}, { budget: 200, spent: 190, weight: 10, score: 9.5, rate: 95 }),
    },
  ],
  invalid: [
    {
      name: 'full points for a missed target',
      workbook: form({ actual: '81%' }),
      findings: [
        {
          severity: 'warning',
          cells: ['G9', 'D9', 'E9'],
          message: /“救助对象满意度”（≥90%）实际 81%，未达到指标值却得满分 10，按完成比例应为 9$/,
        },
      ],
    },
    {
      name: 'full points above a ≤ cap',
      workbook: form({ target: '≤10%', actual: '12.5%' }),
      findings: [{ severity: 'warning', cells: ['G9', 'D9', 'E9'], message: /按完成比例应为 8$/ }],
    },
    {
      name: 'a stated 执行率 that is not 全年执行数 ÷ 全年预算数, and a funds score above 分值 × 执行率',
      workbook: form({}, { budget: 200, spent: 150, weight: 10, score: 9.5, rate: '95.00%' }),
      findings: [
        {
          severity: 'warning',
          cells: ['F4', 'D4', 'C4'],
          message: /执行率应为 全年执行数 150 ÷ 全年预算数 200 = 75\.00%，表中为 95\.00%/,
        },
        {
          severity: 'info',
          cells: ['G4', 'E4'],
          message: /预算执行率得分 9\.5 超过 分值 10 × 执行率 75\.00% = 7\.5/,
        },
      ],
    },
  ],
});

describe('a workbook of self-evaluations', () => {
  it('is read as 决算 (written after the year), though its funds block says 预算数', () => {
    expect(reviewWorkbook(form()).report.reportKind).toBe('final');
  });
});

describe('indicator headers with notes', () => {
  it('reads 年度指标值(A) | 实际完成值(B) | 完成比例(B/A) and checks them', () => {
    const rows: GridValue[][] = [
      ['项目支出绩效自评表', null, null, null, null, null, null, null],
      [
        '一级指标',
        '二级指标',
        '三级指标（指标名称）',
        '年度指标值(A)',
        '实际完成值（B）',
        '完成比例(B/A)',
        '分值',
        '得分',
      ],
      ['产出指标', '数量指标', '救助人次', '≥500人次', '450人次', '90%', 50, 50],
      ['效益指标', '社会效益指标', '政策知晓率', '≥90%', '95%', '100%', 40, 40],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '92%', '100%', 10, 10],
    ];
    const wb = workbook(sheet(rows, { name: '自评', merges: ['A1:H1'] }));
    const [form] = formsOf(wb, recogniseWorkbook(wb));
    expect(form?.indicators.map((i) => [i.level3, i.target?.raw, i.actual?.raw, i.completion?.value])).toEqual([
      ['救助人次', '≥500人次', '450人次', 0.9],
      ['政策知晓率', '≥90%', '95%', 1],
      ['满意度', '≥90%', '92%', 1],
    ]);
    expect(findingsOf(executionAndScores, { name: 'notes', workbook: wb }).map((f) => f.cells[0])).toEqual(['H3']);
  });
});

describe('forms stacked on one sheet', () => {
  const form = (name: string, satisfaction: string, score: number, total: number): GridValue[][] => [
    ['项目支出绩效自评表', null, null, null, null, null, null, null],
    ['项目名称', name, null, null, null, null, null, null],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
    ['年度资金总额', 100, 100, 95, 10, '95.00%', 9.5, null],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', '数量指标', '培训人次', '≥500人次', '520人次', 40, 40, null],
    ['效益指标', '社会效益指标', '知晓率', '≥90%', '92%', 40, 40, null],
    ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', satisfaction, 10, score, null],
    ['总分', null, null, null, null, 100, total, null],
    ['评价等级', '优', null, null, null, null, null, null],
  ];

  it('end at their 总分 and 评价等级: the next form’s fields and funds are its own', () => {
    const wb = workbook(sheet([...form('项目甲', '80%', 8.89, 98.39), [], [], ...form('项目乙', '92%', 10, 99.5)]));
    const forms = formsOf(wb, recogniseWorkbook(wb));
    expect(forms.map((f) => [f.indicators.length, f.funds?.row, f.totalScore?.value])).toEqual([
      [3, 3, 98.39],
      [3, 15, 99.5],
    ]);
    expect(reviewWorkbook(wb).report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('numbers written on forms', () => {
  it('reads a percentage exactly as written', () => {
    expect(numberOf('95.00%')).toBe(0.95);
    expect(numberOf('14.17分')).toBe(14.17);
    expect(numberOf('优')).toBeNull();
  });
});
