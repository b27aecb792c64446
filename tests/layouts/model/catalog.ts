import economicCatalog from '../../../src/data/catalogs/economic.json';
import functionCatalog from '../../../src/data/catalogs/function.json';

/** Classification lines the model draws from: the project's own catalogs, so every generated code exists. */
export interface CatalogLine {
  readonly code: string;
  readonly name: string;
  readonly parent: string | null;
}

interface Entry {
  code: string;
  parent: string | null;
  versions: { name: string; validTo: number | null }[];
}

function linesOf(entries: readonly Entry[], year: number): CatalogLine[] {
  return entries
    .filter((e) => e.versions.some((v) => v.validTo === null || v.validTo >= year))
    .map((e) => ({ code: e.code, name: (e.versions[0] as { name: string }).name, parent: e.parent }));
}

export const functionLines = (year: number): CatalogLine[] => linesOf(functionCatalog.entries as Entry[], year);
export const economicLines = (year: number): CatalogLine[] => linesOf(economicCatalog.entries as Entry[], year);

/** 项 lines (7 digits) whose 款 and 类 are also in the catalog. */
export function functionItems(year: number): { item: CatalogLine; section: CatalogLine; cls: CatalogLine }[] {
  const lines = functionLines(year);
  const byCode = new Map(lines.map((l) => [l.code, l]));
  const out: { item: CatalogLine; section: CatalogLine; cls: CatalogLine }[] = [];
  for (const item of lines) {
    if (item.code.length !== 7) continue;
    const section = byCode.get(item.code.slice(0, 5));
    const cls = byCode.get(item.code.slice(0, 3));
    if (section && cls) out.push({ item, section, cls });
  }
  return out;
}

/** 款 lines (5 digits) of the economic classification under a 类 present in the catalog. */
export function economicItems(year: number): { item: CatalogLine; cls: CatalogLine }[] {
  const lines = economicLines(year);
  const byCode = new Map(lines.map((l) => [l.code, l]));
  const out: { item: CatalogLine; cls: CatalogLine }[] = [];
  for (const item of lines) {
    if (item.code.length !== 5) continue;
    const cls = byCode.get(item.code.slice(0, 3));
    if (cls) out.push({ item, cls });
  }
  return out;
}
