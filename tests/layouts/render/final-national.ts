import ExcelJS from 'exceljs';
import type { Units } from '../model/amount';
import {
  FISCAL_FUNDS,
  economicTotal,
  finalSummary,
  spending,
  sumFunds,
  totals,
  type Disclosure,
  type Fund,
  type LineAmounts,
} from '../model/disclosure';
import { DEFAULT_SLIP_IDS, EMPTY_TABLE_SLIP_IDS, SELF_EVALUATION_SLIP_IDS } from '../slips';
import { fillNarrative, narrativeFeatures, type NarrativeStyle } from './narrative';
import { CONTENTS_SHEET, contentsFeatures, fillContents, type ContentsStyle } from './contents';
import { selfEvaluationFeatures, writeSelfEvaluations, type SelfEvaluationStyle } from './self-evaluations';
import type { LayoutFamily, LayoutVariant, PlacedTable, Rendered, RowRole } from '../families';
import {
  chineseNumber,
  classSide,
  codeTable,
  headerOf,
  money,
  twoSided,
  writeGrid,
  type Ctx as GridCtx,
  type GridCell,
  type GridRow,
  type GridTable,
  type Path,
  type Side,
  type TableFrame,
  type TableStyle,
  type Value,
} from './final-grid';

/**
 * Family "final-national": the national 部门决算公开 set 公开01–09 (收入支出决算总表, 收入决算表, 支出决算表,
 * 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表, 一般公共预算财政拨款基本支出决算表, “三公”经费支出决算表,
 * 政府性基金预算财政拨款收入支出决算表, 国有资本经营预算财政拨款支出决算表), one table per sheet.
 *
 * Cell index keys (see PlacedTable): code tables have rows 'total' and f:<code>, columns 'code' (the whole code, or the
 * last part written for split 类/款/项 columns), 'name' and the amount keys listed at each table; the two-sided tables
 * have one row key per side (l:in.general …, l:out.<class code> …) with 'name' and 'amount' (公开04's right side:
 * 'total', 'general', 'gov', 'state'); 公开06 has e:<code> rows and the footer rows l:personnel / l:public; 公开07 the row
 * l:three with budget.<item> and final.<item> columns.
 */

export interface FinalLayout extends TableStyle {
  /** One full code column; or 类|款|项 columns with every part repeated, or only each line's own part. */
  readonly codes: 'single' | 'split-full' | 'split-sparse';
  /** 行次 columns in the two-sided tables and a 栏次 row under every header. */
  readonly lineNumbers: boolean;
  /** Label heads with their qualifier (项目（按功能分类）, 功能分类科目编码, 经济分类科目编码) or plain. */
  readonly qualifiers: boolean;
  /** 公开06 as 人员经费 | 公用经费 or 人员经费 | 公用经费 | 公用经费 blocks. */
  readonly basicBlocks: 2 | 3;
  /** 公开07: a 预算数 block then a 决算数 block, or 预算数 | 决算数 pairs per item. */
  readonly threePublic: 'grouped' | 'paired';
  /** The expenditure side of 公开01/04: every 类 of the catalog (zeros blank), or the ones present. */
  readonly classList: 'all' | 'present';
  readonly totalRow: 'first' | 'last';
  /** Sheets named 公开01表 … or by the table's title. */
  readonly sheetNames: 'number' | 'title';
  /** Titles prefixed with the year (2024年度收入决算表). */
  readonly yearInTitle: boolean;
  /** A 目录 sheet before the tables, listing them. */
  readonly contents?: ContentsStyle;
  /** A 说明 sheet after the tables, quoting their figures. */
  readonly narrative?: NarrativeStyle;
  /** 项目支出绩效自评表 after the tables, for the projects the seed picks. */
  readonly selfEvaluations?: SelfEvaluationStyle;
}

