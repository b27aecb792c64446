import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reviewWorkbook } from '../../../src/core/review';
import { ALL_RULES } from '../../../src/core/rules/registry';
import type { Rule, RuleContext } from '../../../src/core/rules/types';
import { budgetSet } from '../../helpers/disclosure';
import { workbook } from '../../helpers/grid';

/**
 * Issue 10 item 6: messages carry ids. Every rule declares its messages (`meta.messages`, id → what it says in both UI
 * languages), every finding names one of them (`messageId`), and the engine refuses an id the rule does not declare.
 */
const ROOT = join(__dirname, '../../..');
const RULES_DIR = join(ROOT, 'src/core/rules');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const fileOf = (id: string): string => {
  const [family, name] = id.split('.') as [string, string];
  return join(RULES_DIR, family, `${name.replace(/_/g, '-')}.ts`);
};

/** The message ids a source file names as literals after `messageId:` (`'x'`, `c ? 'x' : 'y'`, `'x' as const`). */
function literalIds(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/messageId: ([^,\n]+(?:\n\s+[?:][^,\n]+)*)/g))
    for (const q of (m[1] as string).matchAll(/'([A-Za-z0-9]+)'/g)) out.push(q[1] as string);
  return out;
}

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
    const helperSources = filesUnder(RULES_DIR)
      .filter((p) => !ALL_RULES.some((r) => fileOf(r.meta.id) === p))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    const problems = ALL_RULES.flatMap((r) => {
      const source = readFileSync(fileOf(r.meta.id), 'utf8');
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
    expect(relative(ROOT, fileOf('sum.of_which'))).toBe(join('src', 'core', 'rules', 'sum', 'of-which.ts'));
  });
});
