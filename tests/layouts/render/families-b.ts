import { PDF_FAMILIES } from './pdf';
import { PLATFORM_FAMILY } from './platform';
import { PROVINCE_FAMILY } from './province';
import { STACKED_FAMILIES } from './stacked';
import type { LayoutFamily } from './table-writer';

/** h9b's layout families (issue 9, families B), each declaring what it varies. */
export const H9B_FAMILIES: readonly LayoutFamily[] = [
  PLATFORM_FAMILY,
  ...PDF_FAMILIES,
  ...STACKED_FAMILIES,
  PROVINCE_FAMILY,
];
