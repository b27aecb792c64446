import { consolidatedFor } from '../model/generate';
import ExcelJS from 'exceljs';
import type { LayoutFamily, Rendered } from '../families';
import type { Disclosure } from '../model/disclosure';
import type { Rng } from '../model/prng';
import { budgetTables, type TableSpec } from './table-spec';
import { drawVariants, writeTable, type WriteStyle } from './table-writer';
import { FIVE_OF_EIGHT } from './five-of-eight';

/**
 * Family "platform": exports of a provincial 预算管理一体化 platform, Shanghai style. Sheets named by table code (2.01 …,
 * 3.15), amounts in 元, the function code split over 类|款|项 columns (类 a number or text, 款/项 two-digit text), a blank
 * row, the title, a blank row, 编制部门/编制单位 with 单位：元 at the right, a 项目 | 收入预算 band over the header, and up
 * to a few hundred styled empty columns to the right.
 */
const SHANGHAI_TITLES: Record<string, string> = {
  income_summary: '收入预算总表',
  expenditure_summary: '支出预算总表',
  general_budget_expenditure: '一般公共预算支出功能分类预算表',
  general_budget_basic_expenditure: '一般公共预算基本支出部门预算经济分类预算表',
  three_public_expenses: '“三公”经费支出预算表',
};
const BANDS: Record<string, string> = {
  income_summary: '收入预算',
  expenditure_summary: '支出预算',
  general_budget_expenditure: '一般公共预算支出',
  general_budget_basic_expenditure: '一般公共预算基本支出',
};

interface PlatformOptions {
  readonly sheetPrefix: string;
  readonly firstNumber: number;
  readonly styled: number;
  readonly totalRow: 'first' | 'last';
  readonly totalLabel: 'name' | 'merged';
  readonly banded: boolean;
  readonly codeCells: WriteStyle['codeCells'];
}

const draw = (rng: Rng): PlatformOptions => ({
  sheetPrefix: rng.pick(['2', '3']),
  firstNumber: rng.pick([1, 11]),
  styled: rng.pick([0, 60, 240]),
  totalRow: rng.pick(['first', 'last'] as const),
  totalLabel: rng.pick(['name', 'merged'] as const),
  banded: rng.chance(0.7),
  codeCells: rng.pick(['class-number', 'text'] as const),
});

const features = (o: PlatformOptions): string[] => [
  `sheets ${o.sheetPrefix}.${String(o.firstNumber).padStart(2, '0')}…`,
  `styled empty columns ${o.styled}`,
  `合计 row ${o.totalRow}, label ${o.totalLabel === 'merged' ? 'merged across the code columns' : 'in the name column'}`,
  o.banded ? 'band row 项目 | 收入预算' : 'no band row',
  `split 类/款/项 codes (${o.codeCells})`,
];

function renderPlatform(d: Disclosure, o: PlatformOptions): Rendered {
  const wb = new ExcelJS.Workbook();
  const owner = d.isUnit ? '编制单位' : '编制部门';
  const tables = budgetTables(d).map((spec: TableSpec, i) => {
    const ws = wb.addWorksheet(`${o.sheetPrefix}.${String(o.firstNumber + i).padStart(2, '0')}`);
    const band = o.banded && BANDS[spec.key] ? (['项目', BANDS[spec.key]!] as const) : undefined;
    const style: WriteStyle = {
      codeColumns: 'split',
      codeHead: spec.codes === 'economic' ? '部门预算经济分类科目编码' : '功能分类科目编码',
      codeCells: o.codeCells,
      numbers: 'number',
      zeros: 'blank',
      totalRow: o.totalRow,
      totalLabel: o.totalLabel,
      ...(band ? { band } : {}),
      styledEmptyColumns: o.styled,
    };
    const labelled: TableSpec =
      spec.codes === 'none'
        ? spec
        : {
            ...spec,
            labelHeads: [spec.labelHeads[0]!, [spec.codes === 'economic' ? '经济分类科目名称' : '功能分类科目名称']],
          };
    return writeTable({ ws, row: 2, column: 1 }, labelled, d.decimals, style, {
      above: [
        { cells: [`${d.year}年${d.isUnit ? '单位' : '部门'}${SHANGHAI_TITLES[spec.key]}`], merge: true },
        { cells: [] },
        { cells: [`${owner}：${d.department}`], atEnd: `单位：${d.unit}` },
        { cells: [] },
      ],
    }).placed;
  });
  return { wb, tables };
}

export const PLATFORM_FAMILY: LayoutFamily = {
  id: 'platform',
  description: '预算管理一体化 platform export, Shanghai style (元, split 类/款/项, sheets by table code)',
  varies: [
    'sheet names by table code (2.01 / 3.11 …)',
    'split 类/款/项 code columns (类 a number or text, 款/项 two-digit text)',
    'band row 项目 | 收入预算 over the header, or none',
    'blank rows around the title',
    'styled empty columns (0, 60, 240)',
    '合计 row first or last, its label merged across the code columns or in the name column',
    '编制部门 / 编制单位',
  ],
  model: (seed) => ({ kind: 'budget', unit: '元', decimals: 2, consolidated: consolidatedFor(seed) }),
  variants: drawVariants('platform', 8, draw, features, renderPlatform),
  ...FIVE_OF_EIGHT,
  ciSeeds: 8,
  // Split 类/款/项 columns: a 项 cell holds its two digits only, so no code can move to another 款 in it.
  slips: FIVE_OF_EIGHT.slips.filter((s) => s !== 'wrong-parent'),
};
