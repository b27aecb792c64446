import generated from './metadata.json';
import type { RuleMeta } from './types';

/**
 * Every rule's metadata (id, titles, description, formula, example, messages, parameters), in catalogue order,
 * without the rules themselves: what the task pane names and explains on its own thread while the review runs in a
 * worker. metadata.json is generated from the registry (`npm run docs:rules`) and checked against it by
 * tests/unit/rules/catalogue.test.ts, so the rules stay the single source (which is also why the cast through
 * unknown is safe: TypeScript types the JSON as a union of one shape per rule, not as RuleMeta).
 */
export const RULE_METADATA = generated as unknown as readonly RuleMeta[];

const BY_ID = new Map(RULE_METADATA.map((m) => [m.id, m]));

/** The metadata of rule `id`, or undefined for a rule the registry does not know. */
export const ruleMeta = (id: string): RuleMeta | undefined => BY_ID.get(id);
