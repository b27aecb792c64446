import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Outside src/core, a core module is imported through src/core/index.ts, never directly (`core/<module>`). */
const CORE_DOOR = {
  regex: '(^|/)core/(?!index$).+',
  message: 'Import the core through its door, src/core (src/core/index.ts): export what you need there.',
};
/** The command line only orchestrates: the pane, the preview, the platforms and the adapters never import it. */
const CLI_DOOR = {
  regex: '(^|/)cli(/|$)',
  message: 'Nothing outside src/cli imports it: move what both need into the core (src/core) and import it there.',
};
const EXCELJS_MESSAGE = 'ExcelJS is read and written in src/adapters/xlsx only.';
const EXCELJS = { name: 'exceljs', message: EXCELJS_MESSAGE };
const EXCELJS_DYNAMIC = { selector: "ImportExpression[source.value='exceljs']", message: EXCELJS_MESSAGE };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The core must stay free of Office and file types: only adapters import them.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly', module: 'writable', require: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Office.js lives in the Office platform only: the core, the task pane and the preview never touch it.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/office/**', 'src/taskpane/index.tsx', 'src/taskpane/commands.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Office', message: 'Office.js calls belong in src/platform/office.' }, { name: 'Excel', message: 'Office.js calls belong in src/platform/office.' }],
    },
  },
  {
    // src/core/index.ts is the only door into the core from outside it (cli, preview, taskpane, platform, adapters):
    // what the core offers is what its index exports. ExcelJS is read and written in the xlsx adapter only.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [CORE_DOOR, CLI_DOOR], paths: [EXCELJS] }],
      'no-restricted-syntax': ['error', EXCELJS_DYNAMIC],
    },
  },
  {
    files: ['src/adapters/xlsx/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_DOOR, CLI_DOOR] }], 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['exceljs', 'node:*', 'fs', 'path', '**/adapters/**', '**/cli/**'] }],
    },
  },
  {
    // Rules read the document model (src/core/model), never a cell: not the snapshot or its grid, not recognition's
    // internals, not the cell parser, not the model's own modules (only its door). tests/unit/rules/no-cell-reads.test.ts
    // checks the same without ESLint.
    files: ['src/core/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['exceljs', 'node:*', 'fs', 'path', '**/adapters/**', '**/cli/**'] },
            { group: ['**/snapshot/*'], message: 'Rules read the document model (src/core/model), never the snapshot or its grid.' },
            {
              group: [
                '**/recognition/*',
                '!**/recognition/table-type',
                '!**/recognition/table-type-registry',
                '!**/recognition/vocabulary',
              ],
              allowTypeImports: true,
              message: 'Rules read the document model: recognition internals (cell typing, layout) are the model builder’s.',
            },
            { group: ['**/text/amount'], message: 'Cells are parsed by the model (readIn, model.cells), not by rules.' },
            { group: ['**/model/*'], message: 'Import the document model through its door, src/core/model.' },
            {
              group: ['**/performance/find-forms'],
              importNames: ['formsOf', 'findPerformanceForms', 'isDepartmentForm'],
              message: 'Performance forms come from the model (ctx.model.forms).',
            },
          ],
        },
      ],
    },
  },
);
