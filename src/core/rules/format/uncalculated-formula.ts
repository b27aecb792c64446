import { addressOf, tableViews, readIn } from '../../model';
import type { Rule } from '../types';

const SAMPLE = 3;

/**
 * Formulas the file holds no result for (a workbook written by a program and never opened in Excel). Their amounts are
 * unknown — not blank and not 0 — so the sums touching them are not checked; one note per table says so and how to
 * fix it. A note, not a warning: nothing says the numbers are wrong, only that they could not be read.
 */
export const uncalculatedFormula: Rule = {
  meta: {
    id: 'format.uncalculated_formula',
    defaultSeverity: 'info',
    title: { zh: '公式未计算', en: 'Formulas not calculated' },
    description: {
      zh: '金额单元格中的公式在文件中没有计算结果（文件由程序生成、未在 Excel 中打开保存）。这些单元格既不当作空白也不当作 0，涉及它们的合计不核对；每张表提示一次。请在 Excel 中打开文件、保存后重新审核。',
      en: 'Amount cells hold formulas whose results the file does not store (written by a program, never saved in Excel). They are read neither as blank nor as 0, and the sums involving them are not checked; one note per table. Open and save the file in Excel, then review again.',
    },
    formula: 'every amount formula has a cached result',
    example: '《一般公共预算支出表》有 3 个公式没有计算结果（C4、D4、E4），涉及它们的合计未核对',
    messages: {
      uncalculated: { zh: '公式未计算', en: 'Formulas without a computed result' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      const cells: string[] = [];
      for (const block of view.blocks)
        for (const r of block.rows)
          for (const col of block.amountColumns) {
            const reading = readIn(view, r.row, col.col);
            if (reading.kind === 'invalid' && reading.uncalculated) cells.push(addressOf({ row: r.row, col: col.col }));
          }
      if (!cells.length) continue;
      const sample = cells.slice(0, SAMPLE).join('、') + (cells.length > SAMPLE ? ' 等' : '');
      ctx.report({
        sheet: view.table.sheet,
        cells,
        messageId: 'uncalculated',
        message: `公式未计算：《${view.table.title ?? view.table.sheet}》有 ${cells.length} 个公式没有计算结果（${sample}），涉及它们的合计未核对。请在 Excel 中打开并保存后重新审核`,
      });
    }
  },
};
