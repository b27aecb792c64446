import emptyTables from '../../../data/disclosure/empty-tables.json';
import type { RecognisedTable } from '../../recognition/model';
import { TABLE_TYPE_NAMES, tableTypeId, type TableType } from '../../recognition/table-type-registry';
import { cellAddress, tableViews } from '../../model';
import { normalizeLabel } from '../../text/normalize';
import { quoted } from '../messages';
import type { Rule, RuleContext } from '../types';
import { countAtMost, groupBy, memoize, pushTo } from '../../util/collections';
import { firstNonZero, isBlankTemplate } from './table-amounts';
import { address, isContentsSheet, textCells, titleType, type TextCell } from './workbook-texts';

interface FundTable {
  readonly type: TableType;
  readonly fund: string;
  readonly words: readonly string[];
  readonly ignoreColumns: readonly string[];
}

const TABLES: readonly FundTable[] = emptyTables.tables.map((t) => ({
  ...t,
  type: tableTypeId(t.type),
  words: t.words.map(normalizeLabel),
}));
const S = emptyTables.statement;
const norm = (words: readonly string[]) => words.map(normalizeLabel);
const SUBJECTS = norm(S.subjects);
const ABSENCE = norm(S.absence);
const NEGATIONS = norm(S.negations);
const EMPTY_CLAIMS = norm(S.emptyClaims);
const INSTRUCTIONS = norm(S.instructions);
const NOTE_PREFIXES = norm(S.notePrefixes);

/** The funds a text says the body does not have ("本部门无政府性基金…", "…没有财政拨款三公经费支出"). */
function deniedFunds(text: string): FundTable[] {
  return TABLES.filter((t) =>
    t.words.some((w) => {
      for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
        const before = text.slice(Math.max(0, i - S.window), i);
        if (NEGATIONS.some((n) => before.includes(n)) || ABSENCE.some((a) => before.includes(a))) return true;
      }
      return ABSENCE.some((a) => text.includes(a)) && text.includes(w);
    }),
  );
}

interface Statement {
  readonly cell: TextCell;
  /** The funds it names as absent; empty for a bare "本表为空表". */
  readonly funds: readonly FundTable[];
  /** It says the table itself is empty. */
  readonly claimsEmpty: boolean;
}

/** A statement that the body has no such fund or that the table is empty; null for any other text. */
function statementOf(cell: TextCell): Statement | null {
  const said = statementIn(cell.norm);
  return said ? { cell, ...said } : null;
}

/** What a normalised text states, once per distinct text (most texts are labels that state nothing). */
const statementIn = memoize((text: string): Omit<Statement, 'cell'> | null => {
  const subject = SUBJECTS.some((s) => text.includes(s)) || NOTE_PREFIXES.some((p) => text.startsWith(p));
  if (text.length < S.minLength || !subject) return null;
  if (INSTRUCTIONS.some((i) => text.includes(i))) return null;
  const funds = deniedFunds(text);
  const claimsEmpty = EMPTY_CLAIMS.some((c) => text.includes(c));
  return funds.length || claimsEmpty ? { funds, claimsEmpty } : null;
});

interface Candidate {
  readonly spec: FundTable;
  readonly sheet: string;
  readonly anchor: string;
  readonly name: string;
  readonly table: RecognisedTable | null;
  /** Rows of the sheet that belong to it: from its top to the next table or title. */
  readonly top: number;
  readonly bottom: number;
}

/** The fund tables of the workbook: recognised ones, and titles left standing alone on an emptied sheet. */
function candidates(ctx: RuleContext): Candidate[] {
  const { placement } = ctx.model;
  const starts = new Map<string, number[]>();
  for (const t of ctx.workbook.tables) pushTo(starts, t.sheet, t.range.top);
  const loose: TextCell[] = [];
  for (const c of textCells(ctx.model)) {
    if (isContentsSheet(ctx.model, c.sheet)) continue;
    const type = titleType(c.text);
    if (!type || placement.atRow(c.sheet, c.row).length > 0) continue;
    pushTo(starts, c.sheet, c.row);
    if (TABLES.some((s) => s.type === type)) loose.push(c);
  }
  for (const rows of starts.values()) rows.sort((a, b) => a - b);
  /** The row above the next table or title below `top` on the sheet. */
  const bottomOf = (sheet: string, top: number) => {
    const rows = starts.get(sheet) ?? [];
    const next = rows[countAtMost(rows, top)];
    return next === undefined ? Number.MAX_SAFE_INTEGER : next - 1;
  };
  const out: Candidate[] = [];
  for (const t of ctx.workbook.tables) {
    const spec = TABLES.find((s) => s.type === t.type);
    if (!spec) continue;
    const anchor = cellAddress(t.titleRow ?? t.range.top, t.range.left);
    const name = t.title ?? TABLE_TYPE_NAMES[t.type] ?? t.sheet;
    out.push({
      spec,
      sheet: t.sheet,
      anchor,
      name,
      table: t,
      top: t.range.top,
      bottom: bottomOf(t.sheet, t.range.top),
    });
  }
  for (const c of loose) {
    const spec = TABLES.find((s) => s.type === titleType(c.text)) as FundTable;
    if (out.some((o) => o.spec === spec && o.sheet === c.sheet)) continue;
    out.push({
      spec,
      sheet: c.sheet,
      anchor: address(c),
      name: c.text,
      table: null,
      top: c.row,
      bottom: bottomOf(c.sheet, c.row),
    });
  }
  return out;
}

