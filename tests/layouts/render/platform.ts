import ExcelJS from 'exceljs';
import type { Disclosure } from '../model/disclosure';
import { Rng } from '../model/prng';
import { BUDGET_TYPES, budgetTables, type TableSpec } from './table-spec';
import { writeTable, type LayoutFamily, type RenderedLayout, type WriteStyle } from './table-writer';

/**
 * Family "platform": exports of a provincial 预算管理一体化 platform, Shanghai style. Sheets named by table code (2.01 …,
 * 3.15), amounts in 元, the function code split over 类|款|项 columns (类 a number, 款/项 two-digit text), a blank row,
 * the title, a blank row, 编制部门/编制单位 with 单位：元 at the right, a 项目 | 收入预算 band over the header, and a few
 * hundred styled empty columns to the right.
 */
const SHANGHAI_TITLES: Record<string, string> = {
  收入总表: '收入预算总表',
  支出总表: '支出预算总表',
  一般公共预算支出表: '一般公共预算支出功能分类预算表',
  基本支出表: '一般公共预算基本支出部门预算经济分类预算表',
  三公经费支出表: '“三公”经费支出预算表',
};
const BANDS: Record<string, string> = {
  收入总表: '收入预算',
  支出总表: '支出预算',
  一般公共预算支出表: '一般公共预算支出',
  基本支出表: '一般公共预算基本支出',
};

export const PLATFORM_VARIES = [
  'sheet names by table code (2.01 / 3.15)',
  'split 类/款/项 code columns (类 number, 款/项 text)',
  'band row 项目 | 收入预算 over the header',
  'blank rows around the title',
  'styled empty columns (0–240)',
  '合计 row first or last, its label merged across the code columns or in the name column',
  '编制部门 / 编制单位',
];

function renderPlatform(d: Disclosure, seed: number): RenderedLayout {
  const rng = new Rng(seed).fork('platform');
  const wb = new ExcelJS.Workbook();
  const sheetPrefix = rng.pick(['2', '3']);
  const firstNumber = rng.pick([1, 11]);
  const styled = rng.pick([0, 60, 240]);
  const totalRow = rng.pick<'first' | 'last'>(['first', 'last']);
  const banded = rng.chance(0.7);
  const totalLabel = rng.pick<'name' | 'merged'>(['name', 'merged']);
  const codeCells = rng.pick<WriteStyle['codeCells']>(['class-number', 'text']);
  const owner = d.isUnit ? '编制单位' : '编制部门';
  const features = [
    `sheets ${sheetPrefix}.${String(firstNumber).padStart(2, '0')}…`,
    `styled empty columns ${styled}`,
    `total row ${totalRow}`,
    banded ? 'band row' : 'no band row',
    `split codes (${codeCells})`,
    `合计 label ${totalLabel === 'merged' ? 'merged across the code columns' : 'in the name column'}`,
  ];
  const tables = budgetTables(d).map((spec: TableSpec, i) => {
    const ws = wb.addWorksheet(`${sheetPrefix}.${String(firstNumber + i).padStart(2, '0')}`);
    const band = banded && BANDS[spec.key] ? (['项目', BANDS[spec.key]!] as const) : undefined;
    const style: WriteStyle = {
      codeColumns: 'split',
      codeHead: spec.codes === 'economic' ? '部门预算经济分类科目编码' : '功能分类科目编码',
      codeCells,
      numbers: 'number',
      zeros: 'blank',
      totalRow,
      totalLabel,
      ...(band ? { band } : {}),
      styledEmptyColumns: styled,
    };
    const labelled: TableSpec = {
      ...spec,
      labelHeads:
        spec.codes === 'none'
          ? spec.labelHeads
          : [spec.labelHeads[0]!, [spec.codes === 'economic' ? '经济分类科目名称' : '功能分类科目名称']],
    };
    return writeTable({ ws, row: 2, column: 1 }, labelled, d.decimals, style, {
      above: [
        { cells: [`${d.year}年${d.isUnit ? '单位' : '部门'}${SHANGHAI_TITLES[spec.key]}`], merge: true },
        { cells: [] },
        { cells: [`${owner}：${d.department}`], atEnd: `单位：${d.unit}` },
        { cells: [] },
      ],
    });
  });
  return { wb, tables, features };
}

export const PLATFORM_FAMILY: LayoutFamily = {
  name: 'platform',
  varies: PLATFORM_VARIES,
  kind: 'budget',
  modelOptions: { unit: '元', decimals: 2 },
  types: BUDGET_TYPES,
  render: renderPlatform,
};
