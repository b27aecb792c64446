import type { MappedRow } from '../../mapping/map-rows';
import { codeLevel, parentCode } from '../../text/codes';
import type { Rule } from '../types';
import { rowCells } from './shared';
import { pushTo } from '../../util/collections';

/** In a table listing 类, 款 and 项 lines in order, a line must sit under its own parent. */
export const codeLevelRule: Rule = {
  meta: {
    id: 'code.level',
    defaultSeverity: 'warning',
    title: { zh: '科目层级错位', en: 'Code under the wrong parent' },
    description: {
      zh: '按类、款、项逐级列示的表中，某一行的编码与其上方最近的上级科目不一致（如 2101202 列在 21011 之下）。',
      en: 'In a table listing 类/款/项 lines in order, a line does not belong to the nearest parent line above it.',
    },
    formula: 'parent(code) = nearest line one level up',
    example: '2101202 列在 21011 行政事业单位医疗 之下，其上级应为 21012',
    messages: {
      wrongParent: { zh: '科目列在错误的上级之下', en: 'Code listed under the wrong parent' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const byTable = new Map<string, MappedRow[]>();
    for (const m of ctx.mapping) {
      const key = `${m.tableId}#${m.block}#${m.classification}`;
      pushTo(byTable, key, m);
    }
    for (const rows of byTable.values()) {
      const levels = new Set<number>(rows.map((r) => codeLevel(r.code)));
      const last: (MappedRow | undefined)[] = [];
      for (const r of rows) {
        const level = codeLevel(r.code);
        last[level] = r;
        last.length = level + 1;
        if (level === 1 || !levels.has(level - 1)) continue;
        const above = last[level - 1];
        const parent = parentCode(r.code);
        if (!above || above.code === parent) continue;
        ctx.report({
          sheet: r.sheet,
          cells: [...rowCells(r), ...rowCells(above)],
          expected: parent ?? undefined,
          actual: above.code,
          messageId: 'wrongParent',
          message: `${r.code}${r.name ? ` ${r.name}` : ''} 列在 ${above.code}${above.name ? ` ${above.name}` : ''} 之下，其上级应为 ${parent}`,
        });
      }
    }
  },
};
