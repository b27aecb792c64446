import type Decimal from 'decimal.js';
import type { NotCheckedReason, ReportCoverage, ReportFinding, ReportNotChecked } from '../report/report';

/** An identity as the engine keeps it: the rule that checked it, its outcome, and the finding it produced. */
export interface CheckedIdentity {
  readonly rule: string;
  readonly tables: readonly string[];
  readonly sheet: string;
  readonly cells: readonly string[];
  readonly status: 'closed' | 'failed';
  readonly corrections?: readonly (Decimal | null)[];
  readonly envelope?: Decimal;
  readonly finding?: ReportFinding;
}

export interface NotCheckedEntry extends ReportNotChecked {
  readonly tables?: readonly string[];
}

/**
 * The coverage ledger: every identity the rules checked or meant to check. Identities that closed without a finding
 * (the vast majority) are only counted, per rule and tables, so that the ledger costs no more than the checks.
 */
export class Ledger {
  readonly identities: CheckedIdentity[] = [];
  readonly notChecked: NotCheckedEntry[] = [];
  private readonly closedCounts = new Map<
    string,
    { rule: string; tables: readonly string[]; sheet: string; n: number }
  >();

  /** The group counted last: a rule closes identity after identity of one table (the same list of table ids). */
  private last: { rule: string; tables: readonly string[]; sheet: string; n: number } | null = null;

  addClosed(rule: string, tables: readonly string[], sheet: string): void {
    const last = this.last;
    if (last && last.rule === rule && last.tables === tables) {
      last.n++;
      return;
    }
    const key = `${rule}\u0000${tables.join('\u0000')}`;
    let entry = this.closedCounts.get(key);
    if (entry) entry.n++;
    else this.closedCounts.set(key, (entry = { rule, tables, sheet, n: 1 }));
    this.last = entry;
  }

  /** Closed identities without a finding, grouped by rule and tables. */
  closedGroups(): readonly { rule: string; tables: readonly string[]; sheet: string; n: number }[] {
    return [...this.closedCounts.values()];
  }
}

const UNKNOWN_COUNT = 1;

/**
 * The report's coverage section: counts, and the not-checked entries merged where they say the same thing (one line
 * per rule, sheet, reason and message, with how many identities it stands for).
 */
export function coverageOf(closed: number, failed: number, entries: readonly NotCheckedEntry[]): ReportCoverage {
  const merged = new Map<string, ReportNotChecked>();
  let notChecked = 0;
  for (const e of entries) {
    const count = e.count ?? UNKNOWN_COUNT;
    notChecked += count;
    const key = [e.rule, e.sheet ?? '', e.reason, e.message].join('\u0000');
    const have = merged.get(key);
    if (have) have.count = (have.count ?? 1) + count;
    else
      merged.set(key, {
        rule: e.rule,
        ...(e.sheet !== undefined ? { sheet: e.sheet } : {}),
        reason: e.reason,
        message: e.message,
        count,
      });
  }
  for (const e of merged.values()) if (e.count === 1) delete e.count;
  return { identities: { closed, failed, notChecked }, notChecked: [...merged.values()] };
}

export type { NotCheckedReason };
