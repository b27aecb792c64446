import { cellAddress, rangeAddress } from '../../model';
import { tableTypeInfo } from '../../recognition/table-type-registry';
import { quoted } from '../messages';
import type { Rule } from '../types';

/**
 * A table the engine read but could not type (no title it knows, a sheet named "Table 3") is checked within itself
 * only: no cross-table identity and no completeness check can count it. That must not pass silently — each such table
 * with amounts gets a note at its first cell and a line in the coverage ledger. A table without a title typed by its
 * header alone says so too: the reader should know which table the review took it for.
 */
export const structureUnknownType: Rule = {
  meta: {
    id: 'structure.unknown_type',
    defaultSeverity: 'info',
    title: { zh: '表格类型未能识别', en: 'Table type not recognised' },
    description: {
      zh: '工作簿中有带金额的表，但按其标题（或缺少标题时按工作表名）未能识别是哪一张公开表（收支总表、收入总表……）。这张表只核对表内的合计与层级关系，未参与跨表核对和完整性检查；请确认表名完整（如“2025年部门收入预算总表”），或在标题行写明表名后再审核。没有表名、但表头只能是某一张公开表的（如表头有“一般公共预算支出/基本支出/项目支出”），按表头识别并提示。',
      en: 'A table with amounts whose title (or, without one, its sheet name) names none of the disclosure tables. Only its own sums are checked; it takes part in no cross-table identity and no completeness check. Give it its full title and review again. A table without a title whose header only one disclosure table prints is typed by its header, with a note.',
    },
    formula: 'every table with amounts has a known type, else it is listed as not checked across tables',
    example: '《Table 3》A1:H30 未能识别是哪一张公开表（未找到表名），本表只核对了表内关系，未参与跨表核对和完整性检查',
    messages: {
      unknownType: {
        zh: '表格类型未能识别，未参与跨表核对',
        en: 'Table type not recognised; not checked across tables',
      },
      typedByHeader: {
        zh: '表格没有表名，已按表头识别类型',
        en: 'Table without a title, typed by its header',
      },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    for (const t of ctx.workbook.tables) {
      if (t.typeSource === 'header') {
        ctx.report({
          sheet: t.sheet,
          cells: [cellAddress(t.range.top, t.range.left)],
          messageId: 'typedByHeader',
          message: `《${t.sheet}》${rangeAddress(t.range)} 未找到表名，按表头识别为《${tableTypeInfo(t.type).name.zh}》，请确认并补上表名`,
        });
        continue;
      }
      if (t.type !== 'unknown' || !t.dataRows || !t.columns.some((c) => c.role === 'amount')) continue;
      const range = rangeAddress(t.range);
      const why = t.title ? `标题“${quoted(t.title, 30)}”未能对应到公开表` : '未找到表名';
      const message = `《${t.sheet}》${range} 未能识别是哪一张公开表（${why}），本表只核对了表内关系，未参与跨表核对和完整性检查`;
      ctx.report({
        sheet: t.sheet,
        cells: [cellAddress(t.titleRow ?? t.range.top, t.range.left)],
        messageId: 'unknownType',
        message,
      });
      ctx.notChecked({ tables: [t.id], sheet: t.sheet, reason: 'table_unknown_type', message });
    }
  },
};
