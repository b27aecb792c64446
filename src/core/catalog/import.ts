import { recogniseWorkbook } from '../recognition/recognise';
import type { WorkbookSnapshot } from '../snapshot/types';
import { parseCodeCell, parseCodeText, type Classification } from '../text/codes';
import type { CatalogData, CatalogEntry } from './catalog';

/**
 * Reads an official 政府收支分类科目 list from a workbook: any sheet whose rows carry a code and a name — in a table the
 * recogniser reads (科目编码 | 科目名称, split 类/款/项) or simply as "code | name" pairs. The result is a complete catalog
 * for its year: codes missing from it do not exist that year.
 */
export interface ImportOptions {
  /** Fiscal year the catalog is for; read from the workbook's titles when absent. */
  readonly year?: number;
  /** Provenance written into every entry ("导入：2024年政府收支分类科目.xlsx"). */
  readonly source?: string;
}

export interface ImportedCatalogs {
  readonly year: number | null;
  readonly catalogs: CatalogData[];
  /** How many code lines were read. */
  readonly lines: number;
}

type Pair = { code: string; name: string; classification: Classification };

function pairsFromRows(snapshot: WorkbookSnapshot): Pair[] {
  const pairs: Pair[] = [];
  for (const sheet of snapshot.sheets) {
    for (const row of sheet.rows) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const code = parseCodeCell(row[c]);
        if (!code) continue;
        let name = code.name;
        for (let n = c + 1; !name && n < Math.min(row.length, c + 4); n++) {
          const v = row[n]?.value;
          if (typeof v === 'string' && v.trim() && !parseCodeText(v)) name = v.trim();
        }
        if (name) pairs.push({ code: code.code, name, classification: code.classification });
        break;
      }
    }
  }
  return pairs;
}

export function importCatalog(snapshot: WorkbookSnapshot, options: ImportOptions = {}): ImportedCatalogs {
  const recognised = recogniseWorkbook(snapshot);
  const year = options.year ?? recognised.fiscalYear;
  const source = options.source ?? `导入：${snapshot.name}`;
  // Split 类/款/项 tables come rebuilt from the recogniser; plain code | name lists from a row scan.
  const fromTables: Pair[] = recognised.tables.flatMap((t) =>
    t.codes
      .filter((c) => c.name)
      .map((c) => ({ code: c.code, name: c.name as string, classification: c.classification })),
  );
  const seen = new Set(fromTables.map((p) => p.code));
  const pairs = [...fromTables, ...pairsFromRows(snapshot).filter((p) => !seen.has(p.code))];
  const byClass = new Map<Classification, Map<string, CatalogEntry>>();
  for (const p of pairs) {
    const entries = byClass.get(p.classification) ?? new Map<string, CatalogEntry>();
    if (!entries.has(p.code)) {
      entries.set(p.code, {
        code: p.code,
        level: p.code.length <= 3 ? 1 : p.code.length <= 5 ? 2 : 3,
        parent: p.code.length > 3 ? p.code.slice(0, p.code.length - 2) : null,
        versions: [
          {
            name: p.name,
            observed: [year, year],
            validFrom: year,
            validTo: year,
            verified: true,
            sources: [source],
          },
        ],
      });
    }
    byClass.set(p.classification, entries);
  }
  const catalogs: CatalogData[] = [...byClass].map(([classification, entries]) => ({
    classification,
    complete: true,
    sources: { [source]: `用户导入的官方科目表（${year ?? '年度未知'}）` },
    entries: [...entries.values()],
  }));
  return { year, catalogs, lines: pairs.length };
}
