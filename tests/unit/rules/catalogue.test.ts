import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogueMarkdown, ruleMetadataJson } from '../../../src/core/rules/catalogue';
import { RULE_METADATA, ruleMeta } from '../../../src/core/rules/metadata';
import { ALL_RULES } from '../../../src/core/rules/registry';

/**
 * Null when the checked-in file is what `npm run docs:rules` writes; else what to run, and the first line that differs
 * (a rebase over a changed rule message is fixed by running the command, not by reading a diff of the whole file).
 */
function staleness(file: string, generated: string, written = readFileSync(join(__dirname, '../../..', file), 'utf8')) {
  if (written === generated) return null;
  const [a, b] = [written.split('\n'), generated.split('\n')];
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i < 0 ? b.length - 1 : i;
  return (
    `${file} is out of date: run \`npm run docs:rules\` and commit what it writes. ` +
    `First difference, line ${at + 1}: ${a[at]?.trim() ?? '(end of file)'} → ${b[at]?.trim() ?? '(end of file)'}`
  );
}

describe('rule catalogue', () => {
  it('docs/rules.md is generated from the current rule metadata (npm run docs:rules)', () => {
    expect(staleness('docs/rules.md', ruleCatalogueMarkdown())).toBeNull();
  });

  it('src/core/rules/metadata.json is generated from the registry (npm run docs:rules)', () => {
    expect(staleness('src/core/rules/metadata.json', ruleMetadataJson())).toBeNull();
  });

  it('a stale file is named with the command that regenerates it and the first line that differs', () => {
    const generated = ruleMetadataJson().replace('"sum.total"', '"sum.totalX"');
    const message = staleness('src/core/rules/metadata.json', generated, ruleMetadataJson()) ?? '';
    expect(message).toContain('src/core/rules/metadata.json is out of date: run `npm run docs:rules`');
    const line = generated.split('\n').findIndex((l) => l.includes('sum.totalX')) + 1;
    expect(message).toContain(`line ${line}: "id": "sum.total", → "id": "sum.totalX",`);
  });

  it('the metadata the pane reads is every registered rule’s, in the registry’s order', () => {
    // RULE_METADATA is metadata.json, whose every byte the test above holds to the registry (and names the command
    // when it is stale); here only that the pane reads it whole and in order, so a stale file fails once, clearly.
    expect(RULE_METADATA.map((m) => m.id)).toEqual(ALL_RULES.map((r) => r.meta.id));
    expect(ruleMeta('sum.total')).toBe(RULE_METADATA.find((m) => m.id === 'sum.total'));
    expect(ruleMeta('no.such_rule')).toBeUndefined();
  });

  it('has unique ids in the report format’s families', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(
        /^(sum|balance|cross_table|cross_classification|code|performance|format|disclosure|structure)\.[a-z_]+$/,
      );
  });
});
