import { consolidatedFor } from '../model/generate';
import type { LayoutFamily } from '../families';
import { NATIONAL_BUDGET_FEATURES, layoutFeatures, renderNationalBudget, type BudgetLayout } from './national-budget';
import { FIVE_OF_EIGHT } from './five-of-eight';

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
  ...FIVE_OF_EIGHT,
};
