import type ExcelJS from 'exceljs';
import { addressOf, cellOf } from './cells';
import type { CellAt, PlacedTable, Rendered } from './families';
import type { Rng } from './model/prng';
import { SELF_INDICATOR } from './render/self-evaluations';
import type { Slip } from './slips';

/**
 * Slips of a 项目支出绩效自评表 (render/self-evaluations.ts), each a thing a person filling the form gets wrong: a 总分
 * added up wrongly, an 执行率 typed rather than computed, a 完成比例 off, full points kept for a missed target, the money
 * indicator's actual a digit off the year's spending. Every one must be reported at its cell as an error or warning.
 */

const formsWith = (r: Rendered, key: string): PlacedTable[] =>
  r.tables.filter((t) => t.type === 'performance_self_evaluation' && t.cells.has(key));

/** A ratio cell as the form writes it: a fraction formatted 0.00%, or the text "95.00%". */
function readRatio(cell: ExcelJS.Cell): number | null {
  const v = cell.value;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+(?:\.\d+)?)%$/.exec(String(v ?? ''));
  return m ? Number(m[1]) / 100 : null;
}

function writeRatio(cell: ExcelJS.Cell, ratio: number): void {
  const rounded = Math.round(ratio * 10000) / 10000;
  cell.value = typeof cell.value === 'number' ? rounded : `${(rounded * 100).toFixed(2)}%`;
}

/** "≥1400人" → { op: '≥', value: 1400, unit: '人' }; "100%" → { op: '', value: 100, unit: '%' }. */
function parseFigure(text: string): { op: string; value: number; unit: string } | null {
  const m = /^([≥≤]?)(\d+(?:\.\d+)?)(.*)$/.exec(text);
  return m ? { op: m[1]!, value: Number(m[2]), unit: m[3]! } : null;
}

function slip(
  id: Slip['id'],
  description: string,
  key: string,
  change: (r: Rendered, t: PlacedTable, at: CellAt, rng: Rng) => readonly CellAt[] | null,
): Slip {
  return {
    id,
    description,
    apply: (r, _d, rng) => {
      const forms = formsWith(r, key);
      if (forms.length === 0) return null;
      const t = rng.pick(forms);
      const at = t.cells.get(key)!;
      const cells = change(r, t, at, rng);
      return cells ? { description: `${id} ${t.key} ${addressOf(at)}`, cells } : null;
    },
  };
}

export const SELF_EVALUATION_SLIPS: readonly Slip[] = [
  // 总分 not the sum of the scores (performance.scores).
  slip('self-total', 'a 自评表’s 总分 added up wrongly', 'l:total|score', (r, _t, at, rng) => {
    const cell = cellOf(r, at);
    const total = Number(cell.value);
    const delta = rng.pick([1, 2, 3, 5]);
    cell.value = Math.round((total > 100 - delta ? total - delta : total + delta) * 100) / 100;
    return [at];
  }),
  // 执行率 typed three to eight points off 全年执行数 ÷ 全年预算数 (performance.execution).
  slip('self-rate', 'a 自评表’s 执行率 typed, not computed', 'l:funds|rate', (r, _t, at, rng) => {
    const cell = cellOf(r, at);
    const rate = readRatio(cell);
    if (rate === null) return null;
    const delta = rng.int(3, 8) / 100;
    writeRatio(cell, rate > 0.9 ? rate - delta : rate + delta);
    return [at];
  }),
  // One 完成比例 ten to thirty points off the indicator's figures (performance.completion).
  slip(
    'self-completion',
    'a 自评表’s 完成比例 miscalculated',
    `l:indicator.${SELF_INDICATOR.timeliness}|completion`,
    (r, t, _at, rng) => {
      const n = rng.pick(Object.values(SELF_INDICATOR).filter((i) => t.cells.has(`l:indicator.${i}|completion`)));
      const at = t.cells.get(`l:indicator.${n}|completion`)!;
      const cell = cellOf(r, at);
      const ratio = readRatio(cell);
      if (ratio === null) return null;
      writeRatio(cell, ratio - rng.int(10, 30) / 100);
      return [at];
    },
  ),
  // A met "≥" target's actual lowered below it while its full points stay (performance.execution).
  slip(
    'self-full-marks',
    'a 自评表 keeps full points for a missed target',
    `l:indicator.${SELF_INDICATOR.people}|actual`,
    (r, t, _at, rng) => {
      const n = rng.pick([SELF_INDICATOR.people, SELF_INDICATOR.timeliness, SELF_INDICATOR.satisfaction]);
      const [targetAt, actualAt, weightAt, scoreAt] = ['target', 'actual', 'weight', 'score'].map((k) =>
        t.cells.get(`l:indicator.${n}|${k}`)!,
      ) as [CellAt, CellAt, CellAt, CellAt];
      const target = parseFigure(String(cellOf(r, targetAt).value ?? ''));
      if (!target || target.op !== '≥' || cellOf(r, scoreAt).value !== cellOf(r, weightAt).value) return null;
      // Short by 10–20%: no rounding of a completion share explains it.
      const short = Math.floor(target.value * (1 - rng.int(10, 20) / 100));
      cellOf(r, actualAt).value = `${short}${target.unit}`;
      return [actualAt, scoreAt];
    },
  ),
  // The money indicator's actual a hair (0.2–0.9%) off 全年执行数: a typing slip (performance.funds).
  slip(
    'self-funds',
    'a 自评表’s money indicator a digit off the year’s spending',
    `l:indicator.${SELF_INDICATOR.money}|actual`,
    (r, t, at, rng) => {
      const spent = Math.round(Number(cellOf(r, t.cells.get('l:funds|spent')!).value) * 100);
      const delta = Math.floor((spent * rng.int(2, 9)) / 1000);
      if (delta < 1) return null;
      const figure = parseFigure(String(cellOf(r, at).value ?? ''));
      if (!figure) return null;
      cellOf(r, at).value = `${((spent + delta) / 100).toFixed(2)}${figure.unit}`;
      return [at];
    },
  ),
];
