import type { PerformanceForm } from '../../performance/form';
import type { RuleContext } from '../types';

/** The performance forms the rule sees (a helper of the performance rules). */
export const forms = (ctx: RuleContext): readonly PerformanceForm[] => ctx.model.forms.all;
