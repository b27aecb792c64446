import type * as ExcelJS from '../adapters/xlsx/exceljs-types';
import { memo, useEffect, useMemo, useRef } from 'react';
import { cellAddress, columnLetter, parseRange } from '../core';

/**
 * A read-only rendering of one sheet: values as Excel shows them (numbers with their decimals), fills (the marks),
 * merged cells, and the range the task pane navigated to (a finding's cell, or a whole table: outlined as one block,
 * its top-left cell the anchor). Large sheets are cut at MAX_ROWS × MAX_COLS.
 */
const MAX_ROWS = 400;
const MAX_COLS = 40;
/** The red corner of a cell with a note (as .grid td.noted draws it). */
const NOTE_CORNER = 'inset -6px 6px 0 -3px #c50f1f';

function display(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const m = /0\.(0+)/.exec(cell.numFmt ?? '');
    return m
      ? v.toLocaleString('en-US', { minimumFractionDigits: m[1]?.length, maximumFractionDigits: m[1]?.length })
      : String(v);
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((p) => p.text).join('');
    if ('result' in v) return String(v.result ?? '');
    if ('error' in v) return String(v.error);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

function fillColor(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill;
  return f && f.type === 'pattern' && f.pattern === 'solid' && f.fgColor?.argb
    ? `#${f.fgColor.argb.slice(-6)}`
    : undefined;
}

/**
 * Memoised: the page re-renders on every review and download state; a grid of a large sheet (400 × 40 cells read
 * through ExcelJS) is drawn again only when its sheet, the workbook's version or the selected cell changed.
 */
export const SheetGrid = memo(function SheetGrid(props: {
  sheet: ExcelJS.Worksheet;
  version: number;
  selected: string | null;
}) {
  const { sheet, version, selected } = props;
  const selectedRef = useRef<HTMLTableCellElement>(null);
  const range = useMemo(() => (selected ? parseRange(selected) : null), [selected]);
  const anchor = range ? cellAddress(range.top, range.left) : null;
  const layout = useMemo(() => {
    const rows = Math.min(sheet.rowCount, MAX_ROWS);
    const cols = Math.min(sheet.columnCount, MAX_COLS);
    const covered = new Set<string>();
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    const merges = (
      sheet as unknown as {
        _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
      }
    )._merges;
    for (const m of Object.values(merges ?? {})) {
      const { top, left, bottom, right } = m.model;
      spans.set(cellAddress(top - 1, left - 1), {
        rowSpan: Math.min(bottom, rows) - top + 1,
        colSpan: Math.min(right, cols) - left + 1,
      });
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) if (r !== top || c !== left) covered.add(cellAddress(r - 1, c - 1));
    }
    return { rows, cols, covered, spans };
    // version: the workbook changed in place (marks, notes); redraw.
  }, [sheet, version]);

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
  }, [selected, version]);

  const header = Array.from({ length: layout.cols }, (_, c) => <th key={c}>{columnLetter(c)}</th>);
  const body = Array.from({ length: layout.rows }, (_, r) => (
    <tr key={r}>
      <th>{r + 1}</th>
      {Array.from({ length: layout.cols }, (_, c) => {
        const address = cellAddress(r, c);
        if (layout.covered.has(address)) return null;
        const cell = sheet.getCell(r + 1, c + 1);
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
        const note = typeof cell.note === 'string' ? cell.note : undefined;
        return (
          <td
            key={c}
            ref={isSelected ? selectedRef : undefined}
            rowSpan={span?.rowSpan}
            colSpan={span?.colSpan}
            data-cell={address}
            data-selected={isSelected ? 'true' : undefined}
            data-in-selection={inBlock ? 'true' : undefined}
            data-fill={fillColor(cell)}
            title={note}
            style={{
              background: fillColor(cell),
              textAlign: typeof cell.value === 'number' ? 'right' : undefined,
              // A note's red corner and the block's edges, drawn together (one box-shadow property).
              boxShadow: edges.length ? [...edges, ...(note ? [NOTE_CORNER] : [])].join(', ') : undefined,
            }}
            className={`${isSelected && !block ? 'selected' : ''}${inBlock ? ' in-selection' : ''}${note ? ' noted' : ''}`}
          >
            {display(cell)}
          </td>
        );
      })}
    </tr>
  ));
  return (
    <div className="grid-scroll">
      <table className="grid">
        <thead>
          <tr>
            <th />
            {header}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
      {(sheet.rowCount > MAX_ROWS || sheet.columnCount > MAX_COLS) && (
        <p className="grid-cut">
          仅显示前 {MAX_ROWS} 行、{MAX_COLS} 列
        </p>
      )}
    </div>
  );
});
