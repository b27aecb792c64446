import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reviewWorkbook } from '../../../src/core/review';
import { ALL_RULES } from '../../../src/core/rules/registry';
import type { Rule, RuleContext } from '../../../src/core/rules/types';
import { budgetSet } from '../../helpers/disclosure';
import { workbook } from '../../helpers/grid';

const ROOT = join(__dirname, '../../..');
const RULES_DIR = join(ROOT, 'src/core/rules');
const CORE_DIR = join(ROOT, 'src/core');

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** The file of a rule, relative to src/core/rules: `family.some_name` → `family/some-name.ts` (ESLint's lib/rules/<id>.js). */
const ruleFile = (id: string): string => {
  const [family, name] = id.split('.') as [string, string];
  return join(family, `${name.replace(/_/g, '-')}.ts`);
};

const isRule = (x: unknown): x is Rule =>
  typeof x === 'object' && x !== null && 'meta' in x && 'check' in x && typeof (x as Rule).check === 'function';

/** The message ids a source file names as literals after `messageId:` (`'x'`, `c ? 'x' : 'y'`, `'x' as const`). */
function literalIds(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/messageId: ([^,\n]+(?:\n\s+[?:][^,\n]+)*)/g))
    for (const q of (m[1] as string).matchAll(/'([A-Za-z0-9]+)'/g)) out.push(q[1] as string);
  return out;
}

