export { cellRef } from '../core/plans/marks';
