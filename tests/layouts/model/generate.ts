import { partition, type Units } from './amount';
import { economicItems, functionItems, type CatalogLine } from './catalog';
import {
  FISCAL_FUNDS,
  FUNDS,
  SOURCES,
  addLines,
  zeroByFund,
  zeroBySource,
  type AmountUnit,
  type ConsolidatedTable,
  type Consolidation,
  type Disclosure,
  type EconomicLine,
  type Fund,
  type FunctionLine,
  type Kind,
  type LineAmounts,
  type Project,
  type TargetForm,
  type ThreePublic,
} from './disclosure';
import { Rng } from './prng';

/** What a seed may be asked to produce; anything left out is drawn from the seed. */
export interface ModelOptions {
  readonly kind?: Kind;
  readonly unit?: AmountUnit;
  readonly decimals?: 0 | 2 | 4;
  readonly year?: number;
  /** Number of 项 lines (the model then has about 1.6× as many function lines). */
  readonly items?: number;
  readonly funds?: Partial<Record<Fund, boolean>>;
  readonly carryOver?: boolean;
  readonly isUnit?: boolean;
  /**
   * A 部门 consolidating 2–4 单位 (its tables list them; see Consolidation): the money of each 项 is drawn per unit
   * that has the line and the department's line is their sum. Budgets of a 部门 only; absent: one body.
   */
  readonly consolidated?: boolean;
}

/** Whether a family that draws consolidated units gives this seed some (about a third of the seeds). */
export const consolidatedFor = (seed: number): boolean => new Rng(seed).fork('consolidated').chance(0.35);

export const DEPARTMENTS = [
  '医疗保障局',
  '人民政府办公室',
  '教育局',
  '卫生健康委员会',
  '民政局',
  '住房和城乡建设局',
  '财政局',
];
const PLACES = ['泉州市', '灵寿县', '上海市普陀区', '绍兴市', '长沙县', '江北区', '临海市'];
/** Names of a department's units after its own (机关 first): 泉州市医疗保障局机关, 泉州市医疗保障局信息中心 …. */
const UNIT_NAMES = ['信息中心', '服务中心', '事务中心', '管理站', '保障中心', '综合执法大队', '研究所', '培训中心'];
const PROJECT_WORDS = ['专项业务经费', '信息化建设', '购买服务', '补助资金', '运行维护', '工作经费'];

/** 项 lines a fund may pay for: 政府性基金 pays 229/212 lines, 国有资本经营 pays 223 lines, the general budget the rest. */
function fundOf(code: string): Fund {
  if (code.startsWith('223')) return 'state';
  if (code.startsWith('229') || code.startsWith('212')) return 'gov';
  return 'general';
}

/** Lines whose basic spending must equal an economic line (cross_classification pairs): keep them consistent. */
const PAIRED: Record<string, string> = { '2080505': '30108', '2080506': '30109', '2210201': '30113' };
const MEDICAL: Record<string, string> = { '2101101': '30110', '2101102': '30110', '2101103': '30111' };
/** Economic lines the 三公 items cover. */
const THREE_PUBLIC_LINES = { abroad: '30212', reception: '30217', vehiclePurchase: '31013', vehicleRunning: '30231' };

/** Money of the size a department spends on one line, in units of the displayed precision. */
function magnitude(rng: Rng, unit: AmountUnit, decimals: number): Units {
  const yuan = Math.pow(10, 3 + rng.next() * 4.5);
  const inUnit = unit === '元' ? yuan : yuan / 10000;
  return Math.max(1, Math.round(inUnit * Math.pow(10, decimals)));
}

function emptyLine(): {
  basic: Record<Fund, Units>;
  project: Record<Fund, Units>;
  income: Record<Fund, Units>;
  sources: Record<(typeof SOURCES)[number], Units>;
  carryIn: Record<Fund, Units>;
  carryOut: Record<Fund, Units>;
} {
  return {
    basic: zeroByFund(),
    project: zeroByFund(),
    income: zeroByFund(),
    sources: zeroBySource(),
    carryIn: zeroByFund(),
    carryOut: zeroByFund(),
  };
}

