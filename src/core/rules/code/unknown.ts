import { validIn } from '../../catalog/catalog';
import { codeLevel, parentCode } from '../../text/codes';
import type { MappedRow } from '../../mapping/map-rows';
import type { Rule, RuleContext } from '../types';
import { pushTo } from '../../util/collections';
import { catalogOf, nameOf, rowCells, tableName } from './shared';

const KIND: Record<MappedRow['classification'], string> = {
  function: '支出功能分类',
  economic: '部门预算支出经济分类',
  government_economic: '政府预算支出经济分类',
  revenue: '收入分类',
};

/**
 * Codes missing from an incomplete built-in catalog are not the workbook's defect: one note for the whole workbook
 * lists them (each code once, with the tables it appears in) and advises importing the year's official catalog.
 */
function reportCatalogGaps(ctx: RuleContext, rows: readonly MappedRow[], yearText: string): void {
  const first = rows[0];
  if (!first) return;
  const byCode = new Map<string, MappedRow[]>();
  for (const r of rows) {
    const key = `${r.classification}:${r.code}`;
    pushTo(byCode, key, r);
  }
  const kinds = [...new Set(rows.map((r) => r.classification))];
  const parts = kinds.map((kind) => {
    const listed = [...byCode.values()]
      .filter((list) => list[0]?.classification === kind)
      .map((list) => {
        const r = list[0] as MappedRow;
        const tables = [...new Set(list.map((x) => tableName(ctx, x)))].join('');
        return `${r.code}${r.name ? ` ${r.name}` : ''}（${tables}）`;
      });
    return `${KIND[kind]} ${listed.length} 个：${listed.join('、')}`;
  });
  ctx.report({
    severity: 'info',
    sheet: first.sheet,
    cells: rows.filter((r) => r.sheet === first.sheet).flatMap(rowCells),
    messageId: 'catalogGaps',
    message: `${byCode.size} 个编码不在内置的${yearText}科目表中（内置科目表不完整，不一定有误）：${parts.join('；')}。请导入当年的政府收支分类科目（设置 › 导入科目表，或命令行 --catalog）后复核`,
  });
}

/**
 * A code that is not in the classification. The built-in catalogs are incomplete, so absence alone is only a note;
 * it is a warning when the row's own name points to another code (a verified catalog line, or the same name coded
 * differently elsewhere in the workbook), or when the catalog is an imported official one.
 */
export const codeUnknown: Rule = {
  meta: {
    id: 'code.unknown',
    defaultSeverity: 'warning',
    title: { zh: '科目编码不存在', en: 'Unknown classification code' },
    description: {
      zh: '编码不在当年的政府收支分类科目中。内置科目表不完整：仅当名称指向另一编码（已核实的科目，或本工作簿其他表中同名行的编码），或已导入官方科目表时报警告；其余仅在内置科目表中缺失的编码合并为整个工作簿的一条提示，建议导入当年科目表后复核。',
      en: 'The code is not in the fiscal year’s classification. The built-in catalogs are incomplete: a warning needs the row’s name to point to another code (a verified catalog line or the same name elsewhere in the workbook) or an imported official catalog. Codes merely missing from the built-in list make one note for the whole workbook, listing them, with the advice to import the year’s catalog.',
    },
    formula: 'code ∉ catalog(year)',
    example: '2101197 不在 2021 年支出功能分类科目中；“行政单位医疗”的编码应为 2101101',
    messages: {
      catalogGaps: {
        zh: '编码不在内置科目表中（全工作簿一条提示）',
        en: 'Codes missing from the built-in catalog (one note)',
      },
      nameGivesCode: { zh: '编码不存在，名称对应另一编码', en: 'Unknown code; its name gives another code' },
      codedElsewhere: {
        zh: '编码不存在，同名行在他表另有编码',
        en: 'Unknown code; the same name is coded otherwise elsewhere',
      },
      notInOfficialCatalog: { zh: '编码不在导入的官方科目表中', en: 'Code not in the imported official catalog' },
      nameMayGiveCode: {
        zh: '编码不存在，名称可能对应另一编码（内置科目未经核实）',
        en: 'Unknown code; its name may give another code (unverified)',
      },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const year = ctx.workbook.fiscalYear;
    const yearText = year ? ` ${year} 年` : '';
    const cellRows = ctx.mapping.filter((m) => m.source === 'cell');
    const gaps: MappedRow[] = [];
    // The first row (in table order) of the same classification, parent and name with another code: from an index
    // built once, holding per (classification, parent, name) its first row and the first row coded differently.
    const firstTwo = new Map<string, [MappedRow, MappedRow | undefined]>();
    const keyOf = (r: MappedRow) => `${r.classification}\u0000${parentCode(r.code)}\u0000${nameOf(r)}`;
    for (const r of cellRows) {
      const key = keyOf(r);
      const entry = firstTwo.get(key);
      if (!entry) firstTwo.set(key, [r, undefined]);
      else if (!entry[1] && entry[0].code !== r.code) entry[1] = r;
    }
    const sameNameElsewhere = (row: MappedRow): MappedRow | undefined => {
      const entry = firstTwo.get(keyOf(row));
      if (!entry) return undefined;
      return entry[0].code !== row.code ? entry[0] : entry[1];
    };
    for (const row of cellRows) {
      const catalog = catalogOf(ctx, row);
      if (!catalog || catalog.has(row.code, year)) continue;
      const kind = catalog.classification === 'function' ? '支出功能分类' : '经济分类';
      const head = `${row.code}${row.name ? ` ${row.name}` : ''}：编码不在${yearText}${kind}科目中`;
      const named = row.name && row.nameRole !== 'project_name' ? row.name : null;
      const level = codeLevel(row.code);
      // A name points to another code only within the same parent: 行政运行 exists under every 款 (2010601, 2101501 …).
      const parent = parentCode(row.code);
      const byName = named
        ? catalog.findByName(named, year).filter((e) => e.level === level && e.parent === parent)
        : [];
      const verified = byName.filter((e) => e.versions.some((v) => v.verified && validIn(v, year)));
      const elsewhere = named ? sameNameElsewhere(row) : undefined;
      const base = { sheet: row.sheet, cells: rowCells(row), actual: row.code };
      if (verified.length === 1) {
        const code = verified[0]?.code as string;
        ctx.report({
          ...base,
          expected: code,
          messageId: 'nameGivesCode',
          message: `${head}；“${named}”的编码应为 ${code}`,
        });
      } else if (elsewhere) {
        ctx.report({
          ...base,
          cells: elsewhere.sheet === row.sheet ? [...rowCells(row), ...rowCells(elsewhere)] : rowCells(row),
          expected: elsewhere.code,
          messageId: 'codedElsewhere',
          message: `${head}；同名行在${tableName(ctx, elsewhere)}中编码为 ${elsewhere.code}`,
        });
      } else if (catalog.isOfficial(year)) {
        ctx.report({ ...base, messageId: 'notInOfficialCatalog', message: `${head}（依据导入的官方科目表）` });
      } else if (byName.length === 1) {
        const code = byName[0]?.code as string;
        ctx.report({
          ...base,
          severity: 'info',
          expected: code,
          messageId: 'nameMayGiveCode',
          message: `${head}；名称对应的编码可能为 ${code}（内置科目未经核实）`,
        });
      } else if (catalog.get(parentCode(row.code) ?? '')) {
        gaps.push(row);
      }
    }
    reportCatalogGaps(ctx, gaps, yearText);
  },
};
