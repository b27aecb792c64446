import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogueMarkdown, ruleMetadataJson } from '../../../src/core/rules/catalogue';
import { RULE_METADATA, ruleMeta } from '../../../src/core/rules/metadata';
import { ALL_RULES } from '../../../src/core/rules/registry';

describe('rule catalogue', () => {
  it('docs/rules.md is generated from the current rule metadata (run npm run docs:rules)', () => {
    expect(readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8')).toBe(ruleCatalogueMarkdown());
  });

  it('src/core/rules/metadata.json is generated from the registry (run npm run docs:rules)', () => {
    expect(readFileSync(join(__dirname, '../../../src/core/rules/metadata.json'), 'utf8')).toBe(ruleMetadataJson());
  });

  it('the metadata the pane reads is every registered rule’s, in the registry’s order', () => {
    expect(RULE_METADATA).toEqual(ALL_RULES.map((r) => r.meta));
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
