import type ExcelJS from 'exceljs';
import { unitsToNumber, type Units } from '../model/amount';
import type { Disclosure, TargetForm } from '../model/disclosure';
import { Rng } from '../model/prng';
import type { CellAt, PlacedTable } from '../families';

/**
 * 项目支出绩效目标表 sheets: the forms a disclosure publishes for its projects (model: targetForms), in two real forms.
 *  - 'approval': the seeds' 专项资金绩效目标批复表 (../shared/seeds/quanzhou-2021): 填报单位, 项目名称 | 部门预算功能科目,
 *    项目资金申请（万元） with 实施期 | 当年度 资金总额 (a one-year project: both the same), 总体目标, then the indicators
 *    (一级 | 二级 | 三级 | 实施期目标 | 当年度目标 over 绩效目标值 | 半年目标值 | 全年目标值).
 *  - 'national': the 项目支出绩效目标表 of the national template: 项目名称, 主管部门 | 实施单位, 项目资金 with
 *    中期资金总额 | 年度资金总额 columns (中期 at least the year's), 总体目标, 绩效指标 | 一级 | 二级 | 三级 | 中期指标值 |
 *    年度指标值.
 * Amounts are in the disclosure's unit and decimals, the unit written in the funds label. Each form is indexed as a
 * table of type performance_targets_project, key `target_form:<i>`, with cells l:funds|amount (the year's 资金总额, what
 * cross_table.project_targets sums), l:midTerm|amount and l:indicator.<n>|target (INDICATOR: the year's value).
 */
export type FormStyle = 'approval' | 'national';

export const formFeatures = (style: FormStyle, perSheet: boolean): string =>
  `绩效目标表 (${style === 'approval' ? '专项资金绩效目标批复表, 实施期 = 当年度' : '项目支出绩效目标表, 中期 | 年度 资金总额'}; ${
    perSheet ? 'one sheet per form' : 'all forms on one sheet'
  }), when the model has them`;

type Row = (string | number | null)[];

/** Indicators of a complete framework (产出/成本/效益/满意度), rates at most 100%, the cost an upper bound. */
function indicators(rng: Rng): [string, string, string, string][] {
  const people = rng.int(2, 90) * 100;
  return [
    ['产出指标', '数量指标', '服务对象人数', `≥${people}人`],
    ['产出指标', '质量指标', '资金使用合规率', '100%'],
    ['产出指标', '时效指标', '资金拨付及时率', `≥${rng.pick([90, 95, 98])}%`],
    ['成本指标', '经济成本指标', '人均服务标准', `≤${rng.int(2, 30) * 10}元/人`],
    ['效益指标', '社会效益指标', '政策知晓率', `≥${rng.pick([80, 85, 90])}%`],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', `≥${rng.pick([85, 90, 95])}%`],
  ];
}

/** Cell keys of the indicators (row keys l:indicator.<n>, column 'target': the value the rules read, 年度/全年). */
export const INDICATOR = {
  people: 0,
  compliance: 1,
  timeliness: 2,
  cost: 3,
  awareness: 4,
  satisfaction: 5,
} as const;

interface Drawn {
  readonly rows: Row[];
  /** Row offset of the first indicator; the year's value is in column 5 (全年目标值 / 年度指标值). */
  readonly firstIndicator: number;
  /** [row offset, column] of the year's 资金总额 and of the 中期/实施期 one. */
  readonly funds: [number, number];
  readonly midTerm: [number, number];
  readonly merges: [number, number, number, number][];
}

function approval(d: Disclosure, f: TargetForm, rng: Rng): Drawn {
  const p = d.projects[f.project]!;
  const n = (u: Units) => unitsToNumber(u, d.decimals);
  const rows: Row[] = [
    [`${d.year}年专项资金绩效目标批复表`],
    [`填报单位：${d.department}`],
    ['项目名称', p.name, null, '部门预算功能科目', p.code],
    ['项目分类', '其他专项'],
    ['项目起止时间', `${d.year}-01-01 - ${d.year}-12-31`],
    ['项目概况', `用于${p.name}，保障相关工作正常开展。`],
    [`项目资金申请（${d.unit}）`, '实施期', null, '当年度'],
    [null, '资金总额：', n(f.funds), '资金总额：', n(f.funds)],
    [null, '一般公共预算：', n(p.fiscal), '一般公共预算：', n(p.fiscal)],
    [null, '其他：', n(p.other), '其他：', n(p.other)],
    ['总体目标', `按期完成${p.name}各项任务。`],
    ['一级指标', '二级指标', '三级指标', '实施期目标', '当年度目标'],
    [null, null, null, '绩效目标值', '半年目标值', '全年目标值'],
    ...indicators(rng).map(([a, b, c, v]) => [a, b, c, v, v, v] as Row),
  ];
  return {
    rows,
    firstIndicator: 13,
    funds: [7, 4],
    midTerm: [7, 2],
    merges: [
      [0, 0, 0, 5],
      [11, 4, 11, 5],
    ],
  };
}

