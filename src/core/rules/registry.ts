import { codeLevelRule } from './code/code-level';
import { codeNameMismatch } from './code/code-name-mismatch';
import { codeObsolete } from './code/code-obsolete';
import { codeUnknown } from './code/code-unknown';
import type { Rule } from './types';

/** Every rule the engine runs, in catalogue order. */
export const ALL_RULES: readonly Rule[] = [codeUnknown, codeObsolete, codeNameMismatch, codeLevelRule];
