import ExcelJS from 'exceljs';
import type { Disclosure } from '../model/disclosure';
import { Rng } from '../model/prng';
import { BUDGET_TYPES, budgetTables, type TableSpec } from './table-spec';
import {
  headsOf,
  writeTable,
  type Frame,
  type LayoutFamily,
  type RenderedLayout,
  type WriteStyle,
  type WrittenTable,
} from './table-writer';

/**
 * Families "stacked", "side-by-side" and "any-origin": the national budget tables in the seeds' style, placed
 * differently. Stacked: every table on one sheet, one to three blank rows apart, the whole at a random origin.
 * Side-by-side: tables next to each other on one sheet (one to three blank columns apart, titles on the same row),
 * two or three to a sheet. Any origin: one table per sheet, each at its own random offset.
 */
const STYLE: WriteStyle = {
  codeColumns: 'single',
  codeHead: '科目编码',
  codeCells: 'text',
  numbers: 'number',
  zeros: 'blank',
  totalRow: 'first',
};

function frameOf(d: Disclosure, spec: TableSpec): Frame {
  return {
    above: [
      { cells: [`${d.year}年${d.isUnit ? '单位' : '部门'}预算${spec.title}`], merge: true },
      { cells: [`${d.isUnit ? '编制单位' : '编制部门'}：${d.department}`], atEnd: `单位：${d.unit}` },
    ],
  };
}

function renderStacked(d: Disclosure, seed: number): RenderedLayout {
  const rng = new Rng(seed).fork('stacked');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(rng.pick(['预算公开表', 'Sheet1', '部门预算']));
  const origin = [rng.int(0, 6), rng.int(0, 4)] as const;
  const gap = rng.int(1, 3);
  let row = 1 + origin[0];
  const tables: WrittenTable[] = [];
  for (const spec of budgetTables(d)) {
    const t = writeTable({ ws, row, column: 1 + origin[1] }, spec, d.decimals, STYLE, frameOf(d, spec));
    tables.push(t);
    row = t.end.row + gap;
  }
  return { wb, tables, features: [`origin ${origin[0] + 1},${origin[1] + 1}`, `${gap} blank rows between tables`] };
}

function renderSideBySide(d: Disclosure, seed: number): RenderedLayout {
  const rng = new Rng(seed).fork('side-by-side');
  const wb = new ExcelJS.Workbook();
  const specs = budgetTables(d);
  const perSheet = rng.pick([2, 3, 5]);
  const gap = rng.int(1, 3);
  const origin = [rng.int(0, 3), rng.int(0, 3)] as const;
  const tables: WrittenTable[] = [];
  for (let i = 0; i < specs.length; i += perSheet) {
    const ws = wb.addWorksheet(`表${i / perSheet + 1}`);
    let column = 1 + origin[1];
    for (const spec of specs.slice(i, i + perSheet)) {
      const t = writeTable({ ws, row: 1 + origin[0], column }, spec, d.decimals, STYLE, frameOf(d, spec));
      tables.push(t);
      column += headsOf(spec, STYLE).length + gap;
    }
  }
  return {
    wb,
    tables,
    features: [
      `${perSheet} tables side by side per sheet`,
      `${gap} blank columns apart`,
      `origin ${origin[0] + 1},${origin[1] + 1}`,
    ],
  };
}

function renderAnyOrigin(d: Disclosure, seed: number): RenderedLayout {
  const rng = new Rng(seed).fork('any-origin');
  const wb = new ExcelJS.Workbook();
  const features: string[] = [];
  const tables = budgetTables(d).map((spec) => {
    const ws = wb.addWorksheet(spec.key);
    const at = [rng.int(0, 12), rng.int(0, 8)] as const;
    features.push(`${spec.key} at ${at[0] + 1},${at[1] + 1}`);
    return writeTable({ ws, row: 1 + at[0], column: 1 + at[1] }, spec, d.decimals, STYLE, frameOf(d, spec));
  });
  return { wb, tables, features };
}

export const STACKED_FAMILIES: readonly LayoutFamily[] = [
  {
    name: 'stacked/one-sheet',
    varies: ['all tables on one sheet', 'origin of the stack', 'blank rows between tables (1–3)'],
    kind: 'budget',
    types: BUDGET_TYPES,
    render: renderStacked,
  },
  {
    name: 'side-by-side',
    varies: ['tables side by side on one sheet (2, 3 or 5 to a sheet)', 'blank columns between (1–3)', 'origin'],
    kind: 'budget',
    types: BUDGET_TYPES,
    render: renderSideBySide,
  },
  {
    name: 'any-origin',
    varies: ['one table per sheet, each at its own origin (rows 1–13, columns A–I)'],
    kind: 'budget',
    types: BUDGET_TYPES,
    render: renderAnyOrigin,
  },
];
