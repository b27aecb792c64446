import type { RecognisedWorkbook } from '../../recognition/model';
import type { Rule, RuleContext, RuleMeta } from '../types';
import { reportIdentity, type Identity } from './quantities';

type IdentitySource = (ctx: RuleContext) => Identity[];

/**
 * The identities each cross rule built for a workbook, kept as it checks them: format.unit reads the same pairs again
 * (for ×10,000 slips) and takes them from here instead of building every pair a second time. Per recognised workbook,
 * which every rule's context shares (a rule's scoped model holds the same table views).
 */
const BUILT = new WeakMap<RecognisedWorkbook, Map<IdentitySource, readonly Identity[]>>();

/** A cross rule's identities, built for its check and kept for the workbook. */
export function buildIdentities(source: IdentitySource, ctx: RuleContext): readonly Identity[] {
  const identities = source(ctx);
  let built = BUILT.get(ctx.workbook);
  if (!built) BUILT.set(ctx.workbook, (built = new Map()));
  built.set(source, identities);
  return identities;
}

/**
 * The identities a cross rule built for this workbook; built here, recording no coverage entry, when the rule did not
 * run (a rule set without it).
 */
export function builtIdentities(source: IdentitySource, ctx: RuleContext): readonly Identity[] {
  return BUILT.get(ctx.workbook)?.get(source) ?? source({ ...ctx, notChecked: () => undefined });
}

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
      for (const identity of buildIdentities(identities, ctx)) reportIdentity(ctx, identity);
    },
  };
}
