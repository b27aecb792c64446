import { cellAddress } from '../../snapshot/address';
import type { Cell } from '../../snapshot/types';
import { toHalfWidth } from '../../text/normalize';
import type { Rule } from '../types';

const PART_NAMES = { section: '款', item: '项' } as const;

/** A 款/项 part written as one digit: the number 3 shown as "3" (no "00" format), or the text "3". */
function missingZero(cell: Cell | undefined): string | null {
  const v = cell?.value;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0 || v > 9) return null;
    // A "00" number format shows the zero.
    return (cell?.format ?? '').replace(/"[^"]*"/g, '').includes('00') ? null : String(v);
  }
  if (typeof v === 'string') {
    const t = toHalfWidth(v).trim();
    return t.length === 1 && t >= '0' && t <= '9' ? t : null;
  }
  return null;
}

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
    appliesTo: 'all',
  },
  check(ctx) {
    const sheets = new Map(ctx.snapshot.sheets.map((s) => [s.name, s]));
    for (const t of ctx.workbook.tables) {
      const sheet = sheets.get(t.sheet);
      const parts = t.columns.filter((c) => c.role === 'code_part' && (c.part === 'section' || c.part === 'item'));
      if (!sheet || !parts.length || !t.dataRows) continue;
      const found: { cell: string; shown: string }[] = [];
      for (const r of t.rows) {
        if (r.kind === 'repeated_header') continue;
        for (const c of parts) {
          const shown = missingZero(sheet.rows[r.row]?.[c.col]);
          if (shown !== null) found.push({ cell: cellAddress(r.row, c.col), shown });
        }
      }
      const first = found[0];
      if (!first) continue;
      const names = [...new Set(parts.map((c) => PART_NAMES[c.part as 'section' | 'item']))].join('/');
      ctx.report({
        sheet: t.sheet,
        cells: found.slice(0, 20).map((f) => f.cell),
        message: `《${t.title ?? t.sheet}》${names}编码有 ${found.length} 处缺少前导零（如 ${first.cell} 显示为“${first.shown}”，应为“0${first.shown}”），建议将编码列设为文本格式`,
      });
    }
  },
};
