import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../src/core';
import identityReasons from './identity-reasons.json';

/**
 * IDENTITIES.md is generated (`npm run layouts -- --identities --seeds 3 --write-identities`): every rule of the
 * registry must appear in it, either exercised by a property (identities closed on consistent workbooks, or slips caught
 * at their cell) or with the reason identity-reasons.json states — reasons are data, not code.
 */
const reasons: Record<string, string> = identityReasons.reasons;
const doc = readFileSync(join(__dirname, 'IDENTITIES.md'), 'utf8');
const catalogue = readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8');

interface Row {
  readonly closed: number;
  readonly caught: number;
  readonly reason: string;
}

const rows = new Map<string, Row>();
const duplicates: string[] = [];
for (const line of doc.split('\n')) {
  const m = /^\| \[`([^`]+)`\]/.exec(line);
  if (!m) continue;
  const cells = line
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
  if (rows.has(m[1]!)) duplicates.push(m[1]!);
  rows.set(m[1]!, {
    closed: Number(cells[2]),
    caught: parseInt(cells[6]!, 10),
    reason: cells[8] ?? '',
  });
}
const ids = ALL_RULES.map((r) => r.meta.id);

describe('IDENTITIES.md', () => {
  it.each(ids.map((id) => [id]))('lists %s, exercised by a property or with its stated reason', (id) => {
    const row = rows.get(id);
    expect(row).toBeDefined();
    expect(Number.isFinite(row!.closed) && Number.isFinite(row!.caught)).toBe(true);
    // An exercised rule needs no reason, and a stale one (it is exercised now) must go.
    if (row!.closed > 0 || row!.caught > 0) return expect(reasons[id]).toBeUndefined();
    expect(reasons[id]?.length ?? 0).toBeGreaterThan(20);
    expect(row!.reason).toBe(reasons[id]);
  });

  it('lists no rule the registry does not have, and every rule has its section in docs/rules.md', () => {
    expect(duplicates).toEqual([]);
    expect([...rows.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(catalogue).toContain(`\n## ${id}\n`);
  });

  it('states reasons for registered rules only, without table separators', () => {
    for (const [id, reason] of Object.entries(reasons)) {
      expect(ids).toContain(id);
      expect(reason).not.toMatch(/\|/);
    }
  });
});