export function finalFeatures(l: FinalLayout): string[] {
  return [
    {
      single: 'one code column',
      'split-full': '类/款/项 code columns, every part',
      'split-sparse': '类/款/项 code columns, own part only',
    }[l.codes],
    l.lineNumbers ? '行次 columns and 栏次 rows' : 'no 行次/栏次',
    l.qualifiers ? 'label heads with qualifiers' : 'plain label heads',
    `基本支出决算表 in ${l.basicBlocks} side-by-side blocks with a block-total footer`,
    l.threePublic === 'grouped' ? '三公: 预算数 block, 决算数 block' : '三公: 预算数|决算数 pairs',
    l.classList === 'all' ? 'two-sided tables list every 类' : 'two-sided tables list present 类 only',
    `合计 row ${l.totalRow}`,
    l.sheetNames === 'number' ? 'sheets 公开01表…' : 'sheets named by title',
    l.yearInTitle ? 'year in titles' : 'no year in titles',
    l.zeros ? 'absent amounts print 0' : 'absent amounts blank',
    'empty fund tables with their statement',
    ...(l.contents ? contentsFeatures(l.contents) : ['no 目录']),
    ...(l.narrative ? narrativeFeatures(l.narrative) : ['no 说明']),
    l.selfEvaluations ? selfEvaluationFeatures(l.selfEvaluations) : 'no 绩效自评表',
  ];
}

interface Ctx extends GridCtx {
  readonly l: FinalLayout;
}

const TITLE = {
  '01': '收入支出决算总表',
  '02': '收入决算表',
  '03': '支出决算表',
  '04': '财政拨款收入支出决算总表',
  '05': '一般公共预算财政拨款支出决算表',
  '06': '一般公共预算财政拨款基本支出决算表',
  '07': '财政拨款“三公”经费支出决算表',
  '08': '政府性基金预算财政拨款收入支出决算表',
  '09': '国有资本经营预算财政拨款支出决算表',
} as const;
type No = keyof typeof TITLE;

function frame(c: Ctx, no: No): TableFrame {
  return {
    name: TITLE[no],
    title: c.l.yearInTitle ? `${c.d.year}年度${TITLE[no]}` : TITLE[no],
    number: `公开${no}表`,
    meta: [
      `${c.d.isUnit ? '编制单位' : '编制部门'}：${c.d.department}`,
      c.l.lineNumbers ? `金额单位：${c.d.unit}` : `单位：${c.d.unit}`,
    ] as const,
  };
}

const FUND_INCOME: Record<Exclude<Fund, 'other'>, string> = {
  general: '一般公共预算财政拨款',
  gov: '政府性基金预算财政拨款',
  state: '国有资本经营预算财政拨款',
};

function table01(c: Ctx): GridTable {
  const d = c.d;
  const t = totals(d);
  const s = finalSummary(d);
  const m = (u: Units) => [money(c, u)];
  const left: Side[] = [
    { key: 'l:in.general', label: '一、一般公共预算财政拨款收入', amounts: m(t.income.general) },
    { key: 'l:in.gov', label: '二、政府性基金预算财政拨款收入', amounts: m(t.income.gov) },
    { key: 'l:in.state', label: '三、国有资本经营预算财政拨款收入', amounts: m(t.income.state) },
    { key: 'l:in.shangji', label: '四、上级补助收入', amounts: m(t.sources.shangji) },
    { key: 'l:in.shiye', label: '五、事业收入', amounts: m(t.sources.shiye) },
    { key: 'l:in.jingying', label: '六、经营收入', amounts: m(t.sources.jingying) },
    { key: 'l:in.fushu', label: '七、附属单位上缴收入', amounts: m(t.sources.fushu) },
    { key: 'l:in.qita', label: '八、其他收入', amounts: m(t.sources.qita + t.sources.zhuanhu) },
  ];
  const right: Side[] = classSide(c, (l) => spending(l.amounts) > 0).map((x) => ({
    key: `l:out.${x.code}`,
    label: x.label,
    amounts: m(x.line ? spending(x.line.amounts) : 0),
  }));
  return twoSided(
    c,
    frame(c, '01'),
    'income_expenditure_summary',
    ['决算数'],
    ['amount'],
    left,
    right,
    [
      { key: 'l:in.total', label: '本年收入合计', amounts: m(s.income) },
      { key: 'l:useOfBalance', label: '使用非财政拨款结余', amounts: m(s.useOfBalance) },
      { key: 'l:carryIn', label: '年初结转和结余', amounts: m(s.carryIn) },
      { key: 'l:in.grand', label: '总计', amounts: m(s.total) },
    ],
    [
      { key: 'l:out.total', label: '本年支出合计', amounts: m(s.spending) },
      { key: 'l:distribution', label: '结余分配', amounts: m(s.distribution) },
      { key: 'l:carryOut', label: '年末结转和结余', amounts: m(s.carryOut) },
      { key: 'l:out.grand', label: '总计', amounts: m(s.spending + s.distribution + s.carryOut) },
    ],
    [`注：本表反映${c.subject}本年度的总收支和年末结转结余情况。`],
  );
}