export function generateDisclosure(seed: number, options: ModelOptions = {}): Disclosure {
  const rng = new Rng(seed);
  const kind = options.kind ?? rng.pick<Kind>(['budget', 'final']);
  const unit = options.unit ?? rng.pick<AmountUnit>(['元', '万元', '万元']);
  const decimals = options.decimals ?? rng.pick<0 | 2 | 4>([2, 2, 2, 0, 4]);
  const year = options.year ?? rng.int(2021, 2025);
  const isUnit = options.isUnit ?? rng.chance(0.2);
  const funds: Record<Fund, boolean> = {
    general: options.funds?.general ?? true,
    gov: options.funds?.gov ?? rng.chance(0.35),
    state: options.funds?.state ?? rng.chance(0.15),
    other: options.funds?.other ?? rng.chance(0.4),
  };
  const hasCarryOver = options.carryOver ?? rng.chance(0.5);
  const department = `${rng.pick(PLACES)}${rng.pick(DEPARTMENTS)}`;

  // 项 lines: some of each present fiscal fund, the rest general.
  const items = functionItems(year).filter((i) => funds[fundOf(i.item.code)]);
  const wanted = Math.max(1, Math.min(items.length, options.items ?? pickSize(rng)));
  const byFund = (f: Fund) => items.filter((i) => fundOf(i.item.code) === f);
  const chosen = new Set<string>();
  for (const f of FISCAL_FUNDS) if (funds[f] && byFund(f).length > 0) chosen.add(rng.pick(byFund(f)).item.code);
  for (const i of rng.shuffle(items)) {
    if (chosen.size >= wanted) break;
    chosen.add(i.item.code);
  }
  const picked = items.filter((i) => chosen.has(i.item.code)).sort((a, b) => a.item.code.localeCompare(b.item.code));

  const amountsRng = rng.fork('amounts');
  const leafAmounts = new Map<string, LineAmounts>();
  // A consolidated department: each 项 belongs to one or two of its units, each unit's money drawn on its own.
  const unitsRng = rng.fork('units');
  const consolidate = kind === 'budget' && !isUnit && !!options.consolidated && picked.length >= 2;
  const unitCount = consolidate ? unitsRng.int(2, Math.min(4, picked.length)) : 0;
  const owners = new Map<string, number[]>();
  const unitLeaves = Array.from({ length: unitCount }, () => new Map<string, LineAmounts>());
  picked.forEach(({ item }, j) => {
    if (!unitCount) {
      leafAmounts.set(item.code, leafLine(amountsRng, item, kind, unit, decimals, funds, hasCarryOver));
      return;
    }
    const first = j < unitCount ? j : unitsRng.int(0, unitCount - 1);
    const second = unitsRng.chance(0.35) ? unitsRng.int(0, unitCount - 1) : first;
    const own = [...new Set([first, second])].sort();
    owners.set(item.code, own);
    for (const u of own)
      unitLeaves[u]!.set(item.code, leafLine(amountsRng, item, kind, unit, decimals, funds, hasCarryOver));
    leafAmounts.set(item.code, addLines(own.map((u) => unitLeaves[u]!.get(item.code)!)));
  });

  const economics = economicLinesFor(
    rng.fork('economic'),
    year,
    picked.map((p) => p.item),
    leafAmounts,
  );
  const functions = assembleTree(picked, leafAmounts);
  const threePublic = threePublicFor(rng.fork('three'), economics, unit, decimals);
  const threePublicBudget = threePublicFor(rng.fork('three-budget'), economics, unit, decimals);
  const projects = projectsFor(rng.fork('projects'), functions);
  // Forked generators: the draws below leave every earlier number of a seed as it was.
  const running = rng.fork('running-costs');
  const publicCosts = economics.filter((e) => e.level === 1 && !e.personnel).reduce((a, e) => a + e.amount, 0);
  // Often the whole 公用经费 (an office with no 事业单位), else a share of it.
  const runningCosts = running.chance(0.3) ? publicCosts : Math.floor(publicCosts * (0.3 + 0.7 * running.next()));
  const statesRunningCosts = publicCosts > 0 && running.chance(0.6);
  const targetForms = targetFormsFor(rng.fork('target-forms'), projects);
  // 使用非财政拨款结余 is drawn from the non-fiscal balance carried in: the 收入支出决算总表 shows it beside 年初结转和结余
  // (which then shows the rest), so both sides of that table still balance exactly.
  const carriedInOther = functions.filter((l) => l.level === 1).reduce((a, l) => a + l.amounts.carryIn.other, 0);
  const useOfNonFiscalBalance =
    kind === 'final' && carriedInOther > 0 && rng.chance(0.5) ? Math.floor(rng.next() * (carriedInOther + 1)) : 0;
  const unitNames = unitsRng.sample(UNIT_NAMES, Math.max(0, unitCount - 1));
  const consolidation: Consolidation | undefined = unitCount
    ? {
        units: unitLeaves.map((own, u) => ({
          name: `${department}${u === 0 ? '机关' : unitNames[u - 1]!}`,
          functions: assembleTree(
            picked.filter((p) => own.has(p.item.code)),
            own,
          ),
        })),
        style: unitsRng.pick(['unit-rows', 'unit-headings'] as const),
        departmentRow: unitsRng.chance(0.6),
        tables: consolidatedTables(unitsRng),
      }
    : undefined;
  return {
    seed,
    kind,
    year,
    department,
    isUnit,
    unit,
    decimals,
    funds,
    hasCarryOver,
    functions,
    economics,
    threePublic,
    threePublicBudget,
    runningCosts,
    statesRunningCosts,
    projects,
    targetForms,
    useOfNonFiscalBalance,
    ...(consolidation ? { consolidation } : {}),
  };
}

