import consistency from '../../../data/disclosure/consistency.json';
import tableSets from '../../../data/disclosure/table-sets.json';
import type { RecognisedTable } from '../../recognition/model';
import { isPerformanceForm } from '../../recognition/table-type-registry';
import { cellAddress } from '../../model';
import { normalizeLabel } from '../../text/normalize';
import type { FindingDraft, Rule, RuleContext } from '../types';
import { isBlankTemplate } from './table-amounts';
import { headTexts } from './workbook-texts';

const YEAR = new RegExp(consistency.yearPattern, 'u');
const BODY_LABELS = [...consistency.bodyLabels].map(normalizeLabel).sort((a, b) => b.length - a.length);
const EXCEPTIONS = consistency.scopeExceptions.map(normalizeLabel);
const SCOPES = {
  unit: tableSets.scopes.unit.map(normalizeLabel),
  department: tableSets.scopes.department.map(normalizeLabel),
};
const FUND_NAMES = consistency.fundNames.map(normalizeLabel);
const BUDGET_ENDINGS = consistency.budgetEndings.map(normalizeLabel);
const FINAL = normalizeLabel(consistency.finalWord);
const PLACEHOLDER = new RegExp(consistency.bodyPlaceholderPattern, 'u');
const FIELD_BREAK = new RegExp(consistency.metadataFieldBreakPattern, 'u');
const TITLE_PREFIX = new RegExp(consistency.titlePrefixPattern, 'u');
/** Opening brackets as normalizeLabel leaves them (（ → (, 【 → [). */
const YEAR_ANNOTATION_OPENERS = ['(', '['];

interface Head {
  readonly table: RecognisedTable;
  readonly anchor: string;
  readonly title: string;
  readonly year: string | null;
  /** The body a title names before its year ("上海市普陀区教育局2026年…"), or null. */
  readonly titleBody: string | null;
  /** The body the 编制部门/单位 line names, with its cell. */
  readonly body: { readonly name: string; readonly cell: string } | null;
}

function bodyLine(text: string): string | null {
  const label = BODY_LABELS.find((l) => text.startsWith(`${l}:`));
  if (!label) return null;
  const name =
    text
      .slice(label.length + 1)
      .split(FIELD_BREAK)[0]
      ?.trim() ?? '';
  return name.length >= 2 && !PLACEHOLDER.test(name) ? name : null;
}

function headsOf(ctx: RuleContext): Head[] {
  return ctx.workbook.tables
    .filter((t) => t.title && t.type !== 'unknown' && !isPerformanceForm(t.type))
    .map((t) => {
      const title = normalizeLabel(t.title as string);
      const m = YEAR.exec(title);
      // A year in brackets after the table's name ("部门收入预算总表（2025年）") annotates the title: what precedes it
      // is the table's name, not a body's.
      const annotated = m !== null && m.index > 0 && YEAR_ANNOTATION_OPENERS.includes(title[m.index - 1] as string);
      const before = m && !annotated ? title.slice(0, m.index).replace(TITLE_PREFIX, '') : '';
      let body: Head['body'] = null;
      for (const c of headTexts(ctx.model, t)) {
        const name = bodyLine(c.norm);
        if (name) {
          body = { name, cell: cellAddress(c.row, c.col) };
          break;
        }
      }
      return {
        table: t,
        anchor: cellAddress(t.titleRow ?? t.range.top, t.range.left),
        title: t.title as string,
        year: m?.[1] ?? null,
        titleBody: before.length >= 4 && !PLACEHOLDER.test(before) ? before : null,
        body,
      };
    });
}

/** The value most tables share, when at least two do and it is the only such most common value. */
function majority<T>(values: readonly T[]): { value: T; count: number } | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = sorted;
  if (!first || first[1] < 2 || (second && second[1] === first[1])) return null;
  return { value: first[0], count: first[1] };
}

/** Two names of one body: equal, or one the other with its region prefix ("普陀区教育局" in "上海市普陀区教育局"). */
const sameBody = (a: string, b: string) => a === b || a.endsWith(b) || b.endsWith(a);

function scopeWords(title: string, scope: 'unit' | 'department'): string | null {
  let t = title;
  for (const e of EXCEPTIONS) t = t.split(e).join('');
  return SCOPES[scope].find((w) => t.includes(w)) ?? null;
}

/** The scope a title names, when it names only one. */
function titleScope(title: string): 'unit' | 'department' | null {
  const unit = scopeWords(title, 'unit');
  const department = scopeWords(title, 'department');
  return unit && !department ? 'unit' : department && !unit ? 'department' : null;
}

/**
 * Every table of one disclosure names the same year, the same body, the same 部门/单位 scope and the same report kind
 * in its title and metadata; a table that differs was most likely copied from another disclosure and not updated.
 */
