import type { Rule } from '../types';

/**
 * The engine's abstention (src/core/rules/abstention.ts), as a rule the settings and the catalogue can name: its note
 * is written by the engine once every rule has run, so `check` does nothing. Switched off, no table is paused and
 * every failed identity is reported as it is.
 */
export const structureUnconfirmed: Rule = {
  meta: {
    id: 'structure.unconfirmed',
    defaultSeverity: 'info',
    title: { zh: '本表结构未能确认', en: 'Table structure unconfirmed' },
    description: {
      zh: '在正确的表中几乎所有勾稽关系都成立，真实的差错（一个单元格或一行）只影响经过它的关系。若一张表按所识别的结构有多项关系不成立、且不能由个别单元格或个别行的差错解释，说明结构很可能识别有误：本表只给出这一条提示，其勾稽关系列为“未能核对”，而不报告一连串错误。',
      en: 'In a correct table nearly every identity closes and a real slip (one cell or one row) breaks only the identities through it. When a table’s reading leaves many failures that no few cells or rows explain, the reading is doubtful: the table gets this one note and its identities are listed as not checked, instead of a cascade of errors.',
    },
    formula:
      'failed identities need ≥ 3 separate slips (cells or rows) to explain, and are ≥ 25% of the table’s identities',
    example:
      '本表结构未能确认，已暂停本表的勾稽检查：《一般公共预算支出表》按所识别的结构（表头第 3 行；数据第 4–8 行）有 5 项勾稽关系不成立、7 项成立，且不能由个别单元格或个别行的差错解释。',
    messages: {
      unconfirmed: {
        zh: '本表结构未能确认，已暂停本表的勾稽检查',
        en: 'Table structure unconfirmed; its identities are paused',
      },
    },
    appliesTo: 'all',
  },
  check() {
    // The engine decides after all rules have run (runRules).
  },
};
