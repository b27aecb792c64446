import { PLATFORM_FAMILY } from './platform';
import type { LayoutFamily } from './table-writer';

/** h9b's layout families (issue 9, families B), each declaring what it varies. */
export const H9B_FAMILIES: readonly LayoutFamily[] = [PLATFORM_FAMILY];
