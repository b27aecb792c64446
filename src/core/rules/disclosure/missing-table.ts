import type { TableType } from '../../recognition/table-type';
import { cellAddress } from '../../model';
import type { Rule, RuleContext } from '../types';
import { address, contentsEntries, presentTypes, scopeOf, tableSetOf, type SetTable } from './workbook-texts';

/** Where a missing table would be: after the last table of the set before it that is present, else before the next. */
function expectedPlace(
  ctx: RuleContext,
  tables: readonly SetTable[],
  index: number,
  present: ReadonlySet<TableType>,
  prefix: string,
): { sheet: string; cell: string; note: string } | null {
  const find = (t: SetTable | undefined) => (t ? ctx.workbook.tables.find((x) => x.type === t.type) : undefined);
  const before = [...tables.slice(0, index)].reverse().find((t) => present.has(t.type) && find(t));
  const after = tables.slice(index + 1).find((t) => present.has(t.type) && find(t));
  const anchor = before ?? after;
  const table = find(anchor);
  if (!anchor || !table) return null;
  return {
    sheet: table.sheet,
    cell: cellAddress(table.titleRow ?? table.range.top, table.range.left),
    note: `按公开表顺序应在《${prefix}${anchor.name}》${anchor === before ? '之后' : '之前'}`,
  };
}

/**
 * The tables a disclosure must contain (data: src/data/disclosure/table-sets.json, per report kind and province),
 * and the tables its own 目录 lists. A table continued on another sheet, or emptied down to its title and statement,
 * is present. A workbook holding fewer than the set's minimum is not taken for a disclosure set and is not judged.
 */
export const missingTable: Rule = {
  meta: {
    id: 'disclosure.missing_table',
    defaultSeverity: 'warning',
    title: { zh: '缺少公开表', en: 'A disclosure table is missing' },
    description: {
      zh: '部门/单位预算或决算公开应包含规定的一套表（按预算/决算及省份配置），目录列出的表也应在工作簿中。缺少的表按名称指出，并说明按顺序应在的位置或目录中的项次。续表、只剩标题和说明的空表都算作已有；工作簿中有未识别类型的表、或缺少 3 张以上时只作提示。',
      en: 'A published 部门/单位 budget or final-accounts disclosure must contain its set of tables (per report kind and province, as data), and every table its 目录 lists. A missing table is named with where it would be expected. A continued table or an emptied table that keeps its title counts as present; when the workbook has tables of unrecognised type, or lacks 3 or more, the finding is only a note.',
    },
    formula: 'required(kind, province) ∪ listed(目录) ⊆ present(workbook)',
    example:
      '缺少《部门一般公共预算“三公”经费支出表》（部门预算公开表应有 8 张，本工作簿有 7 张；按公开表顺序应在《部门一般公共预算基本支出表》之后）',
    messages: {
      listedNotFound: { zh: '目录列有的表未找到', en: 'Table listed in the contents not found' },
      requiredMissing: { zh: '缺少应公开的表', en: 'A required table is missing' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const set = tableSetOf(ctx);
    if (!set) return;
    const present = presentTypes(ctx);
    const required = set.tables.filter((t) => t.required);
    const have = required.filter((t) => present.has(t.type)).length;
    if (have < set.minPresent) return;
    const prefix = scopeOf(ctx.model) === 'unit' ? '单位' : '部门';
    const entries = contentsEntries(ctx.model);
    const unknown = ctx.workbook.tables.filter((t) => t.type === 'unknown').length;
    const doubt = unknown > 0 ? `；本工作簿有 ${unknown} 张未识别类型的表，请核对其中是否即为此表` : '';
    // Many tables missing at once is more likely a partial extract than a defective disclosure: only notes then.
    const severity = unknown > 0 || required.length - have > 2 ? ('info' as const) : undefined;
    const missingTypes = [
      ...new Set([...required.map((t) => t.type), ...entries.map((e) => e.type)].filter((t) => !present.has(t))),
    ];
    for (const type of missingTypes) {
      const entry = entries.find((e) => e.type === type);
      const index = set.tables.findIndex((t) => t.type === type);
      const inSet = set.tables[index];
      if (entry) {
        ctx.report({
          ...(severity ? { severity } : {}),
          sheet: entry.cell.sheet,
          cells: [address(entry.cell)],
          messageId: 'listedNotFound',
          message: `缺少《${entry.text}》：目录第 ${entry.position} 项列有此表，工作簿中未找到${doubt}`,
          expected: entry.text,
        });
        continue;
      }
      if (!inSet) continue;
      const place = expectedPlace(ctx, set.tables, index, present, prefix);
      if (!place) continue;
      ctx.report({
        ...(severity ? { severity } : {}),
        sheet: place.sheet,
        cells: [place.cell],
        messageId: 'requiredMissing',
        message: `缺少《${prefix}${inSet.name}》（${prefix}${set.label}应有 ${required.length} 张，本工作簿有 ${have} 张；${place.note}）${doubt}`,
        expected: `${prefix}${inSet.name}`,
      });
    }
  },
};
