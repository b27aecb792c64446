import { memo, useEffect, useMemo, useRef, useState, type RefObject, type UIEvent } from 'react';
import { cellAddress, columnLetter, parseRange, type CellRange } from '../core';
import type { GridCell, GridSpan, GridView } from './grid-view';

/**
 * A read-only rendering of one sheet as the workbook worker drew it (grid-view.ts): values as Excel shows them, fills
 * (the marks), notes, merged cells, and the range the task pane navigated to (a finding's cell, or a whole table:
 * outlined as one block, its top-left cell the anchor). Large sheets are cut at MAX_ROWS × MAX_COLS.
 */
export const MAX_ROWS = 400;
export const MAX_COLS = 40;
const FIRST_ROWS = 40;
const MORE_ROWS = 20;
/** The red corner of a cell with a note (as .grid td.noted draws it). */
const NOTE_CORNER = 'inset -6px 6px 0 -3px #c50f1f';

/** Memoised: the page re-renders on every review and download state; the grid only when its view or selection did. */
export const SheetGrid = memo(function SheetGrid(props: { view: GridView; selected: string | null }) {
  const { view, selected } = props;
  const selectedRef = useRef<HTMLTableCellElement>(null);
  const range = useMemo(() => (selected ? parseRange(selected) : null), [selected]);
  const anchor = range ? cellAddress(range.top, range.left) : null;
  const layout = useMemo(() => {
    const covered = new Set<string>();
    const spans = new Map<string, GridSpan>();
    for (const m of view.spans) {
      spans.set(cellAddress(m.top, m.left), m);
      for (let r = m.top; r < m.top + m.rowSpan; r++)
        for (let c = m.left; c < m.left + m.colSpan; c++)
          if (r !== m.top || c !== m.left) covered.add(cellAddress(r, c));
    }
    return { rows: view.rows, cols: view.cols, covered, spans };
  }, [view]);

  useEffect(() => {
    // Scrolled by hand: scrollIntoView puts a wide merged anchor (a table's title) under the sticky row numbers, and
    // 'center' sideways scrolls a cell already in view, taking the row labels out of view.
    const td = selectedRef.current;
    const box = td?.closest('.grid-scroll');
    if (!td || !(box instanceof HTMLElement)) return;
    const cell = td.getBoundingClientRect();
    const view = box.getBoundingClientRect();
    const rowHead = box.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    const colHead = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const left = cell.left - view.left + box.scrollLeft - rowHead;
    const top = cell.top - view.top + box.scrollTop - colHead;
    const width = box.clientWidth - rowHead;
    const height = box.clientHeight - colHead;
    if (left < box.scrollLeft || cell.width > width) box.scrollLeft = Math.max(0, left);
    else if (left + cell.width > box.scrollLeft + width) box.scrollLeft = left + cell.width - width;
    if (top < box.scrollTop || top + cell.height > box.scrollTop + height)
      box.scrollTop = Math.max(0, cell.height > height ? top : top - (height - cell.height) / 2);
  }, [selected, view]);

  // Drawn as far as it is seen: a screenful or two first, more rows as the user scrolls towards them, and the rows a
  // selection needs. A long sheet's grid is then never a thousand rows the browser lays out again with every style the
  // pane adds (the longest frames of a large workbook's review came from that).
  const [drawn, setDrawn] = useState(FIRST_ROWS);
  useEffect(() => setDrawn(FIRST_ROWS), [view.sheet]);
  const rows = Math.min(layout.rows, Math.max(drawn, range ? range.bottom + 1 + MORE_ROWS : 0));
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const box = e.currentTarget;
    if (rows < layout.rows && box.scrollTop + box.clientHeight * 2 > box.scrollHeight)
      setDrawn(Math.max(drawn, rows) + MORE_ROWS);
  };

  const header = Array.from({ length: layout.cols }, (_, c) => <th key={c}>{columnLetter(c)}</th>);
  const body = Array.from({ length: rows }, (_, r) => (
    <SheetRow
      key={r}
      r={r}
      cells={view.cells[r]}
      layout={layout}
      range={range}
      anchor={anchor}
      selectedRef={selectedRef}
    />
  ));
  return (
    <div className="grid-scroll" onScroll={onScroll}>
      <table className="grid">
        <thead>
          <tr>
            <th />
            {header}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
      {(view.sheetRows > view.rows || view.sheetCols > view.cols) && (
        <p className="grid-cut">
          仅显示前 {MAX_ROWS} 行、{MAX_COLS} 列
        </p>
      )}
    </div>
  );
});

/** One row of the grid; memoised, so that drawing the next rows leaves those drawn alone. */
const SheetRow = memo(function SheetRow(props: {
  r: number;
  cells: readonly (GridCell | null)[] | undefined;
  layout: { cols: number; covered: Set<string>; spans: Map<string, GridSpan> };
  range: CellRange | null;
  anchor: string | null;
  selectedRef: RefObject<HTMLTableCellElement | null>;
}) {
  const { r, layout, range, anchor, selectedRef } = props;
  return (
    <tr>
      <th>{r + 1}</th>
      {Array.from({ length: layout.cols }, (_, c) => {
        const address = cellAddress(r, c);
        if (layout.covered.has(address)) return null;
        const cell = props.cells?.[c] ?? null;
        const span = layout.spans.get(address);
        const isSelected = address === anchor;
        const bottom = r + (span?.rowSpan ?? 1) - 1;
        const right = c + (span?.colSpan ?? 1) - 1;
        const block = range && (range.bottom > range.top || range.right > range.left) ? range : null;
        const inBlock = !!block && r <= block.bottom && bottom >= block.top && c <= block.right && right >= block.left;
        // The block's outline: each cell of the range draws those of its sides that lie on the range's edge.
        const edges =
          block && inBlock
            ? [
                r <= block.top ? 'inset 0 2px 0 0 #107c41' : '',
                bottom >= block.bottom ? 'inset 0 -2px 0 0 #107c41' : '',
                c <= block.left ? 'inset 2px 0 0 0 #107c41' : '',
                right >= block.right ? 'inset -2px 0 0 0 #107c41' : '',
              ].filter(Boolean)
            : [];
        const note = cell?.note;
        return (
          <td
            key={c}
            ref={isSelected ? selectedRef : undefined}
            rowSpan={span?.rowSpan}
            colSpan={span?.colSpan}
            data-cell={address}
            data-selected={isSelected ? 'true' : undefined}
            data-in-selection={inBlock ? 'true' : undefined}
            data-fill={cell?.fill}
            title={note}
            style={{
              background: cell?.fill,
              textAlign: cell?.number ? 'right' : undefined,
              // A note's red corner and the block's edges, drawn together (one box-shadow property).
              boxShadow: edges.length ? [...edges, ...(note ? [NOTE_CORNER] : [])].join(', ') : undefined,
            }}
            className={`${isSelected && !block ? 'selected' : ''}${inBlock ? ' in-selection' : ''}${note ? ' noted' : ''}`}
          >
            {cell?.text}
          </td>
        );
      })}
    </tr>
  );
});
