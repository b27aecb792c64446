import data from '../../data/rule-patterns.json';

type Name = Exclude<keyof typeof data, '$comment'>;

/**
 * The label and header patterns of src/data/rule-patterns.json, compiled once when the engine loads: total lines,
 * column groups, funds, carry-over terms, the “三公” items, title decorations, enumerations, years, placeholders. The
 * engine (recognition, mapping, text, the model and the rules) matches wording only through these and the vocabularies.
 */
export const PATTERNS: Readonly<Record<Name, RegExp>> = Object.freeze(
  Object.fromEntries(
    Object.entries(data)
      .filter(([k]) => k !== '$comment')
      .map(([k, source]) => [k, new RegExp(source)]),
  ) as Record<Name, RegExp>,
);
