import { SheetGrid } from '../snapshot/grid';
import { isCellError, type SheetSnapshot } from '../snapshot/types';
import { isPlaceholderText, parseNumericText } from '../text/amount';
import { normalizeLabel } from '../text/normalize';

/** Stage 1 — what each non-empty cell looks like, before we know which table or column it belongs to. */
export type CellKind = 'number' | 'numeric_text' | 'placeholder' | 'text' | 'error' | 'boolean';

export interface TypedCell {
  readonly row: number;
  readonly col: number;
  readonly kind: CellKind;
  /** The cell's text as written (trimmed); numbers rendered plainly. */
  readonly text: string;
  /** Normalised label for vocabulary matching (see normalizeLabel). */
  readonly norm: string;
  /** Last column covered (merged areas span several). */
  readonly right: number;
  /** Last row covered. */
  readonly bottom: number;
}

export interface TypedSheet {
  readonly name: string;
  readonly grid: SheetGrid;
  /** Per row, the anchors of non-empty cells in column order (merged followers are not repeated). */
  readonly rows: readonly (readonly TypedCell[])[];
  readonly rowCount: number;
  readonly columnCount: number;
}

export function typeCell(value: unknown): CellKind | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') {
    const t = value.trim();
    if (!t) return null;
    if (isPlaceholderText(t)) return 'placeholder';
    if (parseNumericText(t)) return 'numeric_text';
    return 'text';
  }
  if (isCellError(value as never)) return 'error';
  return null;
}

export function typeSheet(sheet: SheetSnapshot): TypedSheet {
  const grid = new SheetGrid(sheet);
  const rows: TypedCell[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const src = sheet.rows[r];
    const out: TypedCell[] = [];
    if (src) {
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell) continue;
        const kind = typeCell(cell.value);
        if (!kind || grid.isMergedFollower(r, c)) continue;
        const merge = grid.mergeAt(r, c);
        const v = cell.value;
        const text =
          typeof v === 'string' ? v.trim() : isCellError(v) ? v.error : (cell.text ?? String(v as number | boolean));
        out.push({
          row: r,
          col: c,
          kind,
          text,
          norm: kind === 'text' ? normalizeLabel(text) : text,
          right: merge ? Math.min(merge.right, grid.columnCount - 1) : c,
          bottom: merge ? merge.bottom : r,
        });
      }
    }
    rows.push(out);
  }
  return { name: sheet.name, grid, rows, rowCount: grid.rowCount, columnCount: grid.columnCount };
}