function table04(c: Ctx): GridTable {
  const d = c.d;
  const t = totals(d);
  const m = (u: Units) => money(c, u);
  const fiscal = (f: (fund: Fund) => Units) => [
    m(FISCAL_FUNDS.reduce((a, x) => a + f(x), 0)),
    ...FISCAL_FUNDS.map((x) => m(f(x))),
  ];
  const left: Side[] = FISCAL_FUNDS.map((f, i) => ({
    key: `l:in.${f}`,
    label: `${chineseNumber(i + 1)}、${FUND_INCOME[f as Exclude<Fund, 'other'>]}`,
    amounts: [m(t.income[f])],
  }));
  const right: Side[] = classSide(c, (l) => spending(l.amounts, FISCAL_FUNDS) > 0).map((x) => ({
    key: `l:out.${x.code}`,
    label: x.label,
    amounts: fiscal((f) => (x.line ? x.line.amounts.basic[f] + x.line.amounts.project[f] : 0)),
  }));
  const fiscalIn = sumFunds(t.income, FISCAL_FUNDS);
  const carryIn = sumFunds(t.carryIn, FISCAL_FUNDS);
  return twoSided(
    c,
    frame(c, '04'),
    'fiscal_appropriation_summary',
    ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ['total', 'general', 'gov', 'state'],
    left,
    right,
    [
      { key: 'l:in.total', label: '本年收入合计', amounts: [m(fiscalIn)] },
      { key: 'l:carryIn', label: '年初财政拨款结转和结余', amounts: [m(carryIn)] },
      ...FISCAL_FUNDS.map((f) => ({
        key: `l:carryIn.${f}`,
        label: FUND_INCOME[f as Exclude<Fund, 'other'>],
        amounts: [m(t.carryIn[f])],
      })),
      { key: 'l:in.grand', label: '总计', amounts: [m(fiscalIn + carryIn)] },
    ],
    [
      { key: 'l:out.total', label: '本年支出合计', amounts: fiscal((f) => t.basic[f] + t.project[f]) },
      { key: 'l:carryOut', label: '年末财政拨款结转和结余', amounts: fiscal((f) => t.carryOut[f]) },
      { key: 'l:out.grand', label: '总计', amounts: fiscal((f) => t.basic[f] + t.project[f] + t.carryOut[f]) },
    ],
    [
      `注：本表反映${c.subject}本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。`,
    ],
  );
}

