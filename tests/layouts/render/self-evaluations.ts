import type ExcelJS from 'exceljs';
import type { Disclosure } from '../model/disclosure';
import { Rng } from '../model/prng';
import type { CellAt, PlacedTable } from '../families';

/**
 * 项目支出绩效自评表 sheets of a 决算 disclosure (the national template since 2021): 项目名称, 主管部门 | 实施单位, the
 * funds block 项目资金（万元）| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 with its 年度资金总额 line, 年度总体目标,
 * then the indicators 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | (完成比例) | 分值 | 得分 | 偏差原因, 总分 and (评价等级).
 *
 * Consistent by construction: 分值 sum to 100 (预算执行率 10); 执行率 = 全年执行数 ÷ 全年预算数, its score 10 × 执行率;
 * a met target earns full points, a missed one (at most one per form) its completion share; 完成比例 respects the
 * operator; 总分 = Σ 得分 and the grade is the total's. The money indicator (项目总成本 ≤ 全年预算数) reports the year's
 * spending exactly; execution is 100% or at most 98%, so no figure lies within 1% of another without equalling it.
 * Amounts are in 万元 with two decimals, as the template prints them, whatever the tables' unit.
 *
 * Each form is a placed table of type performance_self_evaluation (form: true), key `self_evaluation:<i>`, with cells
 * l:funds|rate (执行率), l:funds|spent, l:total|score (总分), l:grade|text, and per indicator l:indicator.<n>|actual,
 * |score, |completion (when the column is drawn) and |target; SELF_INDICATOR names the indicators.
 */
export interface SelfEvaluationStyle {
  /** A 完成比例 column between 实际完成值 and 分值. */
  readonly completion: boolean;
  /** A 评价等级 line under 总分. */
  readonly grade: boolean;
  /** 执行率 and 完成比例 as numbers formatted 0.00%, or as text "95.00%". */
  readonly ratios: 'number' | 'text';
  readonly perSheet: boolean;
}

export const selfEvaluationFeatures = (s: SelfEvaluationStyle): string =>
  `绩效自评表 (${s.completion ? '完成比例 column' : 'no 完成比例'}; ${s.grade ? '评价等级 line' : 'no 评价等级'}; ratios as ${
    s.ratios
  }; ${s.perSheet ? 'one sheet per form' : 'all forms on one sheet'}), for up to four projects`;

/** Indicator order of every form; `money` is the one in 万元 that restates the year's spending. */
export const SELF_INDICATOR = {
  people: 0,
  compliance: 1,
  timeliness: 2,
  money: 3,
  awareness: 4,
  satisfaction: 5,
} as const;

/** Points in hundredths (9.5 points = 950), so sums are exact. */
type Hundredths = number;

interface Indicator {
  readonly l1: string;
  readonly l2: string;
  readonly l3: string;
  readonly target: string;
  readonly actual: string;
  /** Completion as a fraction, rounded to four places (two in percent). */
  readonly completion: number;
  readonly weight: Hundredths;
  readonly score: Hundredths;
}

