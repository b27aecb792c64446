import type { TypedSheet } from './cell-typing';
import { canStartHeader, findHeaderBand, type HeaderBand } from './header-band';
import { labelRow, type RowFeatures } from './row-labelling';
import type { Region } from './segmentation';

/**
 * Stage 4b — the vertical layout of a region: preamble (title, metadata), header band, data rows, notes.
 * A region without a header is a preamble, a notes block, or data continuing a table above it.
 */
export type RegionLayout =
  | {
      readonly kind: 'table';
      readonly region: Region;
      readonly preambleRows: readonly number[];
      readonly titleRow: number | null;
      readonly header: HeaderBand;
      /** First and last data row, or null for a table with no data ("本表无数据"). */
      readonly data: readonly [number, number] | null;
      readonly noteRows: readonly number[];
    }
  | {
      readonly kind: 'preamble' | 'notes' | 'data';
      readonly region: Region;
      readonly rows: readonly number[];
      /** Only 合计/总计 lines (a template's total row left below the rows to fill). */
      readonly totalsOnly?: boolean;
      /** Rows that look like a table title (preamble regions). */
      readonly titleRows: readonly number[];
    };

export function rowFeatures(sheet: TypedSheet, region: Region): Map<number, RowFeatures> {
  const map = new Map<number, RowFeatures>();
  for (let r = region.top; r <= region.bottom; r++) map.set(r, labelRow(sheet, r, region.left, region.right));
  return map;
}

const isPreambleRow = (f: RowFeatures): boolean =>
  f.isTitle || f.isMeta || (f.numbers === 0 && (f.hasLongText || f.cells.length === 1));

/** Where a following table starts inside the data rows: a title line followed by a header. */
function findTableBreak(features: Map<number, RowFeatures>, from: number, to: number): number | null {
  for (let r = from; r <= to; r++) {
    const f = features.get(r);
    if (!f?.isTitle) continue;
    for (let h = r + 1; h <= Math.min(to, r + 4); h++) {
      const g = features.get(h) as RowFeatures;
      if (canStartHeader(g)) return r;
      if (!isPreambleRow(g)) break;
    }
  }
  return null;
}

export function analyseRegion(sheet: TypedSheet, region: Region): RegionLayout[] {
  const features = rowFeatures(sheet, region);
  return analyseRows(features, region);
}

function analyseRows(features: Map<number, RowFeatures>, region: Region): RegionLayout[] {
  const preamble: number[] = [];
  let r = region.top;
  let headerTop: number | null = null;
  for (; r <= region.bottom; r++) {
    const f = features.get(r) as RowFeatures;
    if (f.cells.length === 0) continue;
    if (canStartHeader(f)) {
      headerTop = r;
      break;
    }
    if (f.numbers > 0 || !isPreambleRow(f)) break;
    preamble.push(r);
  }
  if (headerTop === null) {
    const rows = range(region.top, region.bottom);
    const allNotes = rows.every((x) => {
      const f = features.get(x) as RowFeatures;
      return f.cells.length === 0 || f.isNote;
    });
    // A 合计 line left alone below a blank row still belongs to the data above it.
    const hasTotal = rows.some((x) => (features.get(x) as RowFeatures).isTotal);
    const kind = r <= region.bottom || hasTotal ? 'data' : allNotes ? 'notes' : 'preamble';
    const titleRows = rows.filter((x) => (features.get(x) as RowFeatures).isTitle);
    const totalsOnly =
      hasTotal &&
      rows.every((x) => {
        const f = features.get(x) as RowFeatures;
        return f.cells.length === 0 || (f.isTotal && !f.isNote);
      });
    return [{ kind, region, rows, titleRows, totalsOnly }];
  }

  const header = findHeaderBand(features, headerTop, region.bottom);
  let end = region.bottom;
  const rest: RegionLayout[] = [];
  const next = findTableBreak(features, header.bottom + 1, region.bottom);
  if (next !== null) {
    end = next - 1;
    rest.push(...analyseRows(features, { ...region, top: next }));
  }
  // Notes at the end (注：…, 本表无数据), a metadata line a conversion put below the table (单位：万元), and
  // blank-looking rows before them.
  const noteRows: number[] = [];
  let dataEnd = end;
  while (dataEnd > header.bottom) {
    const f = features.get(dataEnd) as RowFeatures;
    const lone = f.cells.length === 1 && f.numbers === 0;
    if (f.cells.length === 0 || f.isNote || (lone && (f.hasLongText || f.isMeta))) {
      if (f.cells.length > 0) noteRows.unshift(dataEnd);
      dataEnd--;
    } else break;
  }
  const titleRow =
    preamble.find((x) => (features.get(x) as RowFeatures).isTitle) ??
    preamble.find((x) => {
      const f = features.get(x) as RowFeatures;
      return f.cells.length === 1 && !f.isMeta && !f.hasLongText;
    }) ??
    null;
  const table: RegionLayout = {
    kind: 'table',
    region: { ...region, bottom: end },
    preambleRows: preamble,
    titleRow,
    header,
    data: dataEnd > header.bottom ? [header.bottom + 1, dataEnd] : null,
    noteRows,
  };
  return [table, ...rest];
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