/** 公开06: 人员经费 | 公用经费 (| 公用经费) blocks of 编码|名称|决算数 and a footer totalling each kind. */
function table06(c: Ctx): GridTable {
  const d = c.d;
  const code = c.l.qualifiers ? '经济分类科目编码' : '科目编码';
  const personnel = d.economics.filter((e) => e.personnel);
  const publicLines = d.economics.filter((e) => !e.personnel);
  const per = Math.ceil(publicLines.length / (c.l.basicBlocks - 1));
  const blocks = [
    personnel,
    ...Array.from({ length: c.l.basicBlocks - 1 }, (_, i) => publicLines.slice(i * per, (i + 1) * per)),
  ];
  const header: Value[][] = [
    blocks.flatMap((_, b) => [b === 0 ? '人员经费' : b === 1 ? '公用经费' : null, null, null]),
    blocks.flatMap(() => [code, '科目名称', '决算数']),
  ];
  const width = blocks.length * 3;
  const headerMerges: [number, number, number, number][] = [
    [0, 0, 0, 2],
    [0, 3, 0, width - 1],
  ];
  const height = Math.max(...blocks.map((b) => b.length));
  const body: GridRow[] = [];
  for (let i = 0; i < height; i++) {
    const cells: GridCell[] = [];
    const keys: { key: string; role: RowRole }[] = [];
    for (const block of blocks) {
      const e = block[i];
      if (!e) {
        cells.push({ v: null }, { v: null }, { v: null });
        continue;
      }
      const key = `e:${e.code}`;
      keys.push({ key, role: e.level === 1 ? 'economic-class' : 'economic-item' });
      cells.push(
        { v: e.code, key: `${key}|code` },
        { v: e.name, key: `${key}|name` },
        { v: money(c, e.amount), key: `${key}|total` },
      );
    }
    body.push({ key: keys[0]!.key, role: keys[0]!.role, cells, also: keys.slice(1) });
  }
  const footer: GridCell[] = [
    { v: '人员经费合计', key: 'l:personnel|name' },
    { v: null },
    { v: money(c, economicTotal(d, true)), key: 'l:personnel|total' },
    { v: '公用经费合计', key: 'l:public|name' },
    ...Array.from({ length: width - 5 }, () => ({ v: null })),
    { v: money(c, economicTotal(d, false)), key: 'l:public|total' },
  ];
  body.push({
    key: 'l:personnel',
    role: 'footer',
    cells: footer,
    merges: [
      [0, 1],
      [3, width - 2],
    ],
    also: [{ key: 'l:public', role: 'footer' }],
  });
  return {
    key: 'general_budget_basic_expenditure',
    type: 'general_budget_basic_expenditure',
    ...frame(c, '06'),
    header,
    headerMerges,
    columns: [],
    body,
    notes: [`注：本表反映${c.subject}本年度一般公共预算财政拨款基本支出明细情况。`],
  };
}

const THREE_ITEMS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'] as const;
const THREE_HEADS: Record<(typeof THREE_ITEMS)[number], Path> = {
  total: ['合计'],
  abroad: ['因公出国（境）费'],
  vehicle: ['公务用车购置及运行费', '小计'],
  vehiclePurchase: ['公务用车购置及运行费', '公务用车购置费'],
  vehicleRunning: ['公务用车购置及运行费', '公务用车运行费'],
  reception: ['公务接待费'],
};

function table07(c: Ctx): GridTable {
  const d = c.d;
  const of = (t: Disclosure['threePublic']) => ({
    total: t.abroad + t.reception + t.vehiclePurchase + t.vehicleRunning,
    abroad: t.abroad,
    vehicle: t.vehiclePurchase + t.vehicleRunning,
    vehiclePurchase: t.vehiclePurchase,
    vehicleRunning: t.vehicleRunning,
    reception: t.reception,
  });
  const budget = of(d.threePublicBudget);
  const actual = of(d.threePublic);
  const pad = (p: Path, depth: number): Path =>
    p.length >= depth ? p : [...p, ...Array<string>(depth - p.length).fill(p[p.length - 1]!)];
  const columns: { path: Path; key: string; v: Units }[] =
    c.l.threePublic === 'grouped'
      ? (['budget', 'final'] as const).flatMap((side) =>
          THREE_ITEMS.map((item) => ({
            path: [side === 'budget' ? '预算数' : '决算数', ...THREE_HEADS[item]],
            key: `${side}.${item}`,
            v: (side === 'budget' ? budget : actual)[item],
          })),
        )
      : THREE_ITEMS.flatMap((item) =>
          (['budget', 'final'] as const).map((side) => ({
            path: [...pad(THREE_HEADS[item], 2), side === 'budget' ? '预算数' : '决算数'],
            key: `${side}.${item}`,
            v: (side === 'budget' ? budget : actual)[item],
          })),
        );
  const { rows, merges } = headerOf(columns.map((x) => x.path));
  const empty = budget.total === 0 && actual.total === 0;
  return {
    key: 'three_public_expenses',
    type: 'three_public_expenses',
    ...frame(c, '07'),
    header: rows,
    headerMerges: merges,
    columns: columns.map((x) => x.key),
    body: [{ key: 'l:three', role: 'line', cells: columns.map((x) => money(c, x.v)) }],
    notes: [
      `注：本表反映${c.subject}本年度财政拨款“三公”经费支出预决算情况。`,
      ...(empty ? [`说明：${c.subject}本年度没有财政拨款“三公”经费支出，故本表无数据。`] : []),
    ],
    empty,
  };
}

