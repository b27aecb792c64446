import tableTypes from '../../data/table-types.json';

/**
 * The one list of table types. The facts about each type live in `src/data/table-types.json` (`types`); this list only
 * gives TypeScript the ids as literals, and loading fails when the two disagree.
 */
export const TABLE_TYPES = [
  'income_expenditure_summary',
  'income_summary',
  'expenditure_summary',
  'fiscal_appropriation_summary',
  'general_budget_expenditure',
  'general_budget_economic',
  'general_budget_basic_expenditure',
  'three_public_expenses',
  'government_fund_expenditure',
  'state_capital_expenditure',
  'project_expenditure',
  'government_procurement',
  'performance_targets_project',
  'performance_targets_department',
  'performance_self_evaluation',
  'unknown',
] as const;

/** One of the report format's table types, or "unknown". */
export type TableType = (typeof TABLE_TYPES)[number];

/** A ledger holds amounts by line; a performance form is read by `src/core/performance`, never as a ledger. */
export type TableKind = 'ledger' | 'performance_form' | 'unrecognised';

/** What a row carrying a name but no code is mapped to: an economic or function line, or only a function 类. */
export type RowNames = 'economic' | 'function' | 'function_classes';

export interface TableTypeInfo {
  readonly id: TableType;
  readonly name: { readonly zh: string; readonly en: string };
  readonly kind: TableKind;
  readonly rowNames: RowNames | null;
  /** A consolidated table of this type may list the department's units line by line (单位名称 column). */
  readonly listsUnits: boolean;
}

interface RawTableType {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: string;
  readonly rowNames?: string;
  readonly listsUnits?: boolean;
}

const KINDS: readonly string[] = ['ledger', 'performance_form', 'unrecognised'] satisfies TableKind[];
const ROW_NAMES: readonly string[] = ['economic', 'function', 'function_classes'] satisfies RowNames[];

export function isTableType(id: string): id is TableType {
  return (TABLE_TYPES as readonly string[]).includes(id);
}

/** A type id read from a vocabulary file; a misspelt one fails loudly at load rather than never matching. */
export function tableTypeId(id: string): TableType {
  if (!isTableType(id)) throw new Error(`Unknown table type "${id}" (not in src/data/table-types.json types)`);
  return id;
}

function compile(raw: RawTableType): TableTypeInfo {
  if (!KINDS.includes(raw.kind)) throw new Error(`Table type ${raw.id}: unknown kind "${raw.kind}"`);
  if (raw.rowNames !== undefined && !ROW_NAMES.includes(raw.rowNames)) {
    throw new Error(`Table type ${raw.id}: unknown rowNames "${raw.rowNames}"`);
  }
  return {
    id: tableTypeId(raw.id),
    name: { zh: raw.zh, en: raw.en },
    kind: raw.kind as TableKind,
    rowNames: (raw.rowNames as RowNames | undefined) ?? null,
    listsUnits: raw.listsUnits === true,
  };
}

const INFO = new Map<TableType, TableTypeInfo>(
  (tableTypes.types as readonly RawTableType[]).map((raw) => [raw.id as TableType, compile(raw)]),
);
const missing = TABLE_TYPES.filter((id) => !INFO.has(id));
if (missing.length > 0) throw new Error(`Table types without an entry in table-types.json: ${missing.join(', ')}`);

/** Every table type with its facts, in the report format's order. */
export const TABLE_TYPE_INFO: readonly TableTypeInfo[] = TABLE_TYPES.map((id) => INFO.get(id) as TableTypeInfo);

export function tableTypeInfo(type: TableType): TableTypeInfo {
  return INFO.get(type) as TableTypeInfo;
}

/** Performance forms are not ledgers: their number columns hold indicator values, not amounts to reconcile. */
export function isPerformanceForm(type: TableType): boolean {
  return tableTypeInfo(type).kind === 'performance_form';
}

/** The Chinese name of a table type, for people (the summary, the pane, the 审核报告 sheet). */
export const TABLE_TYPE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  TABLE_TYPE_INFO.map((t) => [t.id, t.name.zh]),
);
