// Writes docs/rules.md and src/core/rules/metadata.json from the rule metadata: npm run docs:rules
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogueMarkdown, ruleMetadataJson } from '../src/core/rules/catalogue';

const root = join(__dirname, '..');
writeFileSync(join(root, 'docs', 'rules.md'), ruleCatalogueMarkdown());
writeFileSync(join(root, 'src', 'core', 'rules', 'metadata.json'), ruleMetadataJson());
console.log('docs/rules.md and src/core/rules/metadata.json written');
