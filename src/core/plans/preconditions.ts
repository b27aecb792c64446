import { isCellError, type CellValue } from '../snapshot/types';
import type { SkippedWrite, WritePlan } from './types';

/**
 * What an adapter checks before it writes a cell: that the cell still holds what the plan expects (its value, fill or
 * note when the plan was made, or what the add-in itself wrote when the plan is an inverse). Pure, shared by the
 * Office and ExcelJS adapters so that both skip the same cells.
 */

/** Empty text and null are both "empty"; errors compare by their code; numbers and text by value. */
export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === '' || a === undefined ? null : a;
  const y = b === '' || b === undefined ? null : b;
  if (x === null || y === null) return x === y;
  if (isCellError(x) || isCellError(y)) return isCellError(x) && isCellError(y) && x.error === y.error;
  return x === y;
}

/** Fills as "#RRGGBB" (any case) or an opaque key; null = no fill. */
export function sameFill(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null)?.toUpperCase() === (b ?? null)?.toUpperCase();
}

export function sameNote(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * The sentence a user reads after a plan was applied with skipped cells: "3 处已被修改，未覆盖；1 处无法写入（工作表或批注已不存在）",
 * or null when everything was written.
 */
export function skippedNotice(skipped: readonly SkippedWrite[] | undefined): string | null {
  if (!skipped?.length) return null;
  const changed = skipped.filter((s) => s.reason === 'changed').length;
  const failed = skipped.length - changed;
  const parts: string[] = [];
  if (changed) parts.push(`${changed} 处已被修改，未覆盖`);
  if (failed) parts.push(`${failed} 处无法写入（工作表或批注已不存在）`);
  return parts.join('；');
}

/** Undo log limits: document settings hold a few megabytes at most, and each plan records every cell it wrote. */
export const UNDO_LOG_LIMITS = { maxPlans: 20, maxChars: 1_000_000 } as const;

/**
 * Appends an executed plan to the undo log, dropping the oldest entries beyond the limits (the newest plan is always
 * kept). Returns the new log and a notice when entries were dropped.
 */
export function appendToUndoLog(
  log: readonly WritePlan[],
  plan: WritePlan,
  limits: { readonly maxPlans: number; readonly maxChars: number } = UNDO_LOG_LIMITS,
): { log: WritePlan[]; dropped: number; notice: string | null } {
  const stored: WritePlan = { title: plan.title, actions: plan.actions };
  const next = [...log, stored];
  const sizes = next.map((p) => JSON.stringify(p).length);
  let total = sizes.reduce((n, s) => n + s, 0);
  let dropped = 0;
  while (next.length > 1 && (next.length > limits.maxPlans || total > limits.maxChars)) {
    next.shift();
    total -= sizes[dropped] as number;
    dropped++;
  }
  return {
    log: next,
    dropped,
    notice: dropped ? `撤销记录已满：最早的 ${dropped} 项操作已移出记录，不能再撤销` : null,
  };
}
