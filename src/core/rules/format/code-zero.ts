import { cellAddress } from '../../model';
import type { Rule } from '../types';

const PART_NAMES = { section: '款', item: '项' } as const;

/**
 * 款 and 项 codes are two digits: "03", not "3". A split code column printed without its leading zero (a number cell
 * in General format) is read right by the engine but shows the wrong code to a reader — a format note, once per table.
 */
export const codeLeadingZero: Rule = {
  meta: {
    id: 'format.code_zero',
    defaultSeverity: 'info',
    title: { zh: '款、项编码缺少前导零', en: '款/项 codes without their leading zero' },
    description: {
      zh: '类、款、项分列的科目编码中，款、项应为两位（如“03”）；以数字格式填写时前导零被去掉（显示为“3”），读者看到的编码不完整。每张表提示一次，建议将编码列设为文本格式。',
      en: 'In split 类/款/项 code columns, 款 and 项 are two digits ("03"); entered as General numbers they lose the zero and print as "3". One note per table, advising a text format for the code columns.',
    },
    formula: 'len(款) = len(项) = 2',
    example: '《部门支出总表》款/项编码有 4 处缺少前导零（如 B7 显示为“3”，应为“03”），建议将编码列设为文本格式',
    messages: {
      leadingZero: { zh: '编码缺少前导零', en: 'Codes lost their leading zero' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    for (const t of ctx.workbook.tables) {
      const parts = t.columns.filter((c) => c.role === 'code_part' && (c.part === 'section' || c.part === 'item'));
      if (!ctx.model.sheetNames.includes(t.sheet) || !parts.length || !t.dataRows) continue;
      const found: { cell: string; shown: string }[] = [];
      for (const r of t.rows) {
        if (r.kind === 'repeated_header') continue;
        for (const c of parts) {
          const shown = ctx.model.cells.digitWithoutZero(t, r.row, c.col);
          if (shown !== null) found.push({ cell: cellAddress(r.row, c.col), shown });
        }
      }
      const first = found[0];
      if (!first) continue;
      const names = [...new Set(parts.map((c) => PART_NAMES[c.part as 'section' | 'item']))].join('/');
      ctx.report({
        sheet: t.sheet,
        cells: found.slice(0, 20).map((f) => f.cell),
        messageId: 'leadingZero',
        message: `《${t.title ?? t.sheet}》${names}编码有 ${found.length} 处缺少前导零（如 ${first.cell} 显示为“${first.shown}”，应为“0${first.shown}”），建议将编码列设为文本格式`,
      });
    }
  },
};
