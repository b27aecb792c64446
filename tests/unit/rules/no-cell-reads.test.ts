import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Rules read the document model (src/core/model), never a cell: no rule file imports the snapshot, the grid helpers,
 * recognition's internals, the cell parser or the model's own internals. ESLint says the same (eslint.config.mjs,
 * no-restricted-imports for src/core/rules); this test keeps it true whatever the lint configuration becomes.
 */
const ROOT = join(__dirname, '../../..');
const CORE = join(ROOT, 'src/core');
const RULES_DIR = join(CORE, 'rules');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  readonly file: string;
  /** The imported module, relative to src/core, without extension ("snapshot/types", "model"). */
  readonly target: string;
  readonly names: readonly string[];
  readonly typeOnly: boolean;
}

/** Every import and re-export of a source file, with its names and whether it imports types only. */
function importsOf(file: string, source: string): Import[] {
  const out: Import[] = [];
  const statement = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(statement)) {
    const spec = m[3] as string;
    if (!spec.startsWith('.')) continue;
    const clause = m[2] as string;
    const names = [...clause.replace(/[{}]/g, ' ').matchAll(/(?:^|,|\s)(type\s+)?([\w$]+)(?:\s+as\s+[\w$]+)?/g)]
      .filter((n) => n[2] !== 'type')
      .map((n) => ({ name: n[2] as string, type: Boolean(n[1]) }));
    const typeOnly = Boolean(m[1]) || (names.length > 0 && names.every((n) => n.type) && clause.includes('{'));
    out.push({
      file: relative(ROOT, file),
      target: relative(CORE, resolve(dirname(file), spec)).replace(/\\/g, '/'),
      names: names.filter((n) => !n.type).map((n) => n.name),
      typeOnly,
    });
  }
  return out;
}

/** Modules a rule may not import values from: where cells are (snapshot, grid), are read (recognition), or parsed. */
const FORBIDDEN: readonly { test: (target: string) => boolean; types: boolean; why: string }[] = [
  { test: (t) => t.startsWith('snapshot/'), types: true, why: 'the snapshot (cells)' },
  {
    test: (t) =>
      t.startsWith('recognition/') &&
      !['recognition/table-type', 'recognition/table-type-registry', 'recognition/vocabulary'].includes(t),
    types: false,
    why: 'recognition internals (cell typing, layout)',
  },
  { test: (t) => t === 'text/amount', types: false, why: 'the cell parser' },
  {
    test: (t) => t.startsWith('model/'),
    types: true,
    why: 'the model’s internals (import the model through src/core/model)',
  },
];
const FORBIDDEN_NAMES: Readonly<Record<string, readonly string[]>> = {
  'performance/find-forms': ['formsOf', 'findPerformanceForms', 'isDepartmentForm'],
};

function violations(imports: readonly Import[]): string[] {
  const out: string[] = [];
  for (const i of imports) {
    for (const f of FORBIDDEN)
      if (f.test(i.target) && (f.types || !i.typeOnly)) out.push(`${i.file} imports ${i.target}: ${f.why}`);
    for (const n of FORBIDDEN_NAMES[i.target] ?? [])
      if (i.names.includes(n)) out.push(`${i.file} imports ${n} from ${i.target}: forms come from the model`);
  }
  return out;
}

describe('no rule reads a cell', () => {
  const imports = filesUnder(RULES_DIR).flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

  it('finds the rules’ imports (the scan is not empty)', () => {
    expect(imports.some((i) => i.target === 'model')).toBe(true);
  });

  it('no rule file imports the snapshot, grid helpers, recognition internals, the cell parser or model internals', () => {
    expect(violations(imports)).toEqual([]);
  });

  it('the rule context carries the model, not the snapshot', () => {
    const types = readFileSync(join(RULES_DIR, 'types.ts'), 'utf8');
    const context = /export interface RuleContext \{([\s\S]*?)\n\}/.exec(types)?.[1] ?? '';
    expect(context).toMatch(/readonly model: DocumentModel;/);
    expect(context).not.toMatch(/snapshot|SheetSnapshot|WorkbookSnapshot/);
  });

  it('catches a violating import (the check is not vacuous)', () => {
    const bad = importsOf(
      join(RULES_DIR, 'sum/example.ts'),
      "import type { RecognisedTable } from '../../recognition/model';\n" +
        "import { cellAddress } from '../../snapshot/address';\nimport { readCell } from '../../model/amounts';\n" +
        "import { cachedTextFacts } from '../../recognition/cell-typing';\nimport { formsOf } from '../../performance/find-forms';\n",
    );
    expect(violations(bad)).toEqual([
      'src/core/rules/sum/example.ts imports snapshot/address: the snapshot (cells)',
      'src/core/rules/sum/example.ts imports model/amounts: the model’s internals (import the model through src/core/model)',
      'src/core/rules/sum/example.ts imports recognition/cell-typing: recognition internals (cell typing, layout)',
      'src/core/rules/sum/example.ts imports formsOf from performance/find-forms: forms come from the model',
    ]);
  });
});
