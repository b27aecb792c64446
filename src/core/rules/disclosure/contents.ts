import { TABLE_TYPE_NAMES } from '../../recognition/table-type-registry';
import { cellAddress } from '../../model';
import type { Rule } from '../types';
import { contentsEntries } from './workbook-texts';

/**
 * A 目录 sheet that does not list a table the workbook holds. (A table it lists that the workbook lacks is
 * disclosure.missing_table.) Only a note: a 目录 may group tables under one line.
 */
export const contentsMismatch: Rule = {
  meta: {
    id: 'disclosure.contents',
    defaultSeverity: 'info',
    title: { zh: '目录与所含表格不一致', en: 'The 目录 does not list a table present' },
    description: {
      zh: '工作簿有目录页（列出至少 3 张表）时，其中每张已识别的公开表都应列入目录；未列入的表逐一提示。目录列出而工作簿缺少的表由“缺少公开表”规则指出。',
      en: 'When the workbook has a 目录 sheet listing at least 3 tables, every recognised disclosure table should be listed there; each one that is not is a note. Tables the 目录 lists but the workbook lacks are disclosure.missing_table.',
    },
    formula: 'types(tables) ⊆ types(目录 entries)',
    example: '《支出总表》中的“2021年部门支出总表”未列入目录（目录列有 8 张表）',
    messages: {
      notInContents: { zh: '表未列入目录', en: 'Table missing from the contents' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const entries = contentsEntries(ctx.model);
    if (entries.length < 3) return;
    const listed = new Set(entries.map((e) => e.type));
    const seen = new Set<string>();
    for (const t of ctx.workbook.tables) {
      if (t.type === 'unknown' || listed.has(t.type) || seen.has(t.type)) continue;
      seen.add(t.type);
      ctx.report({
        sheet: t.sheet,
        cells: [cellAddress(t.titleRow ?? t.range.top, t.range.left)],
        messageId: 'notInContents',
        message: `《${t.sheet}》中的“${t.title ?? TABLE_TYPE_NAMES[t.type]}”未列入目录（目录列有 ${entries.length} 张表）`,
      });
    }
  },
};
