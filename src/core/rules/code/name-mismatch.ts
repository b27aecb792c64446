import type { MappedRow } from '../../mapping/map-rows';
import type { Rule } from '../types';
import { catalogOf, namedCellRows, nameOf, rowCells, tableName } from './shared';
import { groupBy, pushTo } from '../../util/collections';

/**
 * A code written with a name that is not its name: against the same code in another table of the workbook (strong:
 * one of them is wrong), or against the catalog (warning for a verified line, note for an unverified or older one).
 */
export const codeNameMismatch: Rule = {
  meta: {
    id: 'code.name_mismatch',
    defaultSeverity: 'warning',
    title: { zh: '科目编码与名称不符', en: 'Code and name disagree' },
    description: {
      zh: '同一编码在不同表中名称不同，或名称与科目表不一致。写法差异（全角半角、空格、“城镇职工”等同义写法）不算不符；对照未经核实的科目或旧名称时仅作提示。',
      en: 'The same code carries different names in different tables, or a name differs from the catalog. Spelling variants and known synonyms are not differences; against unverified or older names it is only a note.',
    },
    formula: 'name(code) = catalogName(code, year) and equal across tables',
    example: '2210202 在《支出总表》中名为“租房补贴”，在《收入总表》中为“提租补贴”',
    messages: {
      nameDiffersInWorkbook: {
        zh: '同一编码在各表名称不同',
        en: 'The same code is named differently in another table',
      },
      formerName: { zh: '使用了以前年度的科目名称', en: "A former year's name of the code" },
      nameMismatch: { zh: '名称与科目表不符', en: 'Name differs from the catalog' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const year = ctx.workbook.fiscalYear;
    const rows = namedCellRows(ctx);
    const flagged = new Set<MappedRow>();
    // 1. The same code named differently across the workbook: the name the catalog (or the majority) supports wins.
    const byCode = groupBy(rows, (r) => `${r.classification}:${r.code}`);
    for (const group of byCode.values()) {
      const names = new Map<string, MappedRow[]>();
      for (const r of group) pushTo(names, nameOf(r), r);
      if (names.size < 2) continue;
      const catalog = catalogOf(ctx, group[0] as MappedRow);
      const ranked = [...names.values()].sort((a, b) => {
        const fits = (rs: MappedRow[]) =>
          catalog?.judgeName((rs[0] as MappedRow).code, (rs[0] as MappedRow).name ?? '', year).kind === 'match' ? 1 : 0;
        return fits(b) - fits(a) || b.length - a.length;
      });
      const reference = (ranked[0] as MappedRow[])[0] as MappedRow;
      for (const other of ranked.slice(1)) {
        for (const r of other) {
          flagged.add(r);
          ctx.report({
            sheet: r.sheet,
            cells: r.sheet === reference.sheet ? [...rowCells(r), ...rowCells(reference)] : rowCells(r),
            expected: reference.name ?? undefined,
            actual: r.name ?? undefined,
            messageId: 'nameDiffersInWorkbook',
            message: `${r.code} 在${tableName(ctx, r)}中名为“${r.name}”，在${tableName(ctx, reference)}中为“${reference.name}”`,
          });
        }
      }
    }
    // 2. Against the catalog.
    for (const r of rows) {
      if (flagged.has(r)) continue;
      const verdict = catalogOf(ctx, r)?.judgeName(r.code, r.name ?? '', year);
      if (!verdict) continue;
      if (verdict.kind === 'older_name') {
        ctx.report({
          severity: 'info',
          sheet: r.sheet,
          cells: rowCells(r),
          actual: r.name ?? undefined,
          messageId: 'formerName',
          message: `${r.code}“${r.name}”是该科目以前年度的名称${year ? `，${year} 年请核对现行名称` : ''}`,
        });
      } else if (verdict.kind === 'mismatch') {
        const expected = verdict.expected.map((v) => v.name);
        const verified = verdict.expected.some((v) => v.verified);
        ctx.report({
          severity: verified ? undefined : 'info',
          sheet: r.sheet,
          cells: rowCells(r),
          expected: expected[0],
          actual: r.name ?? undefined,
          messageId: 'nameMismatch',
          message:
            `${r.code} 名称“${r.name}”与科目名称“${expected.join('”/“')}”不符` +
            (verified ? '' : '（内置科目未经核实）'),
        });
      }
    }
  },
};
