import placeholders from '../../../data/disclosure/placeholders.json';
import library from '../../../data/performance/indicator-library.json';
import { cellAddress } from '../../model';
import type { Rule, RuleContext } from '../types';
import { isBlankTemplate } from './table-amounts';
import { memoize } from '../../util/collections';
import type { RecognisedTable } from '../../recognition/model';
import { address, textCells, textCellsIn, type TextCell } from './workbook-texts';

interface Kind {
  readonly id: string;
  readonly label: string;
  readonly severity: 'warning' | 'info';
  readonly patterns: readonly RegExp[];
}

const KINDS: readonly Kind[] = placeholders.kinds.map((k) => ({
  id: k.id,
  label: k.label,
  severity: k.severity === 'info' ? 'info' : 'warning',
  patterns: k.patterns.map((p) => new RegExp(p, 'gmu')),
}));
const ELLIPSIS = new RegExp(placeholders.ellipsis, 'u');

/** Texts the add-in writes into the 绩效目标表 it inserts: its suggested indicators' names and their "建议指标" basis. */
const SUGGESTION_MARKS = new Set([...library.project, ...library.department].map((s) => s.basis));
const SUGGESTION_TEXTS = new Set(
  [...library.project, ...library.department].flatMap((s) => [s.basis, s.level3]).filter(Boolean),
);

interface Residue {
  readonly cell: TextCell;
  readonly kinds: readonly { kind: Kind; matches: readonly string[] }[];
}

/**
 * Any kind's pattern, as one expression: a text it does not match has no residue (most cells), so only the texts it
 * matches are scanned pattern by pattern. Built only when no pattern refers to its own groups (their numbers would
 * shift in the union); otherwise every text is scanned.
 */
const ANY = placeholders.kinds.some((k) => k.patterns.some((p) => /\\[1-9]|\\k</.test(p)))
  ? null
  : new RegExp(placeholders.kinds.flatMap((k) => k.patterns.map((p) => `(?:${p})`)).join('|'), 'mu');

function residueOf(cell: TextCell): Residue | null {
  const kinds = kindsIn(cell.text);
  return kinds.length ? { cell, kinds } : null;
}

/** The residue kinds in a text, once per distinct text (most texts recur: labels, headers, notes). */
const kindsIn = memoize((text: string): Residue['kinds'] => {
  if (ANY && !ANY.test(text)) return NO_KINDS;
  return KINDS.map((kind) => {
    const found = kind.patterns.flatMap((p) => [...text.matchAll(p)]).sort((a, b) => a.index - b.index);
    return { kind, matches: [...new Set(found.map((m) => m[0].trim()))] };
  }).filter((k) => k.matches.length > 0);
});
const NO_KINDS: Residue['kinds'] = [];
const isEllipsis = memoize((text: string) => ELLIPSIS.test(text));

const quoteAll = (matches: readonly string[]) =>
  matches
    .slice(0, 3)
    .map((m) => `“${m}”`)
    .join('') + (matches.length > 3 ? ` 等 ${matches.length} 种` : '');

/** Sample rows of a template (only ellipses in them) inside recognised tables, per table. */
function ellipsisRows(ctx: RuleContext): { sheet: string; cell: string; rows: number; title: string }[] {
  const out: { sheet: string; cell: string; rows: number; title: string }[] = [];
  const columns = (t: RecognisedTable) => [t.range.left, t.range.right] as const;
  for (const t of ctx.workbook.tables) {
    if (!t.dataRows) continue;
    // A row holding a number is no sample row: only the others' text cells are looked at (from the model's index).
    const rows: number[] = [];
    for (let r = t.dataRows[0]; r <= t.dataRows[1]; r++) {
      if (ctx.model.texts.rowHasNumber(t.sheet, r)) continue;
      const inRow = textCellsIn(ctx.model, t.sheet, [r, r], columns(t));
      if (inRow.length && inRow.every((c) => isEllipsis(c.text))) rows.push(r);
    }
    if (rows.length)
      out.push({
        sheet: t.sheet,
        cell: cellAddress(rows[0] as number, t.range.left),
        rows: rows.length,
        title: t.title ?? t.sheet,
      });
  }
  return out;
}

/**
 * Template residue in a submitted disclosure: placeholders (XX局, x,xxx万元, 某某, 待填写), alternatives left unchosen
 * (增加（减少）, （持平）), the template's instructions to the preparer, sample rows of ellipses. The add-in's own
 * suggested indicators are not the user's placeholders: a sheet still holding them is one finding. A blank template
 * (no amount in any table) is not a submission: one note says what it holds.
 */
