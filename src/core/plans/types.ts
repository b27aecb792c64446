import type { CellValue } from '../snapshot/types';

/**
 * Write plans: everything the add-in writes into a workbook, as data. The core produces them; the Office.js and
 * ExcelJS adapters apply them. Every action carries what it overwrites, so the inverse plan undoes it exactly.
 */
export type WriteAction =
  | {
      readonly kind: 'set_values';
      readonly sheet: string;
      /** Top-left cell (A1) of the block. */
      readonly at: string;
      readonly values: readonly (readonly CellValue[])[];
      /**
       * The values the block held before (same shape); null cells were empty. Also the precondition: a cell that no
       * longer holds its `previous` value when the plan is applied has been changed since and is not overwritten.
       */
      readonly previous: readonly (readonly CellValue[])[];
      /** Number format for the written cells ("0.00%"). */
      readonly numberFormat?: string;
    }
  | {
      readonly kind: 'set_fill';
      readonly sheet: string;
      readonly cells: readonly string[];
      /** "#RRGGBB", or null to remove the fill. */
      readonly color: string | null;
      /**
       * Each cell's fill before, in the same order (null = no fill). Filled in by the adapter when it reads them; when
       * the plan carries it (an inverse), it is the precondition: a cell whose fill changed since is left alone.
       */
      readonly previous?: readonly (string | null)[];
    }
  | {
      readonly kind: 'set_note';
      readonly sheet: string;
      readonly cell: string;
      /** The note text, or null to remove the note. */
      readonly text: string | null;
      /** The cell's note before (null = none); when the plan carries it, the note must still read so to be changed. */
      readonly previous?: string | null;
    }
  | {
      readonly kind: 'add_sheet';
      readonly sheet: string;
      readonly values: readonly (readonly CellValue[])[];
      readonly layout?: SheetLayout;
    }
  | { readonly kind: 'delete_sheet'; readonly sheet: string }
  | { readonly kind: 'select'; readonly sheet: string; readonly range: string };

/** How a new sheet is laid out: a form, not just values. */
export interface SheetLayout {
  readonly merges?: readonly string[];
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
  readonly bold?: readonly string[];
  /** Cells the user is to fill in (tinted). */
  readonly inputs?: readonly string[];
  /** A range to draw thin borders around and inside. */
  readonly borders?: string;
  readonly numberFormats?: readonly { readonly cell: string; readonly format: string }[];
}

export const INPUT_TINT = '#FFF8DC';

export interface WritePlan {
  /** What the user asked for, in Chinese, for the undo list ("填写推断的科目编码"). */
  readonly title: string;
  readonly actions: readonly WriteAction[];
  /**
   * Set by the adapter on the plan it returns: the cells it did not write, because they changed since the plan was
   * made ("changed") or could not be written (a deleted sheet, a missing note: "failed"). `actions` then holds only
   * what was really written, so the inverse restores exactly that.
   */
  readonly skipped?: readonly SkippedWrite[];
}

export interface SkippedWrite {
  readonly sheet: string;
  /** A1 address, or "" for a sheet-level action. */
  readonly cell: string;
  readonly reason: 'changed' | 'failed';
}

/** The plan that undoes `plan`: actions reversed, each restoring what it overwrote. */
export function invertPlan(plan: WritePlan): WritePlan {
  const actions: WriteAction[] = [];
  for (const a of [...plan.actions].reverse()) {
    switch (a.kind) {
      case 'set_values':
        actions.push({ ...a, values: a.previous, previous: a.values });
        break;
      case 'set_fill':
        if (!a.previous) throw new Error('A fill action can only be undone once its previous fills are recorded.');
        a.cells.forEach((cell, i) =>
          actions.push({
            kind: 'set_fill',
            sheet: a.sheet,
            cells: [cell],
            color: a.previous?.[i] ?? null,
            previous: [a.color],
          }),
        );
        break;
      case 'set_note':
        actions.push({ ...a, text: a.previous ?? null, previous: a.text });
        break;
      case 'add_sheet':
        actions.push({ kind: 'delete_sheet', sheet: a.sheet });
        break;
      case 'delete_sheet':
        throw new Error('Deleting a sheet cannot be undone by a plan.');
      case 'select':
        break;
    }
  }
  return { title: `撤销：${plan.title}`, actions };
}
