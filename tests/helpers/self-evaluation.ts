import type { GridValue } from './grid';
import { sheet } from './grid';

/**
 * A 项目支出绩效自评表 with a funds block (预算执行率: 10 points) and `n` indicators. Weights and scores are given per
 * indicator; total and grade as written on the form.
 */
/** One indicator line of a self-evaluation fixture. */
export interface IndicatorSpec {
  l1: string;
  l2: string;
  l3: string;
  target: string;
  actual: string;
  weight: number;
  score: number | null;
  /** 偏差原因分析及改进措施 (blank unless given). */
  remark?: string;
}

export function selfEvaluation(
  indicators: IndicatorSpec[],
  total: number | null,
  grade: string | null,
  funds: { budget: number; spent: number; weight: number; score: number | null; rate?: GridValue } = {
    budget: 200,
    spent: 190,
    weight: 10,
    score: 9.5,
  },
) {
  const rows: GridValue[][] = [
    ['项目支出绩效自评表', null, null, null, null, null, null, null],
    ['项目名称', '城乡医疗救助', null, null, null, null, null, null],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
    ['年度资金总额', 180, funds.budget, funds.spent, funds.weight, funds.rate ?? null, funds.score, null],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ...indicators.map((i): GridValue[] => [i.l1, i.l2, i.l3, i.target, i.actual, i.weight, i.score, i.remark ?? null]),
    ['总分', null, null, null, null, 100, total, null],
    ['评价等级', grade, null, null, null, null, null, null],
  ];
  return sheet(rows, { name: '自评表', merges: ['A1:H1', 'B2:H2'] });
}

/** 19 indicators: 产出 50 (10 × 5), 效益 30 (6 × 5), 满意度 10 (3: 4 + 3 + 3); scores lose 5.5 in all. */
export function nineteenIndicators() {
  const out: IndicatorSpec[] = [];
  for (let i = 0; i < 10; i++)
    out.push({
      l1: '产出指标',
      l2: i < 4 ? '数量指标' : i < 8 ? '质量指标' : '时效指标',
      l3: `产出${i + 1}`,
      target: '≥90%',
      actual: i === 0 ? '81%' : '95%',
      weight: 5,
      score: i === 0 ? 4.5 : 5,
    });
  for (let i = 0; i < 6; i++)
    out.push({
      l1: '效益指标',
      l2: '社会效益指标',
      l3: `效益${i + 1}`,
      target: '有效缓解',
      actual: i < 2 ? '部分完成' : '有效缓解',
      weight: 5,
      score: i < 2 ? 2.5 : 5,
    });
  out.push({
    l1: '满意度指标',
    l2: '服务对象满意度指标',
    l3: '群众满意度',
    target: '≥90%',
    actual: '92%',
    weight: 4,
    score: 4,
  });
  out.push({
    l1: '满意度指标',
    l2: '服务对象满意度指标',
    l3: '救助对象满意度',
    target: '≥90%',
    actual: '93%',
    weight: 3,
    score: 3,
  });
  out.push({
    l1: '满意度指标',
    l2: '服务对象满意度指标',
    l3: '医疗机构满意度',
    target: '≥90%',
    actual: '95%',
    weight: 3,
    score: 3,
  });
  return out;
}
