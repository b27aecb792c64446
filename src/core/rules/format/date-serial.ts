import { cellAddress } from '../../model';
import type { Rule } from '../types';
import { PATTERNS as PAT } from '../../text/patterns';

const DATE_HEADER = PAT.dateHeader;

/** 44531 → "2021-12-01" (Excel's 1900 date system). */
export function serialToDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000);
  return d.toISOString().slice(0, 10);
}

/**
 * A date shown as its serial number: a column headed 日期/时间/完成时限 (or a row labelled so) holding 44531 with a
 * number format, as happens when a date is pasted as a value.
 */
export const dateSerial: Rule = {
  meta: {
    id: 'format.date_serial',
    defaultSeverity: 'warning',
    title: { zh: '日期显示为数字', en: 'Date shown as a serial number' },
    description: {
      zh: '应填日期的单元格显示为 Excel 日期序号（如 44531 即 2021-12-01），多因复制粘贴为数值所致。请将单元格格式设为日期。',
      en: 'A cell meant to hold a date shows Excel’s serial number (44531 = 2021-12-01), usually after pasting values. Format the cell as a date.',
    },
    formula: 'date columns/rows hold dates, not serial numbers',
    example: 'F8 显示为 44531，应为日期 2021-12-01',
    messages: {
      dateSerial: { zh: '日期显示为序列号', en: 'Date shown as a serial number' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    for (const t of ctx.workbook.tables) {
      if (!ctx.model.sheetNames.includes(t.sheet) || !t.dataRows) continue;
      const dateCols = new Set(t.columns.filter((c) => DATE_HEADER.test(c.label)).map((c) => c.col));
      const labelCols = t.columns.filter((c) => c.role !== 'amount').map((c) => c.col);
      for (let r = t.dataRows[0]; r <= t.dataRows[1]; r++) {
        const rowIsDate = labelCols.some((c) => {
          const v = ctx.model.cells.rawText(t, r, c);
          return v !== null && DATE_HEADER.test(v) && v.length <= 16;
        });
        for (let c = t.range.left; c <= t.range.right; c++) {
          if (!dateCols.has(c) && !rowIsDate) continue;
          const v = ctx.model.cells.dateSerial(t, r, c);
          if (v === null) continue;
          ctx.report({
            sheet: t.sheet,
            cells: [cellAddress(r, c)],
            actual: String(v),
            expected: serialToDate(v),
            messageId: 'dateSerial',
            message: `${cellAddress(r, c)} 显示为 ${v}，应为日期 ${serialToDate(v)}`,
          });
        }
      }
    }
  },
};