/** The tables a consolidated department draws per unit: at least one, the 支出总表 most often. */
function consolidatedTables(rng: Rng): ConsolidatedTable[] {
  const out: ConsolidatedTable[] = [];
  if (rng.chance(0.5)) out.push('income_summary');
  if (rng.chance(0.8) || out.length === 0) out.push('expenditure_summary');
  if (rng.chance(0.4)) out.push('general_budget_expenditure');
  return out;
}

/** Sizes from a handful of lines to everything the catalog holds, small ones more often. */
function pickSize(rng: Rng): number {
  const r = rng.next();
  if (r < 0.45) return rng.int(2, 8);
  if (r < 0.85) return rng.int(9, 30);
  return rng.int(31, 200);
}

function leafLine(
  rng: Rng,
  item: CatalogLine,
  kind: Kind,
  unit: AmountUnit,
  decimals: number,
  funds: Record<Fund, boolean>,
  hasCarryOver: boolean,
): LineAmounts {
  const line = emptyLine();
  const fund = fundOf(item.code);
  const mostlyBasic = /运行|缴费|医疗|公积金|离退休|补贴/.test(item.name);
  const m = magnitude(rng, unit, decimals);
  if (fund === 'general' && (mostlyBasic || rng.chance(0.4))) line.basic.general = m;
  if (!line.basic.general || rng.chance(0.3)) line.project[fund] = magnitude(rng, unit, decimals);
  if (funds.other && rng.chance(0.4)) {
    if (fund === 'general' && rng.chance(0.5)) line.basic.other = magnitude(rng, unit, decimals);
    else line.project.other = magnitude(rng, unit, decimals);
  }
  const carries = kind === 'final' && hasCarryOver;
  for (const f of FUNDS) {
    const spent = line.basic[f] + line.project[f];
    if (kind === 'final') {
      const cIn = carries && spent > 0 && rng.chance(0.4) ? Math.floor(rng.next() * spent) : 0;
      const cOut = carries && spent > 0 && rng.chance(0.4) ? Math.floor(rng.next() * spent) : 0;
      line.carryIn[f] = cIn;
      line.carryOut[f] = cOut;
      line.income[f] = spent + cOut - cIn; // ≥ 0: cIn < spent
    } else if (f === 'other' && hasCarryOver && spent > 0 && rng.chance(0.5)) {
      line.carryIn.other = Math.floor(rng.next() * spent);
      line.income.other = spent - line.carryIn.other;
    } else {
      line.income[f] = spent;
    }
  }
  // Non-fiscal income split over the sources a disclosure of this kind lists.
  const sources = SOURCES.filter((s) => kind === 'budget' || s !== 'zhuanhu');
  const used = rng.sample(sources, rng.int(1, 2));
  partition(line.income.other, used.length, () => rng.next()).forEach((v, i) => (line.sources[used[i]!] = v));
  return line;
}

