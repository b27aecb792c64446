import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import tableTypes from '../../../src/data/table-types.json';
import {
  TABLE_TYPE_INFO,
  TABLE_TYPE_NAMES,
  TABLE_TYPES,
  isPerformanceForm,
  tableTypeId,
  tableTypeInfo,
} from '../../../src/core/recognition/table-type-registry';
import { typeFromText } from '../../../src/core/recognition/table-type';
import { ALL_RULES } from '../../../src/core/rules/registry';

const DATA_DIR = join(__dirname, '../../../src/data');
/** Keys under which the vocabularies name a table type (tables[].type, readings[].table, types[].id). */
const TYPE_KEYS = new Set(['type', 'table', 'tableType']);

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

/** Every string value under a type key, anywhere in a JSON document. */
function typeIdsIn(value: unknown, key: string | null = null): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => typeIdsIn(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => typeIdsIn(v, k));
  }
  return typeof value === 'string' && key !== null && TYPE_KEYS.has(key) ? [value] : [];
}

describe('the table-type registry', () => {
  it('holds exactly the ids of the TableType union, once each, in the same order', () => {
    expect(tableTypes.types.map((t) => t.id)).toEqual([...TABLE_TYPES]);
    expect(TABLE_TYPE_INFO.map((t) => t.id)).toEqual([...TABLE_TYPES]);
  });

  it('names every type in Chinese and English', () => {
    const unnamed = TABLE_TYPE_INFO.filter((t) => !/[\u4e00-\u9fff]/.test(t.name.zh) || !/^[A-Z“]/.test(t.name.en));
    expect(unnamed.map((t) => t.id)).toEqual([]);
    expect(TABLE_TYPES.map((id) => TABLE_TYPE_NAMES[id])).toEqual(TABLE_TYPE_INFO.map((t) => t.name.zh));
  });

  it('knows every type id the vocabularies in src/data use', () => {
    const used = jsonFiles(DATA_DIR).flatMap((path) =>
      typeIdsIn(JSON.parse(readFileSync(path, 'utf8'))).map((id) => ({ file: relative(DATA_DIR, path), id })),
    );
    // The walk finds the files that name tables by type, so an empty result cannot pass for a clean one.
    expect(new Set(used.map((u) => u.file))).toEqual(
      new Set([
        'table-types.json',
        'disclosure/table-sets.json',
        'disclosure/empty-tables.json',
        'disclosure/narrative.json',
      ]),
    );
    expect(used.filter((u) => !(TABLE_TYPES as readonly string[]).includes(u.id))).toEqual([]);
  });

  it('knows every type a rule applies to', () => {
    const applied = ALL_RULES.flatMap((r) => (r.meta.appliesTo === 'all' ? [] : r.meta.appliesTo));
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.filter((id) => !(TABLE_TYPES as readonly string[]).includes(id))).toEqual([]);
  });

  it('recognises every type but unknown by some title pattern', () => {
    const titled = new Set(tableTypes.rules.map((r) => r.type));
    expect(TABLE_TYPES.filter((id) => id !== 'unknown' && !titled.has(id))).toEqual([]);
    expect(typeFromText('2024年部门收支总表')).toBe('income_expenditure_summary');
  });

  it('rejects an id it does not know, so a misspelt vocabulary fails at load', () => {
    expect(tableTypeId('project_expenditure')).toBe('project_expenditure');
    expect(() => tableTypeId('project_expenditures')).toThrow(/Unknown table type "project_expenditures"/);
  });

  it('keeps the per-type facts the engine reads', () => {
    expect(TABLE_TYPES.filter(isPerformanceForm)).toEqual([
      'performance_targets_project',
      'performance_targets_department',
      'performance_self_evaluation',
    ]);
    expect(tableTypeInfo('general_budget_basic_expenditure').rowNames).toBe('economic');
    expect(tableTypeInfo('income_expenditure_summary').rowNames).toBe('function_classes');
    expect(tableTypeInfo('project_expenditure').rowNames).toBeNull();
    expect(TABLE_TYPE_INFO.filter((t) => t.listsUnits).map((t) => t.id)).toEqual([
      'income_summary',
      'expenditure_summary',
    ]);
  });
});
