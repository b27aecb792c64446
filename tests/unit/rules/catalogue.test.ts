import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogueMarkdown } from '../../../src/core/rules/catalogue';
import { ALL_RULES } from '../../../src/core/rules/registry';

describe('rule catalogue', () => {
  it('docs/rules.md is generated from the current rule metadata (run npm run docs:rules)', () => {
    expect(readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8')).toBe(ruleCatalogueMarkdown());
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