/** A cell inside another table of its sheet (side-by-side tables): its statement is that table's, not this one's. */
const inOtherTable = (ctx: RuleContext, cell: TextCell, own: RecognisedTable | null): boolean =>
  ctx.model.placement.at(cell.sheet, cell.row, cell.col).some((t) => t !== own);

const fundsText = (funds: readonly FundTable[]) => funds.map((f) => f.fund).join('、');

/**
 * An emptied 政府性基金 / 国有资本经营 / “三公” table must say why: a statement naming its own fund. A statement naming
 * another fund only, or one saying the table is empty above non-zero amounts, is a warning; an all-zero table without
 * any statement (on its sheet or in the workbook's 说明) a note. A blank template is not judged.
 */
export const emptyTableStatement: Rule = {
  meta: {
    id: 'disclosure.empty_table',
    defaultSeverity: 'warning',
    title: { zh: '空表说明缺失或与表不符', en: 'Empty-table statement missing or contradicted' },
    description: {
      zh: '政府性基金、国有资本经营预算、“三公”经费表无数据时，应在表下说明本部门（单位）无该项资金（如“本部门无政府性基金预算财政拨款收入…，故本表为空表”）。说明写的是另一项资金，或说明称本表为空而表中有金额，为警告；表中金额全为零或空白而无任何说明，或说明只称本表为空而未写明是哪项资金，为提示。空白模板（各表均无金额）不检查。',
      en: 'An empty 政府性基金 / 国有资本经营 / “三公” table must carry a statement that the body has no such funds. A statement naming another fund, or claiming the table is empty above non-zero amounts, is a warning; an all-zero table with no statement, or with one that names no fund (本表为空表), is a note. A blank template (no amounts anywhere) is not judged.',
    },
    formula: 'all amounts = 0 ⇒ statement(own fund); statement(empty) ⇒ all amounts = 0',
    example:
      '《2021年部门政府性基金预算支出表》的说明写的是“国有资本经营预算”（“本部门无国有资本经营预算…”），与本表不符',
    messages: {
      claimedEmptyHasAmounts: {
        zh: '说明称表为空，但表中有金额',
        en: 'Statement says empty, but the table has amounts',
      },
      fundNotNamed: { zh: '空表说明未写明是哪项资金', en: 'Empty-table statement names no fund' },
      fundMismatch: { zh: '空表说明所写资金与本表不符', en: "Statement names another fund than the table's" },
      noStatement: { zh: '空表未见说明', en: 'Empty table without a statement' },
    },
    appliesTo: ['government_fund_expenditure', 'state_capital_expenditure', 'three_public_expenses'],
  },
  check(ctx) {
    if (isBlankTemplate(ctx)) return;
    const views = new Map(tableViews(ctx).map((v) => [v.table, v]));
    const statements = textCells(ctx.model)
      .map(statementOf)
      .filter((s): s is Statement => s !== null);
    const statementsOn = groupBy(statements, (s) => s.cell.sheet);
    for (const c of candidates(ctx)) {
      const view = c.table ? views.get(c.table) : undefined;
      const nonZero = view ? firstNonZero(view, c.spec.ignoreColumns) : null;
      const own = (statementsOn.get(c.sheet) ?? []).filter(
        (s) =>
          s.cell.sheet === c.sheet &&
          s.cell.row >= c.top &&
          s.cell.row <= c.bottom &&
          !(c.table && s.cell.row >= c.table.headerRows[0] && s.cell.row <= c.table.headerRows[1]) &&
          !inOtherTable(ctx, s.cell, c.table),
      );
      const quote = (s: Statement) => `“${quoted(s.cell.text)}”`;
      if (nonZero) {
        const claim = own.find((s) => s.claimsEmpty || s.funds.includes(c.spec));
        if (claim)
          ctx.report({
            sheet: c.sheet,
            cells: [address(claim.cell), nonZero],
            messageId: 'claimedEmptyHasAmounts',
            message: `《${c.name}》的说明称无此项资金或本表为空（${quote(claim)}），但表中有金额（${nonZero}）`,
          });
        continue;
      }
      if (own.some((s) => s.funds.includes(c.spec))) continue;
      const other = own.find((s) => s.funds.length > 0);
      const bare = own.find((s) => s.funds.length === 0);
      if (bare && !other) {
        // "本表为空表" says the table is empty, not why: the statement should name the fund the body does not have.
        ctx.report({
          severity: 'info',
          sheet: c.sheet,
          cells: [address(bare.cell)],
          messageId: 'fundNotNamed',
          message: `《${c.name}》的说明（${quote(bare)}）未写明是哪项资金；应写明无${c.spec.fund}（如“本部门无${c.spec.fund}…，故本表为空表”）`,
        });
        continue;
      }
      if (other) {
        ctx.report({
          sheet: c.sheet,
          cells: [address(other.cell)],
          messageId: 'fundMismatch',
          message: `《${c.name}》的说明写的是“${fundsText(other.funds)}”（${quote(other)}），与本表（${c.spec.fund}）不符`,
        });
        continue;
      }
      if (statements.some((s) => s.funds.includes(c.spec) && !isTableSheet(ctx, s.cell.sheet, c.sheet))) continue;
      ctx.report({
        severity: 'info',
        sheet: c.sheet,
        cells: [c.anchor],
        messageId: 'noStatement',
        message: `《${c.name}》金额均为零或空白，未见说明；无${c.spec.fund}的，应在表下注明（如“本部门无${c.spec.fund}…，故本表为空表”）`,
      });
    }
  },
};

/** A statement on another table's sheet speaks for that table, not this one. */
function isTableSheet(ctx: RuleContext, sheet: string, own: string): boolean {
  return sheet !== own && ctx.model.placement.on(sheet).length > 0;
}