/** Regex literals and RegExp sources in the code that hold Chinese: wording belongs in src/data vocabularies. */
function chinesePatterns(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  // Strings first (a message's "类/款/项" is no pattern), then what is left that reads /…/.
  const bare = code.replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
  const literals = bare.match(/(?<![\w)\]])\/(?![*/])(?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n\\[])+\/[dgimsuy]*/g) ?? [];
  const built = code.match(/new RegExp\(\s*(['`"])(?:\\.|(?!\1).)*\1/g) ?? [];
  return [...literals, ...built].filter((p) => /[\u4e00-\u9fff]/.test(p));
}

describe('the rule engine’s metadata is enforced', () => {
  const modules = filesUnder(RULES_DIR, /\.ts$/).map((path) => ({
    path,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports: require(path) as Record<string, unknown>,
  }));
  const exported = modules.flatMap((m) =>
    Object.values(m.exports).flatMap((v) => (isRule(v) ? [v] : Array.isArray(v) ? v.filter(isRule) : [])),
  );

  it('every rule defined in src/core/rules is registered', () => {
    // The scan finds every registered rule, so a rule it does not find registered is one missing from ALL_RULES.
    expect(ALL_RULES.filter((r) => !exported.includes(r)).map((r) => r.meta.id)).toEqual([]);
    const registered = new Set(ALL_RULES);
    expect([...new Set(exported)].filter((r) => !registered.has(r)).map((r) => r.meta.id)).toEqual([]);
  });

  it('one file per rule id, named after it: family.some_name lives in src/core/rules/family/some-name.ts', () => {
    const rulesOf = (m: (typeof modules)[number]) => [...new Set(Object.values(m.exports).filter(isRule))];
    // Every registered rule is the one rule its id's file exports.
    const misplaced = ALL_RULES.flatMap((r) => {
      const m = modules.find((x) => x.path === join(RULES_DIR, ruleFile(r.meta.id)));
      return m && rulesOf(m).length === 1 && rulesOf(m)[0] === r ? [] : [`${r.meta.id} → ${ruleFile(r.meta.id)}`];
    });
    expect(misplaced).toEqual([]);
    // Every other module exports no rule (and no list of rules): a helper of its folder, the engine, the registry.
    const files = new Set(ALL_RULES.map((r) => join(RULES_DIR, ruleFile(r.meta.id))));
    const strays = modules
      .filter((m) => !files.has(m.path) && m.path !== join(RULES_DIR, 'registry.ts'))
      .filter((m) => Object.values(m.exports).some((v) => isRule(v) || (Array.isArray(v) && v.some(isRule))))
      .map((m) => relative(ROOT, m.path));
    expect(strays).toEqual([]);
    // Every folder is a rule family, and every rule file in it is registered.
    const families = new Set(ALL_RULES.map((r) => r.meta.id.split('.')[0]));
    const folders = readdirSync(RULES_DIR).filter((n) => statSync(join(RULES_DIR, n)).isDirectory());
    expect(folders.filter((f) => !families.has(f))).toEqual([]);
  });

  it('the file of a rule id is derived from it', () => {
    expect(ruleFile('sum.of_which')).toBe(join('sum', 'of-which.ts'));
    expect(ruleFile('cross_table.three_public')).toBe(join('cross_table', 'three-public.ts'));
  });

  it('every registered rule is tested (a test names its id or imports its file) and documented', () => {
    const tests = filesUnder(join(ROOT, 'tests'), /\.test\.tsx?$/)
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    const docs = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    const untested = ALL_RULES.filter((r) => {
      const module = `src/core/rules/${ruleFile(r.meta.id).replace(/\\/g, '/').replace(/\.ts$/, '')}'`;
      return !new RegExp(`['"\`]${r.meta.id.replace('.', '\\.')}['"\`]`).test(tests) && !tests.includes(module);
    });
    expect(untested.map((r) => r.meta.id)).toEqual([]);
    expect(ALL_RULES.filter((r) => !docs.includes(`## ${r.meta.id}\n`)).map((r) => r.meta.id)).toEqual([]);
  });

  it('no Chinese pattern anywhere in the engine (src/core): wording lives in src/data (it lists any that appear)', () => {
    const found = filesUnder(CORE_DIR, /\.ts$/).flatMap((path) =>
      chinesePatterns(readFileSync(path, 'utf8')).map((p) => `${relative(ROOT, path)}: ${p}`),
    );
    expect(found).toEqual([]);
  });

  it('the pattern scan finds Chinese regex literals and RegExp sources (it is not vacuous)', () => {
    const sample = [
      'const a = /合计$/;',
      "const b = new RegExp('^其中');",
      "const c = '不是/模式/';",
      '// 注释 /合计/',
      'const d = /\\d+/;',
    ].join('\n');
    expect(chinesePatterns(sample)).toEqual(['/合计$/', "new RegExp('^其中'"]);
  });
});

/**
 * Messages carry ids: every rule declares its messages (`meta.messages`, id → what it says in both UI languages), every
 * finding names one of them (`messageId`), and the engine refuses an id the rule does not declare.
 */
const snapshot = workbook(...budgetSet());

function probe(messageId: string): Rule {
  return {
    meta: {
      id: 'test.probe',
      defaultSeverity: 'warning',
      title: { zh: '测试', en: 'test' },
      description: { zh: '测试', en: 'test' },
      formula: '',
      example: '',
      appliesTo: 'all',
      messages: { declared: { zh: '已声明的消息', en: 'A declared message' } },
    },
    check(ctx: RuleContext) {
      ctx.report({ sheet: ctx.workbook.tables[0]?.sheet ?? '', cells: ['A1'], messageId, message: '中文消息原样保留' });
    },
  };
}

describe('messages carry ids', () => {
  it('a finding carries its messageId next to its rule, and its Chinese message unchanged', () => {
    const [finding] = reviewWorkbook(snapshot, { ruleSet: [probe('declared')] }).report.findings;
    expect(finding).toMatchObject({ rule: 'test.probe', messageId: 'declared', message: '中文消息原样保留' });
    expect(Object.keys(finding ?? {}).slice(0, 2)).toEqual(['rule', 'messageId']);
  });

  it('the engine refuses a messageId its rule does not declare', () => {
    expect(() => reviewWorkbook(snapshot, { ruleSet: [probe('undeclared')] })).toThrow(
      /test\.probe reported messageId "undeclared"/,
    );
  });

  it('every rule declares its messages, each named in Chinese and English', () => {
    const bad = ALL_RULES.filter(
      (r) => Object.keys(r.meta.messages).length === 0 || Object.values(r.meta.messages).some((t) => !t.zh || !t.en),
    );
    expect(bad.map((r) => r.meta.id)).toEqual([]);
  });

  it('every messageId a rule file names is declared by its rule, and every declared id is used (statically)', () => {
    // The helpers that report for several rules (sum/report-sum.ts, cross_table/quantities.ts, structure/reading.ts):
    // a rule that declares their messages may emit them.
    const helperSources = filesUnder(RULES_DIR, /\.ts$/)
      .filter((p) => !ALL_RULES.some((r) => join(RULES_DIR, ruleFile(r.meta.id)) === p))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    const problems = ALL_RULES.flatMap((r) => {
      const source = readFileSync(join(RULES_DIR, ruleFile(r.meta.id)), 'utf8');
      const declared = Object.keys(r.meta.messages);
      const undeclared = literalIds(source)
        .filter((id) => !declared.includes(id))
        .map((id) => `${r.meta.id}: messageId '${id}' not declared`);
      // Used: quoted in the rule's file or in a helper (a helper may pick the id in an expression).
      const unused = declared
        .filter((id) => !source.includes(`'${id}'`) && !helperSources.includes(`'${id}'`))
        .map((id) => `${r.meta.id}: message '${id}' never used`);
      return [...undeclared, ...unused];
    });
    expect(problems).toEqual([]);
  });

  it('the static scan reads the three ways a rule names an id (it is not vacuous)', () => {
    const sample = [
      "ctx.report({ messageId: 'a', message: '' });",
      "messageId: isError ? 'b' : 'c',",
      "return { messageId: 'd' as const };",
      'const x = { messageId: error.messageId };',
    ].join('\n');
    expect(literalIds(sample).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
