import ExcelJS from 'exceljs';
import type { Disclosure } from '../model/disclosure';
import { Rng } from '../model/prng';
import { BUDGET_TYPES, budgetTables, type TableSpec } from './table-spec';
import { writeTable, type LayoutFamily, type RenderedLayout, type WriteStyle } from './table-writer';

/**
 * Family "province": the title, header and unit wording of other provinces' 部门预算公开 sets. Titles as 总体情况表 /
 * 情况表 / 预算表, numbered (（表二）, 表2, 附表2-2) before or after, with or without the year (2024年 / 2024年度) and the
 * department; 部门 or 单位; the meta line as 编制部门 / 编制单位 / 单位名称 / 部门名称; the unit as 单位：万元, 金额单位：元,
 * 单位:元 or （单位：万元）, at the right of the meta line or on its own line; code and name heads as 科目编码 / 科目代码 /
 * 功能分类科目编码 and 科目名称 / 功能分类科目名称.
 */
const WORDINGS: Record<string, readonly string[]> = {
  收入总表: ['收入总表', '收入预算总表', '收入总体情况表', '部门收入总体情况表'],
  支出总表: ['支出总表', '支出预算总表', '支出总体情况表', '部门支出总体情况表'],
  一般公共预算支出表: ['一般公共预算财政拨款支出表', '一般公共预算支出情况表', '一般公共预算支出预算表'],
  基本支出表: ['一般公共预算财政拨款基本支出表', '一般公共预算基本支出情况表', '一般公共预算基本支出预算表'],
  三公经费支出表: ['财政拨款“三公”经费支出表', '一般公共预算“三公”经费支出情况表', '“三公”经费支出预算表'],
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

function renderProvince(d: Disclosure, seed: number): RenderedLayout {
  const rng = new Rng(seed).fork('province');
  const wb = new ExcelJS.Workbook();
  const year = rng.pick([`${d.year}年`, `${d.year}年度`, '']);
  const withDepartment = rng.chance(0.4);
  const numbering = rng.pick(['chinese-before', 'arabic-before', 'annex-after', 'none']);
  const who = d.isUnit ? '单位' : '部门';
  const meta = rng.pick([`编制${who}`, `${who}名称`]);
  const unitText = rng.pick([`单位：${d.unit}`, `金额单位：${d.unit}`, `单位:${d.unit}`, `（单位：${d.unit}）`]);
  const unitOwnLine = rng.chance(0.3);
  const codeHead = rng.pick(['科目编码', '科目代码', '功能分类科目编码']);
  const nameHead = rng.pick(['科目名称', '功能分类科目名称']);
  const wordingIndex = rng.int(0, 3);
  const features = [
    `year "${year}"`,
    withDepartment ? 'department in the title' : 'no department in the title',
    `numbering ${numbering}`,
    `meta ${meta}`,
    `unit "${unitText}"${unitOwnLine ? ' on its own line' : ''}`,
    `heads ${codeHead} / ${nameHead}`,
    `wording ${wordingIndex}`,
  ];
  const tables = budgetTables(d).map((spec: TableSpec, i) => {
    const words = WORDINGS[spec.key]!;
    const base = words[wordingIndex % words.length]!.replace(/^部门/, who);
    const core = `${withDepartment ? d.department : ''}${year}${base.startsWith(who) ? '' : who}${base}`;
    const title =
      numbering === 'chinese-before'
        ? `（表${CHINESE_NUMBERS[i + 1]}）${core}`
        : numbering === 'arabic-before'
          ? `表${i + 2} ${core}`
          : numbering === 'annex-after'
            ? `${core}（附表2-${i + 2}）`
            : core;
    const ws = wb.addWorksheet(`${i + 2}${base}`.slice(0, 31));
    const style: WriteStyle = {
      codeColumns: 'single',
      codeHead: spec.codes === 'function' ? codeHead : '科目编码',
      codeCells: 'text',
      numbers: 'number',
      zeros: 'blank',
      totalRow: 'first',
    };
    const labelled: TableSpec =
      spec.codes === 'function' ? { ...spec, labelHeads: [spec.labelHeads[0]!, [nameHead]] } : spec;
    const metaCells = [`${meta}：${d.department}`];
    return writeTable({ ws, row: 1, column: 1 }, labelled, d.decimals, style, {
      above: [
        { cells: [title], merge: true },
        ...(unitOwnLine
          ? [{ cells: metaCells }, { cells: [], atEnd: unitText }]
          : [{ cells: metaCells, atEnd: unitText }]),
      ],
    });
  });
  return { wb, tables, features };
}

export const PROVINCE_FAMILY: LayoutFamily = {
  name: 'province',
  varies: PROVINCE_VARIES,
  kind: 'budget',
  types: BUDGET_TYPES,
  render: renderProvince,
};
