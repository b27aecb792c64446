// Writes docs/rules.md from the rule metadata: npm run docs:rules
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogueMarkdown } from '../src/core/rules/catalogue';

writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), ruleCatalogueMarkdown());
console.log('docs/rules.md written');
