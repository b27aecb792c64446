import type { MappedRow } from '../../mapping/map-rows';
import { groupBy } from '../../util/collections';
import type { Rule } from '../types';
import { namedCellRows, nameOf, rowCells, tableName } from './shared';

/** Tables in which each code of a line group appears. */
function tablesByCode(group: readonly MappedRow[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of group) {
    const set = out.get(r.code) ?? new Set<string>();
    set.add(r.tableId);
    out.set(r.code, set);
  }
  return out;
}

/**
 * The same line (one name under one parent) carries one code in every table of a correct workbook. A code that only
 * one table gives it, where at least two other tables agree on another code, is very likely mistyped. With no such
 * majority the rule keeps quiet: which side is wrong is not known.
 */
export const codeCrossTable: Rule = {
  meta: {
    id: 'code.cross_table',
    defaultSeverity: 'warning',
    title: { zh: '同一科目在各表编码不一致', en: 'A line coded differently across tables' },
    description: {
      zh: '同一上级科目下名称相同的科目，在各表中应为同一编码。某表的编码与其余至少两张表一致的编码不同时，为警告（多为录入或复制时编码错位）；只有两张表互相不一致时无法判断哪一方有误，不作报告。',
      en: 'A line with the same name under the same parent has one code in every table. A code given by one table only, where at least two other tables agree on another code, is a warning; with no such majority nothing is reported.',
    },
    formula: 'code(table, parent, name) = code(other tables, parent, name)',
    example: '《支出总表》中“行政运行”编为 2080502，而《收入总表》《一般公共预算支出表》均为 2080501',
    appliesTo: 'all',
  },
  check(ctx) {
    const rows = namedCellRows(ctx).filter((r) => r.code.length > 3);
    const lines = groupBy(rows, (r) => `${r.classification}:${r.code.slice(0, -2)}:${nameOf(r)}`);
    for (const group of lines.values()) {
      const byCode = tablesByCode(group);
      if (byCode.size < 2) continue;
      const [majority, tables] = [...byCode.entries()].sort((a, b) => b[1].size - a[1].size)[0] as [
        string,
        Set<string>,
      ];
      if (tables.size < 2) continue;
      const reference = group.find((r) => r.code === majority) as MappedRow;
      for (const r of group) {
        const own = byCode.get(r.code) as Set<string>;
        if (r.code === majority || own.size !== 1 || tables.has(r.tableId)) continue;
        ctx.report({
          sheet: r.sheet,
          cells: rowCells(r),
          expected: majority,
          actual: r.code,
          message: `${tableName(ctx, r)}中“${r.name}”编码为 ${r.code}，其余 ${tables.size} 张表（如${tableName(ctx, reference)}）均为 ${majority}`,
        });
      }
    }
  },
};
