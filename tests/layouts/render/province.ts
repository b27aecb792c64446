import { consolidatedFor } from '../model/generate';
import ExcelJS from 'exceljs';
import type { LayoutFamily, Rendered } from '../families';
import type { Disclosure } from '../model/disclosure';
import type { Rng } from '../model/prng';
import { budgetTables, type TableSpec } from './table-spec';
import { drawVariants, writeTable, type WriteStyle } from './table-writer';
import { FIVE_OF_EIGHT } from './five-of-eight';

/**
 * Family "province": the title, header and unit wording of other provinces' 部门预算公开 sets. Titles as 总体情况表 /
 * 情况表 / 预算表, numbered (（表二）, 表2, 附表2-2) before or after, with or without the year (2024年 / 2024年度) and the
 * department; 部门 or 单位; the meta line as 编制部门 / 编制单位 / 单位名称 / 部门名称; the unit as 单位：万元, 金额单位：元,
 * 单位:元 or （单位：万元）, at the right of the meta line or on its own line; code and name heads as 科目编码 / 科目代码 /
 * 功能分类科目编码 and 科目名称 / 功能分类科目名称.
 */
const WORDINGS: Record<string, readonly string[]> = {
  income_summary: ['收入总表', '收入预算总表', '收入总体情况表', '部门收入总体情况表'],
  expenditure_summary: ['支出总表', '支出预算总表', '支出总体情况表', '部门支出总体情况表'],
  general_budget_expenditure: ['一般公共预算财政拨款支出表', '一般公共预算支出情况表', '一般公共预算支出预算表'],
  general_budget_basic_expenditure: [
    '一般公共预算财政拨款基本支出表',
    '一般公共预算基本支出情况表',
    '一般公共预算基本支出预算表',
  ],
  three_public_expenses: ['财政拨款“三公”经费支出表', '一般公共预算“三公”经费支出情况表', '“三公”经费支出预算表'],
};
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const PROVINCE_VARIES = [
  'title wording (总表 / 总体情况表 / 情况表 / 预算表)',
  'table number (（表二） / 表2 / 附表2-2) before or after the title, or none',
  'year prefix (2024年 / 2024年度 / none) and the department in the title',
  '部门 / 单位',
  'meta line 编制部门 / 编制单位 / 单位名称 / 部门名称',
  'unit wording (单位：万元 / 金额单位：元 / 单位:元 / （单位：万元）) at the right or on its own line',
  'code and name heads (科目编码 / 科目代码 / 功能分类科目编码; 科目名称 / 功能分类科目名称)',
];

interface ProvinceOptions {
  readonly year: 'year' | 'year-du' | 'none';
  readonly withDepartment: boolean;
  readonly numbering: 'chinese-before' | 'arabic-before' | 'annex-after' | 'none';
  readonly meta: 'bianzhi' | 'mingcheng';
  readonly unit: 'plain' | 'jine' | 'half-width' | 'parenthesised';
  readonly unitOwnLine: boolean;
  readonly codeHead: string;
  readonly nameHead: string;
  readonly wording: number;
}

const draw = (rng: Rng): ProvinceOptions => ({
  year: rng.pick(['year', 'year-du', 'none'] as const),
  withDepartment: rng.chance(0.4),
  numbering: rng.pick(['chinese-before', 'arabic-before', 'annex-after', 'none'] as const),
  meta: rng.pick(['bianzhi', 'mingcheng'] as const),
  unit: rng.pick(['plain', 'jine', 'half-width', 'parenthesised'] as const),
  unitOwnLine: rng.chance(0.3),
  codeHead: rng.pick(['科目编码', '科目代码', '功能分类科目编码']),
  nameHead: rng.pick(['科目名称', '功能分类科目名称']),
  wording: rng.int(0, 3),
});

const features = (o: ProvinceOptions): string[] => [
  `year ${o.year}`,
  o.withDepartment ? 'department in the title' : 'no department in the title',
  `numbering ${o.numbering}`,
  `meta ${o.meta === 'bianzhi' ? '编制部门/单位' : '部门/单位名称'}`,
  `unit wording ${o.unit}${o.unitOwnLine ? ' on its own line' : ' at the right of the meta line'}`,
  `heads ${o.codeHead} / ${o.nameHead}`,
  `title wording ${o.wording}`,
];

function renderProvince(d: Disclosure, o: ProvinceOptions): Rendered {
  const wb = new ExcelJS.Workbook();
  const who = d.isUnit ? '单位' : '部门';
  const year = o.year === 'year' ? `${d.year}年` : o.year === 'year-du' ? `${d.year}年度` : '';
  const meta = o.meta === 'bianzhi' ? `编制${who}` : `${who}名称`;
  const unitText = {
    plain: `单位：${d.unit}`,
    jine: `金额单位：${d.unit}`,
    'half-width': `单位:${d.unit}`,
    parenthesised: `（单位：${d.unit}）`,
  }[o.unit];
  const tables = budgetTables(d).map((spec: TableSpec, i) => {
    const words = WORDINGS[spec.key]!;
    const base = words[o.wording % words.length]!.replace(/^部门/, who);
    const core = `${o.withDepartment ? d.department : ''}${year}${base.startsWith(who) ? '' : who}${base}`;
    const title =
      o.numbering === 'chinese-before'
        ? `（表${CHINESE_NUMBERS[i + 1]}）${core}`
        : o.numbering === 'arabic-before'
          ? `表${i + 2} ${core}`
          : o.numbering === 'annex-after'
            ? `${core}（附表2-${i + 2}）`
            : core;
    const ws = wb.addWorksheet(`${i + 2}${base}`.slice(0, 31));
    const style: WriteStyle = {
      codeColumns: 'single',
      codeHead: spec.codes === 'function' ? o.codeHead : '科目编码',
      codeCells: 'text',
      numbers: 'number',
      zeros: 'blank',
      totalRow: 'first',
    };
    const labelled: TableSpec =
      spec.codes === 'function' ? { ...spec, labelHeads: [spec.labelHeads[0]!, [o.nameHead]] } : spec;
    const metaCells = [`${meta}：${d.department}`];
    return writeTable({ ws, row: 1, column: 1 }, labelled, d.decimals, style, {
      above: [
        { cells: [title], merge: true },
        ...(o.unitOwnLine
          ? [{ cells: metaCells }, { cells: [], atEnd: unitText }]
          : [{ cells: metaCells, atEnd: unitText }]),
      ],
    }).placed;
  });
  return { wb, tables };
}

export const PROVINCE_FAMILY: LayoutFamily = {
  id: 'province',
  description: 'title, header and unit wording of other provinces',
  varies: PROVINCE_VARIES,
  model: (seed) => ({ kind: 'budget', consolidated: consolidatedFor(seed) }),
  variants: drawVariants('province', 8, draw, features, renderProvince),
  ...FIVE_OF_EIGHT,
  ciSeeds: 8,
};
