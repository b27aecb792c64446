import { addressOf, ConvertedTerm, formatAmount, halfUnit, tableViews, readIn } from '../../model';
import type { Rule } from '../types';

/**
 * An amount cell holding text that is not a number, or an Excel error: never read as 0. A number written with a unit
 * larger than the table's ("1.2万元" in a table in 元) is read converted, at the precision written (±500元 there), and
 * said so as a note: it is not wrong, and a sum through it closes only within that coarser allowance.
 */
export const invalidAmount: Rule = {
  meta: {
    id: 'format.invalid_amount',
    defaultSeverity: 'error',
    title: { zh: '金额单元格不是数字', en: 'Amount cell is not a number' },
    description: {
      zh: '金额列中出现无法识别为数字的文字（如“见附表”）或 Excel 错误值（如 #REF!）。这些单元格不会被当作 0 参与核对，涉及它们的合计也不核对。文字为警告，错误值为错误；自带单位大于表的单位的金额（如元表中的“1.2万元”）按本表单位换算后参与核对，允差按所写精度（1.2万元为 ±500 元），作为提示列出。',
      en: 'An amount column holds text that is not a number or an Excel error value. Such cells are never read as 0, and sums involving them are not checked. Text is a warning, an error value an error; an amount written with a unit larger than the table’s is converted to the table’s unit and checked within the allowance of its written precision (±500 元 for 1.2万元), and listed as a note.',
    },
    formula: 'every amount cell is blank, a number or a placeholder (** / —)',
    example: 'E12 “见附表”不是数字，未参与核对',
    messages: {
      errorValue: { zh: '金额单元格为错误值', en: 'Amount cell holds an error value' },
      notNumber: { zh: '金额不是数值', en: 'Amount is not a number' },
      largerUnit: {
        zh: '金额自带的单位大于表的单位，已换算',
        en: 'Amount written in a larger unit than the table, converted',
      },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      for (const block of view.blocks) {
        for (const r of block.rows) {
          for (const col of block.amountColumns) {
            const reading = readIn(view, r.row, col.col);
            if (reading instanceof ConvertedTerm) {
              // The number is not wrong: read in the table's unit, its allowance as coarse as the digits written.
              const at = addressOf(reading);
              ctx.report({
                severity: 'info',
                sheet: view.table.sheet,
                cells: [at],
                actual: reading.written,
                messageId: 'largerUnit',
                message: `${at}“${reading.written}”自带单位${reading.writtenUnit}，已按本表单位${view.unit ?? ''}换算为 ${formatAmount(reading.value, reading.decimals)} 参与核对（按所写精度，允差 ±${formatAmount(halfUnit(reading.decimals), Math.max(reading.decimals + 1, 0))}）`,
              });
              continue;
            }
            if (reading.kind !== 'invalid' || reading.uncalculated) continue;
            const isError = reading.text.startsWith('#');
            ctx.report({
              severity: isError ? undefined : 'warning',
              sheet: view.table.sheet,
              cells: [addressOf({ row: r.row, col: col.col })],
              actual: reading.text,
              messageId: isError ? 'errorValue' : 'notNumber',
              message: isError
                ? `${addressOf({ row: r.row, col: col.col })} 为错误值 ${reading.text}，请修正公式或引用`
                : `${addressOf({ row: r.row, col: col.col })}“${reading.text}”不是数字，未参与核对`,
            });
          }
        }
      }
    }
  },
};
