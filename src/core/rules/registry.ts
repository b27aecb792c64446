import { balanceCarryover } from './balance/balance-carryover';
import { balanceLines } from './balance/balance-lines';
import { balanceTotals } from './balance/balance-totals';
import { functionEconomic } from './classification/function-economic';
import { codeCrossTable } from './code/code-cross-table';
import { codeLevelRule } from './code/code-level';
import { codeNameMismatch } from './code/code-name-mismatch';
import { codeObsolete } from './code/code-obsolete';
import { codeUnknown } from './code/code-unknown';
import { CROSS_RULES } from './cross/cross-rules';
import { contentsMismatch } from './disclosure/contents';
import { emptyTableStatement } from './disclosure/empty-table';
import { templateResidue } from './disclosure/placeholders';
import { headConsistency } from './disclosure/consistency';
import { narrativeFigures } from './disclosure/narrative';
import { missingTable } from './disclosure/missing-table';
import { fiscalIncome } from './identities/fiscal-income';
import { incomeSources } from './identities/income-sources';
import { operatingCostRule } from './identities/operating-cost';
import { projectTargetsFunds } from './identities/project-targets';
import { codeLeadingZero } from './format/code-leading-zero';
import { dateSerial } from './format/date-serial';
import { invalidAmount } from './format/invalid-amount';
import { numberAsText } from './format/number-as-text';
import { uncalculatedFormula } from './format/uncalculated-formula';
import { unitMixup } from './format/unit-mixup';
import { PERFORMANCE_RULES } from './performance/performance-rules';
import { sumHierarchy } from './sum/sum-hierarchy';
import { sumOfWhich } from './sum/sum-of-which';
import { sumRow } from './sum/sum-row';
import { sumTotal } from './sum/sum-total';
import { structureUnconfirmed } from './structure/unconfirmed';
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
  ...CROSS_RULES,
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
  ...PERFORMANCE_RULES,
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
  structureUnconfirmed,
];
