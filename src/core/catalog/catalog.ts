import economicData from '../../data/catalogs/economic.json';
import functionData from '../../data/catalogs/function.json';
import governmentEconomicData from '../../data/catalogs/government-economic.json';
import type { Classification } from '../text/codes';
import { canonicalName } from './names';

/**
 * Classification catalogs: one entry per code, with the names it has had (versions). A version carries provenance and
 * whether any real source backs it; unverified versions may suggest a code, never accuse a workbook.
 */
export interface CatalogVersion {
  readonly name: string;
  /** Fiscal years a source printed this name for (not the years the code existed). */
  readonly observed: readonly [number | null, number | null];
  /** First and last fiscal year the name is valid, where a source states it. */
  readonly validFrom?: number | null;
  readonly validTo?: number | null;
  readonly verified: boolean;
  readonly sources: readonly string[];
  readonly notes?: readonly string[];
}

export interface CatalogEntry {
  readonly code: string;
  readonly level: 1 | 2 | 3;
  readonly parent: string | null;
  readonly versions: readonly CatalogVersion[];
}

export interface CatalogData {
  readonly classification: Classification;
  /** True for an official, complete catalog (imported): a code missing from it does not exist. */
  readonly complete?: boolean;
  readonly sources: Readonly<Record<string, string>>;
  readonly entries: readonly CatalogEntry[];
}

export type NameVerdict =
  | { readonly kind: 'match'; readonly version: CatalogVersion }
  | { readonly kind: 'older_name'; readonly version: CatalogVersion }
  | { readonly kind: 'mismatch'; readonly expected: readonly CatalogVersion[] }
  | { readonly kind: 'unknown_code' };

export function validIn(v: CatalogVersion, year: number | null): boolean {
  if (year === null) return true;
  return (v.validTo == null || v.validTo >= year) && (v.validFrom == null || v.validFrom <= year);
}

export class Catalog {
  private readonly byCode = new Map<string, CatalogEntry>();
  private readonly byName = new Map<string, CatalogEntry[]>();
  /** Codes of complete official catalogs, per fiscal year they were imported for. */
  private readonly official = new Map<number, Set<string>>();
  readonly complete: boolean;

  constructor(
    readonly data: CatalogData,
    official: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
  ) {
    this.complete = data.complete ?? false;
    for (const [year, codes] of official) this.official.set(year, new Set(codes));
    if (data.complete) {
      for (const e of data.entries)
        for (const v of e.versions)
          if (v.validFrom != null)
            (this.official.get(v.validFrom) ?? this.official.set(v.validFrom, new Set()).get(v.validFrom))?.add(e.code);
    }
    for (const e of data.entries) {
      this.byCode.set(e.code, e);
      for (const key of new Set(e.versions.map((v) => canonicalName(v.name)))) {
        const list = this.byName.get(key) ?? [];
        list.push(e);
        this.byName.set(key, list);
      }
    }
  }

  get classification(): Classification {
    return this.data.classification;
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): CatalogEntry | undefined {
    return this.byCode.get(code);
  }

  /** True when an official catalog was imported for `year`: then it alone says which codes exist. */
  isOfficial(year: number | null): boolean {
    return year !== null && this.official.has(year);
  }

  /** Does the code exist in `year`? Against an official catalog for that year, only its codes do. */
  has(code: string, year: number | null): boolean {
    if (year !== null && this.official.has(year)) return this.official.get(year)?.has(code) ?? false;
    return this.byCode.has(code);
  }

  /** Entries one of whose names is `name` (synonyms folded), optionally only those valid in `year`. */
  findByName(name: string, year: number | null = null): CatalogEntry[] {
    const found = this.byName.get(canonicalName(name)) ?? [];
    return found.filter((e) =>
      e.versions.some((v) => canonicalName(v.name) === canonicalName(name) && validIn(v, year)),
    );
  }

  /** Does `name` fit `code` in `year`? */
  judgeName(code: string, name: string, year: number | null): NameVerdict {
    const entry = this.byCode.get(code);
    if (!entry) return { kind: 'unknown_code' };
    const key = canonicalName(name);
    // With an official catalog for the year, its names are the names.
    const valid = entry.versions.filter((v) =>
      this.isOfficial(year) ? v.validFrom === year && v.validTo === year : validIn(v, year),
    );
    const hit = valid.find((v) => canonicalName(v.name) === key);
    if (hit) return { kind: 'match', version: hit };
    const older = entry.versions.find((v) => !validIn(v, year) && canonicalName(v.name) === key);
    if (older) return { kind: 'older_name', version: older };
    return { kind: 'mismatch', expected: valid.length ? valid : entry.versions };
  }

  /** Catalog data with the entries of `other` laid over this one (an imported official catalog wins). */
  mergedWith(other: CatalogData): Catalog {
    const map = new Map(this.data.entries.map((e) => [e.code, e]));
    for (const e of other.entries) {
      const base = map.get(e.code);
      map.set(e.code, base ? { ...base, versions: [...e.versions, ...base.versions] } : e);
    }
    const merged = new Catalog(other, this.official);
    return new Catalog(
      {
        classification: this.data.classification,
        complete: this.complete || other.complete,
        sources: { ...this.data.sources, ...other.sources },
        entries: [...map.values()],
      },
      merged.official,
    );
  }
}

/** The catalogs the engine consults, one per classification. */
export interface CatalogSet {
  readonly function: Catalog;
  readonly economic: Catalog;
  readonly government_economic: Catalog;
}

export function catalogFor(set: CatalogSet, classification: Classification): Catalog | null {
  return classification === 'revenue' ? null : set[classification];
}

let builtIn: CatalogSet | null = null;

/** The catalogs shipped with the add-in (src/data/catalogs, built from sourced lists; see their provenance). */
export function builtInCatalogs(): CatalogSet {
  builtIn ??= {
    function: new Catalog(functionData as unknown as CatalogData),
    economic: new Catalog(economicData as unknown as CatalogData),
    government_economic: new Catalog(governmentEconomicData as unknown as CatalogData),
  };
  return builtIn;
}

/** Lays imported catalogs over a set (each goes to its own classification). */
export function withImported(set: CatalogSet, imported: readonly CatalogData[]): CatalogSet {
  let out = set;
  for (const data of imported) {
    const key = data.classification;
    if (key === 'revenue') continue;
    out = { ...out, [key]: out[key].mergedWith(data) };
  }
  return out;
}
