import { DEFAULT_SLIP_IDS, type SlipId } from '../slips';

/** The families that draw five of the eight required tables: what is true of them on consistent workbooks, and their slips. */
export const FIVE_OF_EIGHT: { readonly trueOnConsistent: readonly string[]; readonly slips: readonly SlipId[] } = {
  // Five of the eight required tables are drawn: the missing three are rightly named.
  trueOnConsistent: ['disclosure.missing_table'],
  // Every slip applies (a removed table, with three already missing, is rightly named by a note: check.ts isCaught),
  // and the consolidated units' slip where the model draws units.
  slips: [...DEFAULT_SLIP_IDS, 'unit-leaf'],
};