function renderTables(c: Ctx): GridTable[] {
  const d = c.d;
  const all = d.functions;
  const withAny = (f: (a: LineAmounts) => Units[]) => all.filter((l) => f(l.amounts).some((u) => u !== 0));
  const income02 = (a: LineAmounts) => [
    sumFunds(a.income),
    sumFunds(a.income, FISCAL_FUNDS),
    a.sources.shangji,
    a.sources.shiye,
    a.sources.jingying,
    a.sources.fushu,
    a.sources.qita + a.sources.zhuanhu,
  ];
  const spend03 = (a: LineAmounts) => [spending(a), a.basic.general + a.basic.other, sumFunds(a.project), 0, 0, 0];
  const general05 = (a: LineAmounts) => [a.basic.general + a.project.general, a.basic.general, a.project.general];
  const gov08 = (a: LineAmounts) => [
    a.carryIn.gov,
    a.income.gov,
    a.basic.gov + a.project.gov,
    a.basic.gov,
    a.project.gov,
    a.carryOut.gov,
  ];
  const state09 = (a: LineAmounts) => [a.basic.state + a.project.state, a.basic.state, a.project.state];
  const statement = (fund: string) => ({
    statement: `说明：${c.subject}本年度没有${fund}财政拨款收入、支出及结转和结余，故本表无数据。`,
  });
  const govLines = withAny(gov08);
  const stateLines = withAny(state09);
  return [
    table01(c),
    codeTable(
      c,
      frame(c, '02'),
      'income_summary',
      [
        ['本年收入合计'],
        ['财政拨款收入'],
        ['上级补助收入'],
        ['事业收入'],
        ['经营收入'],
        ['附属单位上缴收入'],
        ['其他收入'],
      ],
      ['total', 'fiscal', 'shangji', 'shiye', 'jingying', 'fushu', 'qita'],
      all,
      income02,
      null,
      [`注：本表反映${c.subject}本年度取得的各项收入情况。`],
    ),
    codeTable(
      c,
      frame(c, '03'),
      'expenditure_summary',
      [['本年支出合计'], ['基本支出'], ['项目支出'], ['上缴上级支出'], ['经营支出'], ['对附属单位补助支出']],
      ['total', 'basic', 'project', 'shangjiao', 'business', 'subsidiary'],
      all,
      spend03,
      null,
      [`注：本表反映${c.subject}本年度各项支出情况。`],
    ),
    table04(c),
    codeTable(
      c,
      frame(c, '05'),
      'general_budget_expenditure',
      [
        ['本年支出', '小计'],
        ['本年支出', '基本支出'],
        ['本年支出', '项目支出'],
      ],
      ['total', 'basic', 'project'],
      withAny(general05),
      general05,
      null,
      [`注：本表反映${c.subject}本年度一般公共预算财政拨款支出情况。`],
    ),
    table06(c),
    table07(c),
    codeTable(
      c,
      frame(c, '08'),
      'government_fund_expenditure',
      [
        ['年初结转和结余'],
        ['本年收入'],
        ['本年支出', '小计'],
        ['本年支出', '基本支出'],
        ['本年支出', '项目支出'],
        ['年末结转和结余'],
      ],
      ['carryIn', 'income', 'total', 'basic', 'project', 'carryOut'],
      govLines,
      gov08,
      govLines.length === 0 ? statement('政府性基金预算') : null,
      [`注：本表反映${c.subject}本年度政府性基金预算财政拨款收入、支出及结转和结余情况。`],
    ),
    codeTable(
      c,
      frame(c, '09'),
      'state_capital_expenditure',
      [
        ['本年支出', '合计'],
        ['本年支出', '基本支出'],
        ['本年支出', '项目支出'],
      ],
      ['total', 'basic', 'project'],
      stateLines,
      state09,
      stateLines.length === 0 ? statement('国有资本经营预算') : null,
      [`注：本表反映${c.subject}本年度国有资本经营预算财政拨款支出情况。`],
    ),
  ];
}

