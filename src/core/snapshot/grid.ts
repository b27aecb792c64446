import type { Cell, CellRange, SheetSnapshot } from './types';

/**
 * Read access to one sheet for the recogniser: cell lookup and the merged area covering a cell, both O(1).
 */
export class SheetGrid {
  readonly rowCount: number;
  readonly columnCount: number;
  /** For every cell inside a merged area: the index of that area in `sheet.merges`. */
  private readonly mergeIndex = new Map<number, number>();

  constructor(readonly sheet: SheetSnapshot) {
    this.rowCount = sheet.rows.length;
    this.columnCount = sheet.columnCount;
    sheet.merges.forEach((m, i) => {
      const bottom = Math.min(m.bottom, this.rowCount - 1);
      const right = Math.min(m.right, this.columnCount - 1);
      for (let r = m.top; r <= bottom; r++)
        for (let c = m.left; c <= right; c++) this.mergeIndex.set(this.key(r, c), i);
    });
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.sheet.rows[row]?.[col];
  }

  /** The merged area covering (row, col), if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    const i = this.mergeIndex.get(this.key(row, col));
    return i === undefined ? undefined : this.sheet.merges[i];
  }

  /** True when the cell is part of a merged area but not its top-left anchor. */
  isMergedFollower(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }
}