function national(d: Disclosure, f: TargetForm, rng: Rng): Drawn {
  const p = d.projects[f.project]!;
  const n = (u: Units) => unitsToNumber(u, d.decimals);
  const share = (u: Units) => (f.funds === 0 ? 0 : Math.round((u * f.midTerm) / f.funds));
  const midFiscal = share(p.fiscal);
  const rows: Row[] = [
    ['项目支出绩效目标表'],
    [`（${d.year}年度）`],
    ['项目名称', p.name],
    ['主管部门', d.department, null, '实施单位', d.department],
    [`项目资金（${d.unit}）`, null, '中期资金总额', '年度资金总额'],
    [null, '资金总额', n(f.midTerm), n(f.funds)],
    [null, '其中：财政拨款', n(midFiscal), n(p.fiscal)],
    [null, '其他资金', n(f.midTerm - midFiscal), n(p.other)],
    ['总体目标', '中期目标', null, '年度目标'],
    [null, `持续推进${p.name}。`, null, `按期完成${p.name}各项任务。`],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值'],
    ...indicators(rng).map(([a, b, c, v]) => [null, a, b, c, v, v] as Row),
  ];
  return {
    rows,
    firstIndicator: 11,
    funds: [5, 3],
    midTerm: [5, 2],
    merges: [[0, 0, 0, 5]],
  };
}

/**
 * Writes the model's 绩效目标表 into `wb` (one sheet per form, or all on one sheet two rows apart) and returns them
 * as placed tables; nothing when the model has none.
 */
export function writeTargetForms(
  wb: ExcelJS.Workbook,
  d: Disclosure,
  style: FormStyle,
  perSheet: boolean,
  sheetName: (i: number) => string,
): PlacedTable[] {
  if (d.targetForms.length === 0) return [];
  const rng = new Rng(d.seed).fork('target-form-text');
  const placed: PlacedTable[] = [];
  let ws: ExcelJS.Worksheet | null = null;
  let top = 1;
  d.targetForms.forEach((f, i) => {
    if (perSheet || !ws) {
      ws = wb.addWorksheet(sheetName(perSheet ? i : 0));
      top = 1;
    }
    const sheet: ExcelJS.Worksheet = ws;
    const drawn = (style === 'approval' ? approval : national)(d, f, rng);
    drawn.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = sheet.getCell(top + r, c + 1);
        cell.value = v;
        if (typeof v === 'number') cell.numFmt = d.decimals === 0 ? '0' : `0.${'0'.repeat(d.decimals)}`;
      }),
    );
    for (const [a, b, c, e] of drawn.merges) sheet.mergeCells(top + a, b + 1, top + c, e + 1);
    const at = ([r, c]: [number, number]): CellAt => ({
      sheet: sheet.name,
      row: top + r,
      col: c + 1,
    });
    placed.push({
      key: `target_form:${i}`,
      type: 'performance_targets_project',
      name: '项目支出绩效目标表',
      sheet: sheet.name,
      form: true,
      cells: new Map([
        ['l:funds|amount', at(drawn.funds)],
        ['l:midTerm|amount', at(drawn.midTerm)],
        ...Object.values(INDICATOR).map(
          (n) => [`l:indicator.${n}|target`, at([drawn.firstIndicator + n, 5])] as [string, CellAt],
        ),
      ]),
      rows: [
        { key: 'l:funds', role: 'line' },
        { key: 'l:midTerm', role: 'line' },
        ...Object.values(INDICATOR).map((n) => ({
          key: `l:indicator.${n}`,
          role: 'line' as const,
        })),
      ],
    });
    top += drawn.rows.length + 2;
  });
  return placed;
}