export const templateResidue: Rule = {
  meta: {
    id: 'disclosure.placeholder',
    defaultSeverity: 'warning',
    title: { zh: '模板占位符或填表说明未清除', en: 'Template placeholders or instructions left in' },
    description: {
      zh: '标题、表头、编制部门等元数据、单元格和说明文字中残留模板占位符（XX、××、某某、待填写、x,xxx.xx 等）或未选定的备选措辞（“增加（减少）”“（持平）”），为警告；残留的模板填表说明（“仍保留该表格式，并在本表下方作下述说明”）和只有省略号的示例行，为提示。本助手插入的建议指标不逐条报告，但仍未改写的工作表报告一次。空白模板（各表均无金额）只作一条提示。',
      en: 'Template placeholders (XX, ××, 某某, 待填写, x,xxx.xx…) or unchosen alternatives (增加（减少）, （持平）) in titles, headers, metadata, cells or narrative are warnings; the template’s instructions to the preparer and sample rows of ellipses are notes. The add-in’s own suggested indicators are reported once per sheet still holding them. A blank template (no amounts) gets one note.',
    },
    formula: 'no text matches placeholders.json',
    example:
      '《部门编制说明》A3 仍有占位符“x,xxx”“XXX”、未选定的备选措辞“增加（减少）”“（持平）”，提交前应替换为实际内容',
    messages: {
      blankTemplate: { zh: '空白模板（全工作簿一条提示）', en: 'Blank template (one note)' },
      residue: { zh: '模板占位文字未替换或删除', en: 'Template placeholder text left in' },
      ellipsisRows: { zh: '模板省略号示例行未删除', en: 'Template ellipsis rows left in' },
      suggestionsLeft: { zh: '插入的建议指标未改写', en: 'Inserted suggested indicators not rewritten' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const texts = textCells(ctx.model);
    const marked = new Set<string>();
    for (const c of texts) if (SUGGESTION_MARKS.has(c.text)) marked.add(c.sheet);
    const residues: Residue[] = [];
    for (const c of texts) {
      if (marked.has(c.sheet) && SUGGESTION_TEXTS.has(c.text)) continue;
      const r = residueOf(c);
      if (r) residues.push(r);
    }
    const samples = ellipsisRows(ctx);
    if (isBlankTemplate(ctx)) {
      const first = residues[0]?.cell;
      if (!first) return;
      const kinds = KINDS.map((k) => ({ k, n: residues.filter((r) => r.kinds.some((x) => x.kind === k)).length }))
        .filter((x) => x.n > 0)
        .map((x) => `${x.k.label}（${x.n} 个单元格）`);
      ctx.report({
        severity: 'info',
        sheet: first.sheet,
        cells: [address(first)],
        messageId: 'blankTemplate',
        message: `各表均未填金额，按空白模板处理，不逐条报告：模板中有${kinds.join('、')}${samples.length ? `，${samples.length} 张表有省略号示例行` : ''}；填报后请再审核`,
      });
      return;
    }
    for (const r of residues) {
      const warning = r.kinds.some((k) => k.kind.severity === 'warning');
      const what = r.kinds.map((k) => `${k.kind.label}${quoteAll(k.matches)}`).join('、');
      ctx.report({
        ...(warning ? {} : { severity: 'info' as const }),
        sheet: r.cell.sheet,
        cells: [address(r.cell)],
        messageId: 'residue',
        message: `《${r.cell.sheet}》${address(r.cell)} 仍有${what}，提交前应${warning ? '替换为实际内容' : '删除'}`,
      });
    }
    for (const s of samples)
      ctx.report({
        severity: 'info',
        sheet: s.sheet,
        cells: [s.cell],
        messageId: 'ellipsisRows',
        message: `《${s.title}》有 ${s.rows} 行只有省略号（模板示例行），提交前应删除`,
      });
    for (const sheet of marked) {
      const cells = textCells(ctx.model).filter((c) => c.sheet === sheet && SUGGESTION_MARKS.has(c.text));
      const first = cells[0] as TextCell;
      ctx.report({
        sheet,
        cells: [address(first)],
        messageId: 'suggestionsLeft',
        message: `《${sheet}》仍有 ${cells.length} 条本助手插入的建议指标未改写（“${first.text}”），提交前应按实际情况核实、修改或删除`,
      });
    }
  },
};