export const headConsistency: Rule = {
  meta: {
    id: 'disclosure.consistency',
    defaultSeverity: 'warning',
    title: { zh: '各表标题、编制部门不一致', en: 'Titles and metadata disagree across tables' },
    description: {
      zh: '同一套公开表的标题年度、编制部门（单位）名称、标题中的单位名称、预算/决算应一致；与其余多数表不同的表为警告（多为从其他年度或单位的表复制后未改）。标题中“部门”“单位”用词与其余各表不同、各表金额单位（元/万元）不一致，为提示（空白模板不提示单位）。',
      en: 'All tables of one disclosure name the same year, body, and report kind (预算/决算) in titles and metadata; a table that differs from the majority is a warning (usually copied and not updated). A title using 部门 where the others say 单位 (or the reverse), and tables in different units (元/万元), are notes (not on a blank template).',
    },
    formula: 'year(title), body(编制部门), kind(title) equal across tables',
    example: '《2020年部门收入总表》标题年度为 2020 年，其余 7 张表为 2021 年',
    messages: {
      yearDiffers: { zh: '标题年度与其余各表不同', en: 'Title year differs from the other tables' },
      bodyDiffers: { zh: '编制部门（单位）与其余各表不同', en: 'Preparing body differs from the other tables' },
      titleBodyDiffers: {
        zh: '标题中的单位与其余各表不同',
        en: 'Body named in the title differs from the other tables',
      },
      kindDiffers: {
        zh: '标题属于另一类公开（预算/决算）',
        en: 'Title of the other kind of disclosure (budget / final accounts)',
      },
      scopeDiffers: {
        zh: '标题按部门或单位命名与其余各表不同',
        en: 'Title names department or unit unlike the other tables',
      },
      unitsDiffer: { zh: '各表金额单位不一致', en: 'Amount units differ between tables' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const heads = headsOf(ctx);
    if (heads.length < 3) return;
    const report = (h: Head, d: Omit<FindingDraft, 'sheet'>) => ctx.report({ sheet: h.table.sheet, ...d });
    const year = majority(heads.map((h) => h.year).filter((y): y is string => y !== null));
    if (year)
      for (const h of heads)
        if (h.year && h.year !== year.value)
          report(h, {
            cells: [h.anchor],
            messageId: 'yearDiffers',
            message: `《${h.title}》标题年度为 ${h.year} 年，其余 ${year.count} 张表为 ${year.value} 年`,
            expected: year.value,
            actual: h.year,
          });
    const names = [...heads.map((h) => h.body?.name), ...heads.map((h) => h.titleBody)].filter((n): n is string => !!n);
    const body = majority(names);
    if (body) {
      for (const h of heads) {
        if (h.body && !sameBody(h.body.name, body.value))
          report(h, {
            cells: [h.body.cell],
            messageId: 'bodyDiffers',
            message: `《${h.title}》的编制部门（单位）为“${h.body.name}”，其余各表为“${body.value}”`,
            expected: body.value,
            actual: h.body.name,
          });
        if (h.titleBody && !sameBody(h.titleBody, body.value))
          report(h, {
            cells: [h.anchor],
            messageId: 'titleBodyDiffers',
            message: `《${h.title}》标题中的单位为“${h.titleBody}”，与其余各表的“${body.value}”不同`,
            expected: body.value,
            actual: h.titleBody,
          });
      }
    }
    const kind = ctx.workbook.reportKind;
    for (const h of heads) {
      const title = normalizeLabel(h.title);
      let bare = title;
      for (const f of FUND_NAMES) bare = bare.split(f).join('');
      const other =
        kind === 'budget' && title.includes(FINAL)
          ? '决算'
          : kind === 'final' && !title.includes(FINAL) && BUDGET_ENDINGS.some((e) => bare.endsWith(e))
            ? '预算'
            : null;
      if (other)
        report(h, {
          cells: [h.anchor],
          messageId: 'kindDiffers',
          message: `《${h.title}》是${other}表的标题，而本工作簿为${kind === 'budget' ? '预算' : '决算'}公开`,
        });
    }
    // The scope the titles use most (the metadata's 编制部门 says nothing of a 单位 disclosure's titles).
    const scopes = heads.map((h) => titleScope(normalizeLabel(h.title))).filter((x) => x !== null);
    const scope = majority(scopes)?.value ?? null;
    const otherScope = scope === 'unit' ? 'department' : 'unit';
    for (const h of heads) {
      if (!scope) break;
      const word = scopeWords(normalizeLabel(h.title), otherScope);
      if (word && !scopeWords(normalizeLabel(h.title), scope))
        report(h, {
          severity: 'info',
          cells: [h.anchor],
          messageId: 'scopeDiffers',
          message: `《${h.title}》标题用“${word}”，本工作簿其余各表按${scope === 'unit' ? '单位' : '部门'}公开命名`,
        });
    }
    const units = new Map<string, Head[]>();
    for (const h of heads)
      if (h.table.unit) (units.get(h.table.unit) ?? units.set(h.table.unit, []).get(h.table.unit))?.push(h);
    // A blank template converts nothing: its units are the template's design, to be read when it is filled in.
    if (units.size > 1 && !isBlankTemplate(ctx)) {
      const sorted = [...units].sort((a, b) => b[1].length - a[1].length);
      const [main, ...rest] = sorted as [[string, Head[]], ...[string, Head[]][]];
      const first = rest[0]?.[1][0] as Head;
      report(first, {
        severity: 'info',
        cells: [first.anchor],
        messageId: 'unitsDiffer',
        message: `各表金额单位不一致：${rest.map(([u, hs]) => `${hs.map((h) => `《${h.title}》`).join('')}为${u}`).join('，')}，其余 ${main[1].length} 张为${main[0]}；跨表核对已按各自单位换算，请确认单位标注无误`,
      });
    }
  },
};
