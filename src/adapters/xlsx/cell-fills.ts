import { Token, XmlScanner } from './xml-scanner';

/**
 * The fills of a workbook's cell styles (`cellXfs` → `fills`), as the write plans name them: "#RRGGBB" for a solid
 * colour given as RGB, null for none, and for any other fill (a pattern, a gradient, a theme or indexed colour) a key
 * of its own that a plan restores as it was. Read for the preview's grid and its plans, never for the review.
 */
export class CellFills {
  private constructor(private readonly byStyle: readonly (string | null)[]) {}

  static empty(): CellFills {
    return new CellFills([]);
  }

  static parse(xml: string): CellFills {
    const fills: (string | null)[] = [];
    const fillIds: number[] = [];
    const sc = new XmlScanner(xml);
    let section: 'fills' | 'cellXfs' | null = null;
    let pattern: string | undefined;
    let rgb: string | undefined;
    let other = false;
    for (let t = sc.next(); t !== Token.End; t = sc.next()) {
      if (t === Token.Close) {
        if (sc.name === 'fills' || sc.name === 'cellXfs') section = null;
        else if (sc.name === 'fill' && section === 'fills') fills.push(keyOf(fills.length, pattern, rgb, other));
        continue;
      }
      if (t !== Token.Open) continue;
      switch (sc.name) {
        case 'fills':
        case 'cellXfs':
          section = sc.selfClosing ? null : sc.name;
          break;
        case 'fill':
          if (section !== 'fills') break;
          pattern = undefined;
          rgb = undefined;
          other = false;
          if (sc.selfClosing) fills.push(null);
          break;
        case 'patternFill':
          if (section === 'fills') pattern = sc.attr('patternType') ?? 'none';
          break;
        case 'gradientFill':
          if (section === 'fills') other = true;
          break;
        case 'fgColor':
          if (section === 'fills') rgb = sc.attr('rgb');
          break;
        case 'xf':
          if (section === 'cellXfs') {
            fillIds.push(parseInt(sc.attr('fillId') ?? '0', 10) || 0);
            sc.skipElement();
          }
          break;
        case 'extLst':
          sc.skipElement();
          break;
      }
    }
    return new CellFills(fillIds.map((id) => fills[id] ?? null));
  }

  /** The fill key of a cell style (its `s`). */
  of(styleIndex: number): string | null {
    return this.byStyle[styleIndex] ?? null;
  }
}

function keyOf(id: number, pattern: string | undefined, rgb: string | undefined, other: boolean): string | null {
  if (!other && (pattern === undefined || pattern === 'none')) return null;
  if (!other && pattern === 'solid' && rgb) return `#${rgb.slice(-6).toUpperCase()}`;
  return `style-fill:${id}`;
}
