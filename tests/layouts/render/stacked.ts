import { consolidatedFor } from '../model/generate';
import ExcelJS from 'exceljs';
import type { LayoutFamily, PlacedTable, Rendered } from '../families';
import type { Disclosure } from '../model/disclosure';
import type { Rng } from '../model/prng';
import { budgetTables, type TableSpec } from './table-spec';
import { drawVariants, headsOf, writeTable, type Frame, type WriteStyle } from './table-writer';
import { FIVE_OF_EIGHT } from './five-of-eight';

/**
 * Families "stacked", "side-by-side" and "any-origin": the national budget tables in the seeds' style, placed
 * differently. Stacked: every table on one sheet, one to three blank rows apart, the whole at a random origin.
 * Side-by-side: tables next to each other on one sheet (one to three blank columns apart, titles on the same row), two,
 * three or five to a sheet. Any origin: one table per sheet, each at its own offset.
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

interface StackedOptions {
  readonly sheetName: string;
  readonly origin: readonly [number, number];
  readonly gap: number;
}

function renderStacked(d: Disclosure, o: StackedOptions): Rendered {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(o.sheetName);
  let row = 1 + o.origin[0];
  const tables: PlacedTable[] = [];
  for (const spec of budgetTables(d)) {
    const t = writeTable({ ws, row, column: 1 + o.origin[1] }, spec, d.decimals, STYLE, frameOf(d, spec));
    tables.push(t.placed);
    row = t.end.row + o.gap;
  }
  return { wb, tables };
}

interface SideBySideOptions {
  readonly perSheet: number;
  readonly gap: number;
  readonly origin: readonly [number, number];
}

function renderSideBySide(d: Disclosure, o: SideBySideOptions): Rendered {
  const wb = new ExcelJS.Workbook();
  const specs = budgetTables(d);
  const tables: PlacedTable[] = [];
  for (let i = 0; i < specs.length; i += o.perSheet) {
    const ws = wb.addWorksheet(`表${i / o.perSheet + 1}`);
    let column = 1 + o.origin[1];
    for (const spec of specs.slice(i, i + o.perSheet)) {
      tables.push(writeTable({ ws, row: 1 + o.origin[0], column }, spec, d.decimals, STYLE, frameOf(d, spec)).placed);
      column += headsOf(spec, STYLE).length + o.gap;
    }
  }
  return { wb, tables };
}

type Offsets = readonly (readonly [number, number])[];

function renderAnyOrigin(d: Disclosure, offsets: Offsets): Rendered {
  const wb = new ExcelJS.Workbook();
  const tables = budgetTables(d).map((spec, i) => {
    const ws = wb.addWorksheet(spec.name);
    const at = offsets[i % offsets.length]!;
    return writeTable({ ws, row: 1 + at[0], column: 1 + at[1] }, spec, d.decimals, STYLE, frameOf(d, spec)).placed;
  });
  return { wb, tables };
}

export const STACKED_FAMILIES: readonly LayoutFamily[] = [
  {
    id: 'stacked',
    description: 'every table stacked on one sheet, at any origin',
    varies: [
      'all tables on one sheet',
      'origin of the stack (rows 1–7, columns A–E)',
      'blank rows between tables (1–3)',
    ],
    model: (seed) => ({ kind: 'budget', consolidated: consolidatedFor(seed) }),
    variants: drawVariants(
      'stacked',
      6,
      (rng: Rng): StackedOptions => ({
        sheetName: rng.pick(['预算公开表', 'Sheet1', '部门预算']),
        origin: [rng.int(0, 6), rng.int(0, 4)],
        gap: rng.int(1, 3),
      }),
      (o) => [`sheet ${o.sheetName}`, `origin ${o.origin[0] + 1},${o.origin[1] + 1}`, `${o.gap} blank rows between`],
      renderStacked,
    ),
    ...FIVE_OF_EIGHT,
    ciSeeds: 8,
  },
  {
    id: 'side-by-side',
    description: 'tables side by side on one sheet',
    varies: ['tables side by side (2, 3 or 5 to a sheet)', 'blank columns between (1–3)', 'origin'],
    model: (seed) => ({ kind: 'budget', consolidated: consolidatedFor(seed) }),
    variants: drawVariants(
      'side-by-side',
      6,
      (rng: Rng): SideBySideOptions => ({
        perSheet: rng.pick([2, 3, 5]),
        gap: rng.int(1, 3),
        origin: [rng.int(0, 3), rng.int(0, 3)],
      }),
      (o) => [
        `${o.perSheet} tables side by side per sheet`,
        `${o.gap} blank columns apart`,
        `origin ${o.origin[0] + 1},${o.origin[1] + 1}`,
      ],
      renderSideBySide,
    ),
    ...FIVE_OF_EIGHT,
    ciSeeds: 8,
  },
  {
    id: 'any-origin',
    description: 'one table per sheet, each at its own origin',
    varies: ['origin of each table (rows 1–13, columns A–I)'],
    model: (seed) => ({ kind: 'budget', consolidated: consolidatedFor(seed) }),
    variants: drawVariants(
      'any-origin',
      6,
      (rng: Rng): Offsets => Array.from({ length: 5 }, () => [rng.int(0, 12), rng.int(0, 8)] as const),
      (o) => o.map((at, i) => `table ${i + 1} at ${at[0] + 1},${at[1] + 1}`),
      renderAnyOrigin,
    ),
    ...FIVE_OF_EIGHT,
    ciSeeds: 8,
  },
];