export function renderFinalNational(d: Disclosure, l: FinalLayout): Rendered {
  const wb = new ExcelJS.Workbook();
  const c: Ctx = { d, l, subject: d.isUnit ? '本单位' : '本部门' };
  const placed: PlacedTable[] = [];
  const toc = l.contents ? wb.addWorksheet(CONTENTS_SHEET) : null;
  renderTables(c).forEach((t, i) => {
    const no = String(i + 1).padStart(2, '0');
    const ws = wb.addWorksheet(l.sheetNames === 'number' ? `公开${no}表` : t.name.slice(0, 31));
    placed.push(writeGrid(ws, t, d, 1).placed);
  });
  const r = { wb, tables: placed };
  if (l.narrative) fillNarrative(wb.addWorksheet(l.narrative.sheet), r, d, l.narrative);
  if (l.selfEvaluations)
    placed.push(
      ...writeSelfEvaluations(wb, d, l.selfEvaluations, (i) =>
        l.selfEvaluations!.perSheet ? `绩效自评表${i + 1}` : '项目支出绩效自评表',
      ),
    );
  // The 目录 lists what the workbook holds, the self-evaluations once under their common title.
  if (toc && l.contents) fillContents(toc, r, d, l.contents, l.yearInTitle);
  return r;
}

const LAYOUTS: Record<string, FinalLayout> = {
  template: {
    codes: 'split-full',
    lineNumbers: true,
    qualifiers: true,
    basicBlocks: 3,
    threePublic: 'grouped',
    classList: 'all',
    totalRow: 'first',
    sheetNames: 'number',
    yearInTitle: false,
    zeros: true,
    narrative: { unit: '万元', sheet: '编制说明' },
    selfEvaluations: { completion: true, grade: false, ratios: 'number', perSheet: true },
  },
  'single-code': {
    codes: 'single',
    lineNumbers: true,
    qualifiers: false,
    basicBlocks: 2,
    threePublic: 'paired',
    classList: 'present',
    totalRow: 'first',
    sheetNames: 'title',
    yearInTitle: true,
    contents: { numbering: 'chinese', leader: true },
  },
  'sparse-split': {
    codes: 'split-sparse',
    lineNumbers: false,
    qualifiers: true,
    basicBlocks: 2,
    threePublic: 'grouped',
    classList: 'all',
    totalRow: 'last',
    sheetNames: 'number',
    yearInTitle: true,
    narrative: { unit: '元', sheet: '情况说明' },
    selfEvaluations: { completion: false, grade: true, ratios: 'text', perSheet: false },
  },
  plain: {
    codes: 'single',
    lineNumbers: false,
    qualifiers: false,
    basicBlocks: 3,
    threePublic: 'paired',
    classList: 'present',
    totalRow: 'last',
    sheetNames: 'title',
    yearInTitle: false,
    zeros: true,
    contents: { numbering: 'arabic', leader: false },
    selfEvaluations: { completion: true, grade: true, ratios: 'text', perSheet: true },
  },
};

const variant = (id: string, layout: FinalLayout): LayoutVariant => ({
  id,
  features: finalFeatures(layout),
  render: (d) => renderFinalNational(d, layout),
});

export const FINAL_NATIONAL_FAMILY: LayoutFamily = {
  id: 'final-national',
  description:
    '部门决算公开 公开01–09 (national template): two-sided 总表, 行次/栏次, split codes, side-by-side blocks',
  varies: [
    'unit',
    'decimals',
    'funds present (empty fund tables with their statement)',
    'carry-over and 使用非财政拨款结余',
    'size',
    '部门/单位',
    'code columns (single, 类/款/项 full or sparse)',
    '行次/栏次',
    'label head qualifiers',
    '基本支出 blocks (2 or 3)',
    '三公 预算数/决算数 grouped or paired',
    'class list of the two-sided tables',
    '合计 first or last',
    'sheet names',
    'year in titles',
    '绩效自评表 (完成比例, 评价等级, ratio form, sheets)',
  ],
  model: () => ({ kind: 'final' }),
  variants: Object.entries(LAYOUTS).map(([id, layout]) => variant(id, layout)),
  slips: [
    ...DEFAULT_SLIP_IDS,
    ...EMPTY_TABLE_SLIP_IDS,
    'contents-entry',
    'narrative-figure',
    ...SELF_EVALUATION_SLIP_IDS,
  ],
};
