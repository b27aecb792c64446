import { balanceCarryover } from './balance/carryover';
import { balanceLines } from './balance/lines';
import { balanceTotals } from './balance/totals';
import { functionEconomic } from './cross_classification/basic-pairs';
import { codeCrossTable } from './code/cross-table';
import { codeLevelRule } from './code/level';
import { codeNameMismatch } from './code/name-mismatch';
import { codeObsolete } from './code/obsolete';
import { codeUnknown } from './code/unknown';
import { crossBasic } from './cross_table/basic';
import { crossByCode } from './cross_table/by-code';
import { crossFiscal } from './cross_table/fiscal';
import { crossProject } from './cross_table/project';
import { crossSummary } from './cross_table/summary';
import { crossThreePublic } from './cross_table/three-public';
import { contentsMismatch } from './disclosure/contents';
import { emptyTableStatement } from './disclosure/empty-table';
import { templateResidue } from './disclosure/placeholder';
import { headConsistency } from './disclosure/consistency';
import { narrativeFigures } from './disclosure/narrative';
import { missingTable } from './disclosure/missing-table';
import { fiscalIncome } from './cross_table/fiscal-income';
import { incomeSources } from './cross_table/income-sources';
import { operatingCostRule } from './cross_table/operating-cost';
import { projectTargetsFunds } from './cross_table/project-targets';
import { codeLeadingZero } from './format/code-zero';
import { dateSerial } from './format/date-serial';
import { invalidAmount } from './format/invalid-amount';
import { numberAsText } from './format/number-as-text';
import { uncalculatedFormula } from './format/uncalculated-formula';
import { unitMixup } from './format/unit';
import { completionRatioRule } from './performance/completion';
import { costOperator } from './performance/cost-operator';
import { executionAndScores } from './performance/execution';
import { indicatorFramework } from './performance/framework';
import { fundsContradiction } from './performance/funds';
import { impossibleRate } from './performance/rate';
import { scoreArithmetic } from './performance/scores';
import { sumHierarchy } from './sum/hierarchy';
import { sumOfWhich } from './sum/of-which';
import { sumRow } from './sum/row';
import { sumTotal } from './sum/total';
import { structureUnconfirmed } from './structure/unconfirmed';
import { structureUnknownType } from './structure/unknown-type';
import type { Rule } from './types';

/** Every rule the engine runs, in catalogue order. */
export const ALL_RULES: readonly Rule[] = [
  sumHierarchy,
  sumTotal,
  sumRow,
  sumOfWhich,
  balanceTotals,
  balanceLines,
  balanceCarryover,
  crossSummary,
  crossFiscal,
  crossBasic,
  crossByCode,
  crossProject,
  crossThreePublic,
  fiscalIncome,
  incomeSources,
  operatingCostRule,
  projectTargetsFunds,
  functionEconomic,
  codeUnknown,
  codeObsolete,
  codeNameMismatch,
  codeCrossTable,
  codeLevelRule,
  costOperator,
  indicatorFramework,
  impossibleRate,
  scoreArithmetic,
  completionRatioRule,
  executionAndScores,
  fundsContradiction,
  invalidAmount,
  uncalculatedFormula,
  numberAsText,
  dateSerial,
  unitMixup,
  codeLeadingZero,
  missingTable,
  contentsMismatch,
  emptyTableStatement,
  templateResidue,
  headConsistency,
  narrativeFigures,
  structureUnknownType,
  structureUnconfirmed,
];
