import type { CatalogSet } from './catalog/catalog';
import { mapRows } from './mapping/map-rows';
import { buildDocumentModel } from './model';
import type { RecognisedTable, RecognisedWorkbook } from './recognition/model';
import type { TableType } from './recognition/table-type';
import type { WorkbookSnapshot } from './snapshot/types';
import { probeIdentities } from './rules/run';
import type { Rule } from './rules/types';

/**
 * A table without a title whose header several disclosure tables print alike (科目编码 | 科目名称 | 合计 | 基本支出 |
 * 项目支出: the 支出表, the 一般公共预算, 政府性基金 and 国有资本经营 tables) is typed by its numbers: read as each
 * candidate no other table of the workbook already is, the one whose cross-table identities close (at least one, none
 * failing) while every other candidate's fail (with one candidate left, its identities must close). Else it stays unknown — numbers that fit several readings, or none,
 * decide nothing (an empty table closes 0 = 0 under each).
 */
export function typeByNumbers(
  workbook: RecognisedWorkbook,
  snapshot: WorkbookSnapshot,
  catalogs: CatalogSet,
  crossRules: readonly Rule[],
): RecognisedWorkbook {
  let current = workbook;
  for (const table of workbook.tables) {
    if (!table.typeCandidates || table.type !== 'unknown') continue;
    const present = new Set(current.tables.map((t) => t.type));
    const open = table.typeCandidates.filter((c) => !present.has(c));
    if (open.length === 0) continue;
    const outcomes = open.map((type) => ({ type, ...outcomeAs(current, table, type, snapshot, catalogs, crossRules) }));
    const supported = outcomes.filter((o) => o.closed > 0 && o.failed === 0);
    const contradicted = outcomes.filter((o) => o.failed > 0);
    if (supported.length !== 1 || contradicted.length !== outcomes.length - 1) continue;
    current = withType(current, table, (supported[0] as { type: TableType }).type);
  }
  return current;
}

function withType(workbook: RecognisedWorkbook, table: RecognisedTable, type: TableType): RecognisedWorkbook {
  return {
    ...workbook,
    tables: workbook.tables.map((t) => (t === table || t.id === table.id ? { ...t, type, typeSource: 'numbers' } : t)),
  };
}

/** The cross-table identities joining `table` to another, were it of `type`: how many close and how many fail. */
function outcomeAs(
  workbook: RecognisedWorkbook,
  table: RecognisedTable,
  type: TableType,
  snapshot: WorkbookSnapshot,
  catalogs: CatalogSet,
  crossRules: readonly Rule[],
): { closed: number; failed: number } {
  const trial = withType(workbook, table, type);
  const mapping = mapRows(trial, snapshot.sheets, catalogs);
  const model = buildDocumentModel(snapshot, trial, mapping);
  let closed = 0;
  let failed = 0;
  for (const i of probeIdentities(crossRules, { model, workbook: trial, mapping, catalogs })) {
    if (i.tables.length < 2 || !i.tables.includes(table.id)) continue;
    if (i.status === 'closed') closed++;
    else failed++;
  }
  return { closed, failed };
}
