import { cellAddress, tableViews } from '../../model';
import type { Rule } from '../types';

/** Amounts stored as text ("23,047.39"): still used, but Excel will not sum them. One note per table. */
export const numberAsText: Rule = {
  meta: {
    id: 'format.number_as_text',
    defaultSeverity: 'info',
    title: { zh: '数字以文本形式存储', en: 'Numbers stored as text' },
    description: {
      zh: '金额以文本形式存储（常见于从其他系统导出）。审核仍按数值使用它们，但 Excel 公式（如 SUM）会忽略这些单元格。',
      en: 'Amounts are stored as text (common in exports). The review still uses their values, but Excel formulas such as SUM ignore them.',
    },
    formula: 'amount cells hold numbers, not text',
    example: '《收入总表》有 156 个金额以文本形式存储（如 D6 “3,232.07”），已按数值核对',
    messages: {
      numbersAsText: { zh: '金额以文本形式存储', en: 'Amounts stored as text' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      const cells: string[] = [];
      let sample = '';
      for (const block of view.blocks) {
        for (const r of block.rows) {
          for (const col of block.amountColumns) {
            // Rates and changes ("98.75%") are commonly typed as text; they are not amounts anyone sums.
            if (col.excluded) continue;
            const text = ctx.model.cells.amountAsText(view, r.row, col.col);
            if (text === null) continue;
            const at = cellAddress(r.row, col.col);
            if (!sample) sample = `${at} “${text}”`;
            cells.push(at);
          }
        }
      }
      if (!cells.length) continue;
      ctx.report({
        sheet: view.table.sheet,
        cells,
        messageId: 'numbersAsText',
        message: `《${view.table.title ?? view.table.sheet}》有 ${cells.length} 个金额以文本形式存储（如 ${sample}），已按数值核对`,
      });
    }
  },
};
