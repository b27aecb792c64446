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
      zh: '工作簿中有带金额的表，但按其标题（或缺少标题时按工作表名）未能识别是哪一张公开表（收支总表、收入总表……）。这张表只核对表内的合计与层级关系，未参与跨表核对和完整性检查；请确认表名完整（如“2025年部门收入预算总表”），或在标题行写明表名后再审核。没有表名、但表头只能是某一张公开表的（如表头有“一般公共预算支出/基本支出/项目支出”），按表头识别并提示；表头为几张表共用的（如“科目编码/科目名称/合计/基本支出/项目支出”），只有一种识别使其与其他表的勾稽关系相符、其余均不符时，按金额识别并提示，否则列出可能的表。',
      en: 'A table with amounts whose title (or, without one, its sheet name) names none of the disclosure tables. Only its own sums are checked; it takes part in no cross-table identity and no completeness check. Give it its full title and review again. A table without a title whose header only one disclosure table prints is typed by its header, with a note; one whose header several tables print alike is typed by its numbers when exactly one reading makes its cross-table identities close and every other makes them fail, else the note lists the tables it may be.',
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
      typedByNumbers: {
        zh: '表格没有表名、表头为多张表共用，已按数字识别类型',
        en: 'Table without a title, its header shared by several tables, typed by its numbers',
      },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    for (const t of ctx.workbook.tables) {
      if (t.typeSource === 'numbers') {
        ctx.report({
          sheet: t.sheet,
          cells: [cellAddress(t.range.top, t.range.left)],
          messageId: 'typedByNumbers',
          message: `《${t.sheet}》${rangeAddress(t.range)} 未找到表名，表头为几张公开表共用，按其金额与其他表的勾稽关系（相符）识别为《${tableTypeInfo(t.type).name.zh}》，请确认并补上表名`,
        });
        continue;
      }
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
      const present = new Set(ctx.workbook.tables.map((x) => x.type));
      const may = (t.typeCandidates ?? [])
        .filter((c) => !present.has(c))
        .map((c) => `《${tableTypeInfo(c).name.zh}》`)
        .join('');
      const why = t.title
        ? `标题“${quoted(t.title, 30)}”未能对应到公开表`
        : may
          ? `未找到表名；表头可能是${may}，按金额也无法确定`
          : '未找到表名';
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
