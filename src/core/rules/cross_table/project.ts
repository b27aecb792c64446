import type { BlockView } from '../../model';
import type { RuleContext } from '../types';
import { counterpart, onlyViewOf, valueColumn, totalRow, type Identity } from './quantities';
import { columnsOfNamedGroup } from '../column-groups';
import { PATTERNS as PAT } from '../../text/patterns';
import { termOf } from './table-totals';
import { crossRule } from './cross-rule';
import { IDENTITY_MESSAGES } from '../messages';

/** 项目支出表 合计 = 支出总表 合计行的项目支出. */
export function projectIdentities(ctx: RuleContext): Identity[] {
  const what = '项目支出表合计 = 支出总表项目支出合计';
  const project = counterpart(ctx, 'project_expenditure', onlyViewOf(ctx, 'expenditure_summary'), what);
  const spending = counterpart(ctx, 'expenditure_summary', onlyViewOf(ctx, 'project_expenditure'), what);
  if (!project || !spending) return [];
  const block = spending.blocks[0] as BlockView;
  const total = totalRow(spending, block);
  const cols = columnsOfNamedGroup(block, PAT.projectSpending);
  if (!total || !cols.length) return [];
  const terms = cols.flatMap((c) => termOf(spending, total.row, c.col));
  const lastTotal = [...(project.blocks[0]?.rows ?? [])].reverse().find((r) => r.isTotal);
  const pTerms = termOf(project, lastTotal?.row, valueColumn(project.blocks[0] as BlockView)?.col);
  return [
    {
      a: { view: project, terms: pTerms, what: '合计' },
      b: { view: spending, terms, what: '项目支出合计' },
      relation: 'eq',
    },
  ];
}

export const crossProject = crossRule(
  {
    id: 'cross_table.project',
    title: {
      zh: '项目支出表合计与支出总表项目支出不一致',
      en: 'Project table total ≠ project expenditure of the 支出总表',
    },
    description: {
      zh: '项目支出表的合计等于支出总表合计行的项目支出（含其下各列）。',
      en: 'The project table’s total equals the project expenditure of the 支出总表’s total line.',
    },
    formula: '项目支出表.合计 = 支出总表.合计行[项目支出]',
    example: '《项目支出预算表》合计 28,804.72 ≠ 《支出预算汇总表》项目支出合计 22,504.72（差 +6,300.00）',
    messages: IDENTITY_MESSAGES,
    appliesTo: ['project_expenditure', 'expenditure_summary'],
  },
  projectIdentities,
);