function assembleTree(
  picked: readonly { item: CatalogLine; section: CatalogLine; cls: CatalogLine }[],
  leafAmounts: ReadonlyMap<string, LineAmounts>,
): FunctionLine[] {
  const out: FunctionLine[] = [];
  const classCodes = [...new Set(picked.map((p) => p.cls.code))];
  for (const cc of classCodes) {
    const inClass = picked.filter((p) => p.cls.code === cc);
    const clsAmounts = addLines(inClass.map((p) => leafAmounts.get(p.item.code)!));
    out.push({ code: cc, name: inClass[0]!.cls.name, level: 1, amounts: clsAmounts });
    for (const sc of [...new Set(inClass.map((p) => p.section.code))]) {
      const inSection = inClass.filter((p) => p.section.code === sc);
      out.push({
        code: sc,
        name: inSection[0]!.section.name,
        level: 2,
        amounts: addLines(inSection.map((p) => leafAmounts.get(p.item.code)!)),
      });
      for (const p of inSection)
        out.push({ code: p.item.code, name: p.item.name, level: 3, amounts: leafAmounts.get(p.item.code)! });
    }
  }
  return out;
}

/**
 * The general-budget basic spending by economic line: its total is the function lines' general basic total; the
 * paired lines (30108 ↔ 2080505 …) take exactly their function lines' amounts; the rest is split at random.
 */
function economicLinesFor(
  rng: Rng,
  year: number,
  items: readonly CatalogLine[],
  leafAmounts: ReadonlyMap<string, LineAmounts>,
): EconomicLine[] {
  const catalog = economicItems(year).filter((e) => ['301', '302', '303', '310'].includes(e.cls.code));
  const basicOf = (code: string) => (items.some((i) => i.code === code) ? leafAmounts.get(code)!.basic.general : 0);
  const total = items.reduce((a, i) => a + leafAmounts.get(i.code)!.basic.general, 0);
  const fixed = new Map<string, Units>();
  for (const [fn, econ] of [...Object.entries(PAIRED), ...Object.entries(MEDICAL)]) {
    const v = basicOf(fn);
    if (v > 0) fixed.set(econ, (fixed.get(econ) ?? 0) + v);
  }
  const rest = total - [...fixed.values()].reduce((a, b) => a + b, 0);
  const pairedCodes = new Set([...Object.values(PAIRED), ...Object.values(MEDICAL)]);
  const free = catalog.filter((e) => !pairedCodes.has(e.item.code));
  const count = rest > 0 ? Math.min(free.length, rng.int(2, Math.max(2, Math.min(40, Math.ceil(rest / 50) + 2)))) : 0;
  const chosen = rng.sample(free, count);
  // Make sure both 人员经费 and 公用经费 appear when there is money to split.
  if (count >= 2 && !chosen.some((c) => c.cls.code === '302'))
    chosen[0] = rng.pick(free.filter((f) => f.cls.code === '302'));
  if (count >= 2 && !chosen.some((c) => c.cls.code === '301'))
    chosen[chosen.length - 1] = rng.pick(free.filter((f) => f.cls.code === '301'));
  const unique = [...new Map(chosen.map((c) => [c.item.code, c])).values()];
  const parts = partition(rest, unique.length, () => rng.next());
  // Avoid zero parts where the split allows: a listed line with nothing is legal but rarely printed.
  const amounts = new Map<string, Units>(fixed);
  unique.forEach((c, i) => amounts.set(c.item.code, (amounts.get(c.item.code) ?? 0) + (parts[i] ?? 0)));
  const lines = economicItems(year).filter((e) => amounts.has(e.item.code));
  const out: EconomicLine[] = [];
  for (const cls of [...new Set(lines.map((l) => l.cls.code))].sort()) {
    const members = lines.filter((l) => l.cls.code === cls).sort((a, b) => a.item.code.localeCompare(b.item.code));
    const personnel = cls === '301' || cls === '303';
    const sum = members.reduce((a, m) => a + amounts.get(m.item.code)!, 0);
    out.push({ code: cls, name: members[0]!.cls.name, level: 1, personnel, amount: sum });
    for (const m of members)
      out.push({ code: m.item.code, name: m.item.name, level: 2, personnel, amount: amounts.get(m.item.code)! });
  }
  return out;
}

