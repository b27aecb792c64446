import { SheetGrid } from '../snapshot/grid';
import { isCellError, type SheetSnapshot } from '../snapshot/types';
import { isAmountText, isPlaceholderText } from '../text/amount';
import { normalizeLabel } from '../text/normalize';
import { HEADER_TERMS, META_PATTERN, NOTE_PATTERN, TOTAL_PATTERN, TRAILING_UNIT } from './vocabulary';

/** Stage 1 — what each non-empty cell looks like, before we know which table or column it belongs to. */
export type CellKind = 'number' | 'numeric_text' | 'placeholder' | 'text' | 'error' | 'boolean';

/** Facts about a piece of text, computed once per distinct string of a sheet (names repeat thousands of times). */
export interface TextFacts {
  readonly kind: CellKind;
  /** Normalised label for vocabulary matching (see normalizeLabel). */
  readonly norm: string;
  readonly meta: boolean;
  readonly total: boolean;
  readonly note: boolean;
  readonly headerTerm: boolean;
}

export interface TypedCell {
  readonly row: number;
  readonly col: number;
  readonly kind: CellKind;
  /** The cell's text as written (trimmed); numbers rendered plainly. */
  readonly text: string;
  readonly norm: string;
  /** Vocabulary facts of text cells. */
  readonly facts: TextFacts | null;
  /** The value of number cells (null for others). */
  readonly num: number | null;
  /** Last column covered (merged areas span several). */
  readonly right: number;
  /** Last row covered. */
  readonly bottom: number;
}

/** Numbers are rendered to text only when asked: most amount cells never are. */
class TypedCellRecord implements TypedCell {
  private rendered: string | null;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly kind: CellKind,
    text: string | null,
    private readonly raw: unknown,
    readonly facts: TextFacts | null,
    readonly right: number,
    readonly bottom: number,
  ) {
    this.rendered = text;
  }
  get text(): string {
    return (this.rendered ??= String(this.raw));
  }
  get num(): number | null {
    return typeof this.raw === 'number' ? this.raw : null;
  }
  get norm(): string {
    return this.facts ? this.facts.norm : this.text;
  }
}

export interface TypedSheet {
  readonly name: string;
  readonly grid: SheetGrid;
  /** Per row, the anchors of non-empty cells in column order (merged followers are not repeated). */
  readonly rows: readonly (readonly TypedCell[])[];
  readonly rowCount: number;
  readonly columnCount: number;
}

function kindOfText(t: string): CellKind {
  if (isPlaceholderText(t)) return 'placeholder';
  // An amount with its unit ("1,234.56万元") is an amount like any other, not a label.
  if (isAmountText(t)) return 'numeric_text';
  return 'text';
}

export function typeCell(value: unknown): CellKind | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') {
    const t = value.trim();
    return t ? kindOfText(t) : null;
  }
  if (isCellError(value as never)) return 'error';
  return null;
}

/**
 * Memo of textFacts across sheets and workbooks: the same names and headers recur on every sheet. Bounded so a sheet
 * of unique strings cannot grow it without limit; the facts are a pure function of the text.
 */
const FACTS_CACHE = new Map<string, TextFacts>();
const FACTS_CACHE_LIMIT = 50_000;

export function cachedTextFacts(text: string): TextFacts {
  let info = FACTS_CACHE.get(text);
  if (!info) {
    if (FACTS_CACHE.size >= FACTS_CACHE_LIMIT) FACTS_CACHE.clear();
    info = textFacts(text);
    FACTS_CACHE.set(text, info);
  }
  return info;
}

export function textFacts(text: string): TextFacts {
  const kind = kindOfText(text);
  const norm = kind === 'text' ? normalizeLabel(text) : text;
  const isText = kind === 'text';
  return {
    kind,
    norm,
    meta: isText && isMetaText(norm),
    total: isText && norm.length <= 12 && TOTAL_PATTERN.test(norm),
    note: isText && norm.length >= 4 && NOTE_PATTERN.test(norm),
    headerTerm: isText && HEADER_TERMS.test(norm),
  };
}

/**
 * A metadata text (单位：万元, 编制部门：…). A label that only ends with the unit of the amounts (项目（金额单位：元）,
 * 收入决算表（单位：万元）) is the label it starts with, not a metadata line.
 */
function isMetaText(norm: string): boolean {
  if (!META_PATTERN.test(norm)) return false;
  const label = norm.replace(TRAILING_UNIT, '');
  return label === '' || label === norm || META_PATTERN.test(label);
}

export function typeSheet(sheet: SheetSnapshot): TypedSheet {
  const grid = new SheetGrid(sheet);
  const hasMerges = sheet.merges.length > 0;
  const rows: TypedCell[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const src = sheet.rows[r];
    const out: TypedCell[] = [];
    if (src) {
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell) continue;
        const v = cell.value;
        let kind: CellKind;
        let text: string | null;
        let info: TextFacts | null = null;
        if (typeof v === 'string') {
          text = v.trim();
          if (!text) continue;
          info = cachedTextFacts(text);
          kind = info.kind;
        } else if (typeof v === 'number') {
          kind = 'number';
          text = cell.text ?? null;
        } else if (typeof v === 'boolean') {
          kind = 'boolean';
          text = String(v);
        } else if (v !== null && isCellError(v)) {
          kind = 'error';
          text = v.error;
        } else continue;
        const merge = hasMerges ? grid.mergeAt(r, c) : undefined;
        if (merge && (merge.top !== r || merge.left !== c)) continue;
        out.push(
          new TypedCellRecord(
            r,
            c,
            kind,
            text,
            v,
            info && info.kind === 'text' ? info : null,
            merge ? Math.min(merge.right, grid.columnCount - 1) : c,
            merge ? merge.bottom : r,
          ),
        );
      }
    }
    rows.push(out);
  }
  return { name: sheet.name, grid, rows, rowCount: grid.rowCount, columnCount: grid.columnCount };
}
