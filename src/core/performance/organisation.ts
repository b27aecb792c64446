import patterns from '../../data/performance/organisation.json';
import { unitFromText, yearFromText } from '../recognition/metadata';
import type { RecognisedWorkbook } from '../recognition/model';
import { tableTypeInfo } from '../recognition/table-type-registry';
import type { WorkbookSnapshot } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';
import { text } from './form';

/**
 * The department and units a disclosure is about, read from the workbook itself — a metadata line (编制单位：…, or a
 * unit code and name between title and header), the unit rows of the 收入总表, or a title that starts with the name —
 * never from the file name. `department` is null when the workbook does not say.
 */
export interface Organisation {
  readonly department: string | null;
  /** Units named in the unit-name column of the income or expenditure summary, in order. */
  readonly units: readonly string[];
  /** Where the department name was read, for a note on the sheets that use it. */
  readonly source: string | null;
}

const LABELLED = new RegExp(patterns.labelled);
const CODE_PREFIXED = new RegExp(patterns.codePrefixed);
const ORGANISATION = new RegExp(patterns.organisation);
const TITLE_PREFIX = new RegExp(patterns.titlePrefix);
const OWN_OFFICE = new RegExp(patterns.ownOffice);
const TOTAL = new RegExp(patterns.totalLabel);

/** A metadata line's organisation name, or null when the line is a unit, a year or anything else. */
function nameInMetadata(cell: string): string | null {
  const norm = normalizeLabel(cell);
  if (!norm || unitFromText(norm)) return null;
  const labelled = LABELLED.exec(norm)?.[1];
  if (labelled) return unitFromText(`单位:${labelled}`) || yearFromText(labelled) ? null : labelled;
  if (yearFromText(norm)) return null;
  const named = CODE_PREFIXED.exec(norm)?.[1] ?? norm;
  return ORGANISATION.test(named) ? named : null;
}

export function organisationOf(snapshot: WorkbookSnapshot, workbook: RecognisedWorkbook): Organisation {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const units: string[] = [];
  const metadata: string[] = [];
  const titled: string[] = [];
  for (const t of workbook.tables) {
    const sheet = sheets.get(t.sheet);
    const from = t.titleRow === null ? t.range.top : t.titleRow + 1;
    for (let r = from; r < t.headerRows[0]; r++)
      for (let c = t.range.left; c <= t.range.right; c++) {
        const name = nameInMetadata(text(sheet?.rows[r]?.[c]?.value));
        if (name) metadata.push(name);
      }
    for (const title of [t.heading, t.title]) {
      const prefix = title ? TITLE_PREFIX.exec(normalizeLabel(title))?.[1] : undefined;
      if (prefix && ORGANISATION.test(prefix)) titled.push(prefix);
    }
    if (!tableTypeInfo(t.type).listsUnits) continue;
    const col = t.columns.find((c) => c.role === 'unit_name')?.col;
    if (col === undefined) continue;
    for (const r of t.rows) {
      const name = normalizeLabel(text(sheet?.rows[r.row]?.[col]?.value));
      if (name && !TOTAL.test(name) && !units.includes(name)) units.push(name);
    }
  }
  const fromMetadata = mostFrequent(metadata);
  if (fromMetadata) return { department: fromMetadata, units, source: '表头单位名称' };
  const fromTitle = mostFrequent(titled);
  if (fromTitle) return { department: fromTitle, units, source: '表标题' };
  const own = units.find((u) => OWN_OFFICE.test(u));
  if (own) return { department: own.replace(OWN_OFFICE, ''), units, source: '收入总表单位行' };
  if (units.length === 1) return { department: units[0] as string, units, source: '收入总表单位行' };
  return { department: null, units, source: null };
}

function mostFrequent(xs: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | null = null;
  for (const [x, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = x;
  return best;
}