/** 三公 items cover basic and project spending: each is at least its economic line. */
function threePublicFor(rng: Rng, economics: readonly EconomicLine[], unit: AmountUnit, decimals: number): ThreePublic {
  const of = (code: string) => economics.find((e) => e.code === code)?.amount ?? 0;
  const extra = () => (rng.chance(0.5) ? Math.floor(magnitude(rng, unit, decimals) / 10) : 0);
  return {
    abroad: of(THREE_PUBLIC_LINES.abroad) + (rng.chance(0.3) ? extra() : 0),
    reception: of(THREE_PUBLIC_LINES.reception) + extra(),
    vehiclePurchase: of(THREE_PUBLIC_LINES.vehiclePurchase) + (rng.chance(0.3) ? extra() : 0),
    vehicleRunning: of(THREE_PUBLIC_LINES.vehicleRunning) + extra(),
  };
}

/** Projects: each 项 line with project spending becomes one or two projects that share it exactly. */
function projectsFor(rng: Rng, functions: readonly FunctionLine[]): Project[] {
  const out: Project[] = [];
  for (const l of functions) {
    if (l.level !== 3) continue;
    const fiscal = FISCAL_FUNDS.reduce((a, f) => a + l.amounts.project[f], 0);
    const other = l.amounts.project.other;
    if (fiscal + other === 0) continue;
    const n = rng.chance(0.3) ? 2 : 1;
    const fiscalParts = partition(fiscal, n, () => rng.next());
    const otherParts = partition(other, n, () => rng.next());
    for (let i = 0; i < n; i++) {
      out.push({
        name: `${l.name}${rng.pick(PROJECT_WORDS)}${n > 1 ? `（${i + 1}）` : ''}`,
        code: l.code,
        fiscal: fiscalParts[i] ?? 0,
        other: otherParts[i] ?? 0,
      });
    }
  }
  return out;
}

/** 绩效目标表 for none (40% of seeds), some or every project (at most eight: a disclosure prints its main ones). */
function targetFormsFor(rng: Rng, projects: readonly Project[]): TargetForm[] {
  if (projects.length === 0 || rng.chance(0.4)) return [];
  const count = rng.chance(0.4) ? Math.min(8, projects.length) : rng.int(1, Math.min(8, projects.length));
  const chosen = rng.sample(
    projects.map((_, i) => i),
    count,
  );
  return chosen.map((i) => {
    const funds = projects[i]!.fiscal + projects[i]!.other;
    return { project: i, funds, midTerm: rng.chance(0.5) ? funds : funds * rng.int(2, 3) };
  });
}
