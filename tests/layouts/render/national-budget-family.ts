import { consolidatedFor } from '../model/generate';
import type { LayoutFamily } from '../families';
import { NATIONAL_BUDGET_FEATURES, layoutFeatures, renderNationalBudget, type BudgetLayout } from './national-budget';

const variant = (id: string, layout: BudgetLayout) => ({
  id,
  features: [...NATIONAL_BUDGET_FEATURES, ...layoutFeatures(layout)],
  render: (d: Parameters<typeof renderNationalBudget>[0]) => renderNationalBudget(d, layout),
});

/** The national 部门预算公开 set, five of its tables (see national-budget.ts), in three placements. */
export const NATIONAL_BUDGET_FAMILY: LayoutFamily = {
  id: 'national-budget',
  description: '部门预算公开 (national set, seeds’ style): 收入总表, 支出总表, 一般公共预算支出表, 基本支出表, 三公',
  varies: ['unit', 'decimals', 'funds present', 'size', 'placement (per sheet / stacked)', 'origin'],
  model: (seed) => ({ kind: 'budget', consolidated: consolidatedFor(seed) }),
  variants: [
    variant('per-sheet', { placement: 'per-sheet', origin: [0, 0] }),
    variant('per-sheet-shifted', { placement: 'per-sheet', origin: [3, 2] }),
    variant('stacked', { placement: 'stacked', origin: [1, 1] }),
  ],
  // Five of the eight required tables are drawn: the missing three are rightly named.
  trueOnConsistent: ['disclosure.missing_table'],
  // Every slip applies (a removed table, with three already missing, is rightly named by a note: check.ts isCaught),
  // and the consolidated units' slip where the model draws units.
  slips: [
    'leaf',
    'transposition',
    'component',
    'zeroed-row',
    'total',
    'carry-over',
    'wrong-code',
    'swapped-name',
    'removed-table',
    'placeholder',
    'unit-leaf',
  ],
};
