import type { SheetSnapshot } from '../../src/core/snapshot/types';
import { sheet, type GridValue } from './grid';

/** A small function-classified table on its own sheet: title, 编制部门 and unit line, header, lines, 合计. */
export function fnSheet(
  name: string,
  title: string,
  lines: GridValue[][] = [['201', '一般公共服务支出', 10]],
  opts: { unit?: string; body?: string } = {},
): SheetSnapshot {
  const total = lines.reduce((s, l) => s + (typeof l[2] === 'number' ? l[2] : 0), 0);
  return sheet(
    [
      [title, null, null],
      [`编制部门：${opts.body ?? '某市教育局'}`, null, `单位：${opts.unit ?? '万元'}`],
      ['科目编码', '科目名称', '合计'],
      ...lines,
      [null, '合计', total],
    ],
    { name, merges: ['A1:C1'] },
  );
}

/** The eight tables of a national 部门预算 disclosure, each a small table, optionally without some. */
export const BUDGET_SET: readonly [string, string][] = [
  ['收支总表', '2021年部门收支总表'],
  ['收入总表', '2021年部门收入总表'],
  ['支出总表', '2021年部门支出总表'],
  ['财政拨款收支总表', '2021年部门财政拨款收支总表'],
  ['一般公共预算支出表', '2021年部门一般公共预算支出表'],
  ['一般公共预算基本支出表', '2021年部门一般公共预算基本支出表'],
  ['三公经费支出表', '2021年部门一般公共预算“三公”经费支出表'],
  ['政府性基金支出表', '2021年部门政府性基金预算支出表'],
];

export function budgetSet(without: readonly string[] = []): SheetSnapshot[] {
  return BUDGET_SET.filter(([name]) => !without.includes(name)).map(([name, title]) => fnSheet(name, title));
}
