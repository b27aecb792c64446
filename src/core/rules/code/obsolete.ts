import { validIn } from '../../catalog/catalog';
import type { Rule } from '../types';
import { catalogOf, rowCells } from './shared';

/** A code whose every version has ended before the workbook's fiscal year (or starts after it). */
export const codeObsolete: Rule = {
  meta: {
    id: 'code.obsolete',
    defaultSeverity: 'warning',
    title: { zh: '科目编码已停用', en: 'Code not valid in the fiscal year' },
    description: {
      zh: '编码在工作簿所属年度已不再使用（或尚未启用），例如 2022 年起 21305 款改为“巩固脱贫衔接乡村振兴”。依据未经核实的科目时仅作提示。',
      en: 'The code is no longer (or not yet) valid in the workbook’s fiscal year. Against an unverified catalog line it is only a note.',
    },
    formula: 'no version of code is valid in fiscalYear',
    example: '2130599 其他扶贫支出：该编码适用至 2021 年，不适用于 2023 年',
    messages: {
      notValidInYear: { zh: '编码不适用于本年度', en: 'Code not valid in the fiscal year' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const year = ctx.workbook.fiscalYear;
    if (year === null) return;
    for (const row of ctx.mapping) {
      if (row.source !== 'cell') continue;
      const entry = catalogOf(ctx, row)?.get(row.code);
      if (!entry || entry.versions.some((v) => validIn(v, year))) continue;
      const last = entry.versions.reduce<number | null>(
        (m, v) => (v.validTo != null ? Math.max(m ?? 0, v.validTo) : m),
        null,
      );
      const span = last !== null ? `适用至 ${last} 年` : '在该年度尚未启用';
      ctx.report({
        severity: entry.versions.some((v) => v.verified) ? undefined : 'info',
        sheet: row.sheet,
        cells: rowCells(row),
        actual: row.code,
        messageId: 'notValidInYear',
        message: `${row.code}${row.name ? ` ${row.name}` : ''}：该编码${span}，不适用于 ${year} 年`,
      });
    }
  },
};
