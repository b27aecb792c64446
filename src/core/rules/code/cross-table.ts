import type { MappedRow } from '../../mapping/map-rows';
import { groupBy } from '../../util/collections';
import type { Rule, RuleContext } from '../types';
import { catalogOf, namedCellRows, nameOf, rowCells, tableName } from './shared';

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
 * one table gives it, where at least two other tables agree on another code, is very likely mistyped. Where only two
 * tables carry the line, the catalog decides when it gives the name to one of the two codes only. With no such
 * majority the rule keeps quiet: which side is wrong is not known.
 */
export const codeCrossTable: Rule = {
  meta: {
    id: 'code.cross_table',
    defaultSeverity: 'warning',
    title: { zh: '同一科目在各表编码不一致', en: 'A line coded differently across tables' },
    description: {
      zh: '同一上级科目下名称相同的科目，在各表中应为同一编码。某表的编码与其余至少两张表一致的编码不同时，为警告（多为录入或复制时编码错位）；只有两张表互相不一致时，若科目表中该名称恰为其中一方的编码，另一方为警告，否则无法判断哪一方有误，不作报告。',
      en: 'A line with the same name under the same parent has one code in every table. A code given by one table only, where at least two other tables agree on another code, is a warning; where two tables disagree, the catalog decides when it names the line at exactly one of the two codes; otherwise nothing is reported.',
    },
    formula: 'code(table, parent, name) = code(other tables, parent, name)',
    example: '《支出总表》中“行政运行”编为 2080502，而《收入总表》《一般公共预算支出表》均为 2080501',
    messages: {
      minorityCode: {
        zh: '同名科目的编码与其余各表不同',
        en: "A line's code differs from the other tables' code for that name",
      },
      codeAgainstCatalog: {
        zh: '同名科目的编码与另一表及科目表不同',
        en: "A line's code differs from another table's and the catalog's for that name",
      },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const year = ctx.workbook.fiscalYear;
    const rows = namedCellRows(ctx).filter((r) => r.code.length > 3);
    const lines = groupBy(rows, (r) => `${r.classification}:${r.code.slice(0, -2)}:${nameOf(r)}`);
    for (const group of lines.values()) {
      const byCode = tablesByCode(group);
      if (byCode.size < 2) continue;
      const [majority, tables] = [...byCode.entries()].sort((a, b) => b[1].size - a[1].size)[0] as [
        string,
        Set<string>,
      ];
      if (tables.size < 2) {
        tieBrokenByCatalog(ctx, group, byCode, year);
        continue;
      }
      const reference = group.find((r) => r.code === majority) as MappedRow;
      for (const r of group) {
        const own = byCode.get(r.code) as Set<string>;
        if (r.code === majority || own.size !== 1 || tables.has(r.tableId)) continue;
        ctx.report({
          sheet: r.sheet,
          cells: rowCells(r),
          expected: majority,
          actual: r.code,
          messageId: 'minorityCode',
          message: `${tableName(ctx, r)}中“${r.name}”编码为 ${r.code}，其余 ${tables.size} 张表（如${tableName(ctx, reference)}）均为 ${majority}`,
        });
      }
    }
  },
};

/**
 * Two tables, one code each, and no third table: the catalog is the third witness. When it gives the line's name to
 * exactly one of the two codes, the other table's code is the mistyped one; otherwise which side is wrong is not known.
 */
function tieBrokenByCatalog(
  ctx: RuleContext,
  group: readonly MappedRow[],
  byCode: ReadonlyMap<string, ReadonlySet<string>>,
  year: number | null,
): void {
  if (byCode.size !== 2 || [...byCode.values()].some((t) => t.size !== 1)) return;
  const catalog = catalogOf(ctx, group[0] as MappedRow);
  if (!catalog) return;
  const fits = [...byCode.keys()].filter((code) => {
    const row = group.find((r) => r.code === code) as MappedRow;
    return catalog.judgeName(code, row.name ?? '', year).kind === 'match';
  });
  if (fits.length !== 1) return;
  const majority = fits[0] as string;
  const reference = group.find((r) => r.code === majority) as MappedRow;
  for (const r of group) {
    if (r.code === majority || r.tableId === reference.tableId) continue;
    ctx.report({
      sheet: r.sheet,
      cells: rowCells(r),
      expected: majority,
      actual: r.code,
      messageId: 'codeAgainstCatalog',
      message: `${tableName(ctx, r)}中“${r.name}”编码为 ${r.code}，${tableName(ctx, reference)}为 ${majority}，科目表中“${r.name}”亦为 ${majority}`,
    });
  }
}
