import type { Rule, RuleContext, RuleMeta } from '../types';
import { reportIdentity, type Identity } from './quantities';

/**
 * A cross-table rule: metadata plus the identities it checks, each between tables the engine typed and that are alone
 * of their type in the workbook. The rule reports the ones that fail; format.unit looks at the same pairs for ×10,000
 * slips.
 */
export function crossRule(
  meta: Omit<RuleMeta, 'defaultSeverity'>,
  identities: (ctx: RuleContext) => Identity[],
): Rule & { identities: typeof identities } {
  return {
    meta: { ...meta, defaultSeverity: 'error' },
    identities,
    check(ctx) {
      for (const identity of identities(ctx)) reportIdentity(ctx, identity);
    },
  };
}