interface Drawn {
  readonly name: string;
  /** 全年预算数 and 全年执行数 in hundredths of 万元. */
  readonly budget: number;
  readonly spent: number;
  readonly rate: number;
  readonly fundsScore: Hundredths;
  readonly indicators: readonly Indicator[];
  readonly total: Hundredths;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;
/** Points earned for a completion share: full when met, else the share, to two decimals (hundredths, floored). */
const earned = (weight: Hundredths, share: number): Hundredths => Math.floor(weight * Math.min(1, share) + 1e-9);
const wan = (h: number): string => (h / 100).toFixed(2);

export function gradeOfTotal(total: Hundredths): string {
  return total >= 9000 ? '优' : total >= 8000 ? '良' : total >= 6000 ? '中' : '差';
}

function indicator(
  l1: string,
  l2: string,
  l3: string,
  op: '≥' | '≤' | '=',
  target: number,
  actual: number,
  unit: string,
  weight: Hundredths,
  print: (x: number) => string = String,
): Indicator {
  const share = op === '≤' ? (actual <= target ? 1 : target / actual) : target === 0 ? 1 : actual / target;
  const completion = round4(Math.min(share, op === '=' ? 1 : share));
  return {
    l1,
    l2,
    l3,
    target: `${op === '=' ? '' : op}${print(target)}${unit}`,
    actual: `${print(actual)}${unit}`,
    completion,
    weight,
    score: completion >= 1 ? weight : earned(weight, completion),
  };
}

function draw(d: Disclosure, project: number, rng: Rng): Drawn | null {
  const p = d.projects[project]!;
  const scale = 10 ** d.decimals * (d.unit === '元' ? 10000 : 1);
  const budget = Math.round(((p.fiscal + p.other) / scale) * 100);
  if (budget < 100) return null; // under 1 万元: no form worth the name
  const rate = rng.chance(0.3) ? 1 : rng.int(80, 98) / 100;
  const spent = Math.round(budget * rate);
  const stated = round4(spent / budget);
  const people = rng.int(2, 90) * 100;
  // At most one target missed, by a visible margin (its score is its completion share).
  const missed = rng.chance(0.5) ? rng.pick([SELF_INDICATOR.people, SELF_INDICATOR.awareness]) : -1;
  const awarenessTarget = rng.pick([80, 85, 90]);
  const indicators = [
    indicator(
      '产出指标',
      '数量指标',
      '服务对象人数',
      '≥',
      people,
      missed === 0 ? people - rng.int(1, 9) * 10 : people + rng.int(0, 9) * 10,
      '人',
      2000,
    ),
    indicator('产出指标', '质量指标', '资金使用合规率', '=', 100, 100, '%', 1500),
    indicator('产出指标', '时效指标', '资金拨付及时率', '≥', 95, rng.int(95, 100), '%', 1500),
    indicator('成本指标', '经济成本指标', '项目总成本', '≤', budget, spent, '万元', 1000, wan),
    indicator(
      '效益指标',
      '社会效益指标',
      '政策知晓率',
      '≥',
      awarenessTarget,
      missed === 4 ? awarenessTarget - rng.int(3, 9) : rng.int(awarenessTarget, 99),
      '%',
      2000,
    ),
    indicator('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥', 90, rng.int(90, 99), '%', 1000),
  ];
  const fundsScore = earned(1000, stated);
  const total = indicators.reduce((a, i) => a + i.score, fundsScore);
  return { name: p.name, budget, spent, rate: stated, fundsScore, indicators, total };
}

/** Which projects publish a self-evaluation: none (a third of the seeds), else one to four of the larger ones. */
function chosen(d: Disclosure, rng: Rng): number[] {
  if (d.kind !== 'final' || d.projects.length === 0 || rng.chance(1 / 3)) return [];
  const order = d.projects.map((p, i) => ({ i, funds: p.fiscal + p.other })).sort((a, b) => b.funds - a.funds);
  return order.slice(0, rng.int(1, Math.min(4, order.length))).map((x) => x.i);
}

type Row = (string | number | null)[];

/**
 * Writes the self-evaluations into `wb` (one sheet per form, or all on one sheet two rows apart) and returns them as
 * placed forms; nothing when the disclosure publishes none.
 */
export function writeSelfEvaluations(
  wb: ExcelJS.Workbook,
  d: Disclosure,
  style: SelfEvaluationStyle,
  sheetName: (i: number) => string,
): PlacedTable[] {
  const rng = new Rng(d.seed).fork('self-evaluations');
  const forms = chosen(d, rng)
    .map((i) => draw(d, i, rng))
    .filter((f): f is Drawn => f !== null);
  const placed: PlacedTable[] = [];
  let ws: ExcelJS.Worksheet | null = null;
  let top = 1;
  const ratio = (x: number): string | number => (style.ratios === 'text' ? `${(x * 100).toFixed(2)}%` : x);
  forms.forEach((f, i) => {
    if (style.perSheet || !ws) {
      ws = wb.addWorksheet(sheetName(style.perSheet ? i : 0));
      top = 1;
    }
    const sheet: ExcelJS.Worksheet = ws;
    const c = style.completion ? 1 : 0;
    const weightCol = 6 + c;
    const rows: Row[] = [
      ['项目支出绩效自评表'],
      [`（${d.year}年度）`],
      ['项目名称', f.name],
      ['主管部门', d.department, null, null, '实施单位', d.department],
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', f.budget / 100, f.budget / 100, f.spent / 100, 10, ratio(f.rate), f.fundsScore / 100],
      [null, '其中：当年财政拨款', f.budget / 100, f.budget / 100, f.spent / 100],
      ['年度总体目标', '预期目标', null, null, '实际完成情况'],
      [null, `按期完成${f.name}各项任务。`, null, null, `已完成${f.name}年度各项任务。`],
      [
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        ...(c ? ['完成比例'] : []),
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ],
      ...f.indicators.map((x): Row => [
        null,
        x.l1,
        x.l2,
        x.l3,
        x.target,
        x.actual,
        ...(c ? [ratio(x.completion)] : []),
        x.weight / 100,
        x.score / 100,
        x.score < x.weight ? '受客观因素影响，未完全达到年度指标值，下一年度加强管理。' : null,
      ]),
      ['总分', ...Array<null>(weightCol - 1).fill(null), 100, f.total / 100],
      ...(style.grade ? [['评价等级', gradeOfTotal(f.total)] as Row] : []),
    ];
    const first = 10;
    rows.forEach((row, r) =>
      row.forEach((v, col) => {
        if (v === null) return;
        const cell = sheet.getCell(top + r, col + 1);
        cell.value = v;
        if (typeof v === 'number') cell.numFmt = '0.00';
      }),
    );
    // The funds line's 执行率 and each 完成比例 are ratios; 分值/得分 and amounts print with two decimals.
    if (style.ratios === 'number') {
      sheet.getCell(top + 5, 7).numFmt = '0.00%';
      if (c) f.indicators.forEach((_, n) => (sheet.getCell(top + first + n, 7).numFmt = '0.00%'));
    }
    sheet.mergeCells(top, 1, top, weightCol + 3);
    const at = (r: number, col: number): CellAt => ({ sheet: sheet.name, row: top + r, col: col + 1 });
    const totalRow = first + f.indicators.length;
    const cells: [string, CellAt][] = [
      ['l:funds|rate', at(5, 6)],
      ['l:funds|spent', at(5, 4)],
      ['l:funds|budget', at(5, 3)],
      ['l:funds|score', at(5, 7)],
      ['l:total|score', at(totalRow, weightCol + 1)],
      ...(style.grade ? [['l:grade|text', at(totalRow + 1, 1)] as [string, CellAt]] : []),
      ...f.indicators.flatMap((_, n): [string, CellAt][] => [
        [`l:indicator.${n}|target`, at(first + n, 4)],
        [`l:indicator.${n}|actual`, at(first + n, 5)],
        ...(c ? [[`l:indicator.${n}|completion`, at(first + n, 6)] as [string, CellAt]] : []),
        [`l:indicator.${n}|weight`, at(first + n, weightCol)],
        [`l:indicator.${n}|score`, at(first + n, weightCol + 1)],
      ]),
    ];
    placed.push({
      key: `self_evaluation:${i}`,
      type: 'performance_self_evaluation',
      name: '项目支出绩效自评表',
      sheet: sheet.name,
      form: true,
      cells: new Map(cells),
      rows: [
        { key: 'l:funds', role: 'line' },
        { key: 'l:total', role: 'line' },
        ...f.indicators.map((_, n) => ({ key: `l:indicator.${n}`, role: 'line' as const })),
      ],
    });
    top += rows.length + 2;
  });
  return placed;
}
