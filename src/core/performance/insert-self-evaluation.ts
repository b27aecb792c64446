import framework from '../../data/performance/framework.json';
import template from '../../data/performance/templates/self-evaluation.json';
import { formSheetName } from './sheet-name';
import { isUnrewrittenSuggestion, suggestionMark } from './suggestions';
import type { WriteAction, WritePlan } from '../plans/types';
import { cellAddress } from '../snapshot/address';
import type { CellValue } from '../snapshot/types';
import type { IndicatorRow, PerformanceForm } from './form';
import { COST_LEVEL1, COST_SHARES_WITH } from './framework';
import type { ProjectFacts } from './insert-targets';

/**
 * "插入自评表": a 项目支出绩效自评表 per project, its indicators copied from the project's target sheet with default points
 * (产出 50 / 效益 30 / 满意度 10 shared equally among each 一级's indicators, 预算执行率 10 on the funds line; a 2021-framework
 * 成本 一级 shares 产出's 50), the budget amounts filled in, 实际完成值 left for the user. Once filled, 填写自评得分 scores it.
 */
const WEIGHTS = framework.weights as unknown as Record<string, number>;

/** Points per indicator: each 一级's share split equally, rounded to 2 decimals, the last one absorbing the rounding. */
export function defaultPoints(indicators: readonly IndicatorRow[]): number[] {
  const groupOf = (i: IndicatorRow) =>
    i.canonical1 === COST_LEVEL1 ? COST_SHARES_WITH : (i.canonical1 ?? i.level1 ?? '');
  const counts = new Map<string, number>();
  for (const i of indicators) counts.set(groupOf(i), (counts.get(groupOf(i)) ?? 0) + 1);
  const given = new Map<string, number>();
  return indicators.map((i) => {
    const g = groupOf(i);
    const share = WEIGHTS[g] ?? 0;
    const n = counts.get(g) as number;
    const seen = (given.get(g) ?? 0) + 1;
    given.set(g, seen);
    const each = Math.floor((share / n) * 100) / 100;
    return seen === n ? Math.round((share - each * (n - 1)) * 100) / 100 : each;
  });
}

/** Rows of the form above its indicators: what a second insert may update (see planUpdateExisting). */
export const SELF_EVALUATION_HEAD_ROWS = template.indicatorRow - 1;

const fill = (cell: string | null, fields: Record<string, string | number | null>): CellValue => {
  if (cell === null) return null;
  const whole = /^\{([^}]+)\}$/.exec(cell);
  if (whole) return fields[whole[1] as string] ?? null;
  const out = cell.replace(/\{([^}]+)\}/g, (_, k: string) => String(fields[k] ?? '')).trim();
  return out || null;
};

export function planSelfEvaluations(
  pairs: readonly { project: ProjectFacts; targets: PerformanceForm | null }[],
  options: { year: number | null; department: string; existingSheets: readonly string[] },
): WritePlan {
  const taken = [...options.existingSheets];
  const actions: WriteAction[] = pairs.map(({ project, targets }) => {
    const fields = {
      年度: options.year ?? '',
      项目名称: project.name,
      主管部门: options.department,
      实施单位: options.department,
      资金总额: project.total === null ? null : Number(project.total),
      执行率分值: WEIGHTS['预算执行率'] ?? 10,
    };
    const values: CellValue[][] = template.rows.map((r) => r.map((c) => fill(c, fields)));
    const indicators = targets?.indicators ?? [];
    const points = defaultPoints(indicators);
    const c = template.indicatorColumns;
    indicators.forEach((ind, k) => {
      const row: CellValue[] = Array(8).fill(null);
      row[c.level1] = ind.level1;
      row[c.level2] = ind.level2;
      row[c.level3] = ind.level3;
      row[c.value] = ind.target?.raw || null;
      row[c.weight] = points[k] ?? null;
      // A suggestion still unrewritten keeps its mark, so that the sheet is reported once, not each cell.
      if (isUnrewrittenSuggestion(ind.level3, ind.target?.raw)) row[7] = suggestionMark(ind.level3);
      values.push(row);
    });
    const first = template.indicatorRow - 1;
    values.push(...template.footer.map((r) => [...r] as CellValue[]));
    const sheet = formSheetName(template.sheetName, project.name, taken);
    taken.push(sheet);
    return {
      kind: 'add_sheet',
      sheet,
      values,
      layout: {
        merges: template.merges,
        columnWidths: template.columnWidths,
        bold: [...template.bold, cellAddress(values.length - 2, 0), cellAddress(values.length - 1, 0)],
        inputs: [...template.inputs, ...indicators.map((_, k) => cellAddress(first + k, c.actual))],
        borders: `A3:${cellAddress(values.length - 1, 7)}`,
        // 执行率 (F6) is a ratio: shown as a percentage when 填写自评得分 computes it, or when the user types it.
        numberFormats: [
          ...['B6', 'C6', 'D6'].map((cell) => ({ cell, format: '#,##0.00' })),
          { cell: 'F6', format: '0.00%' },
        ],
      },
    };
  });
  return { title: `插入项目支出绩效自评表（${pairs.length} 个项目）`, actions };
}
