import economic from '../../../src/data/catalogs/economic.json';
import fn from '../../../src/data/catalogs/function.json';
import gov from '../../../src/data/catalogs/government-economic.json';
import mapping from '../../../src/data/catalogs/economic-mapping.json';
import { builtInCatalogs, Catalog, validIn, withImported, type CatalogData } from '../../../src/core/catalog/catalog';
import { canonicalName, sameName } from '../../../src/core/catalog/names';

describe('shipped catalogs', () => {
  const all = [fn, economic, gov] as unknown as CatalogData[];

  it.each(all.map((c) => [c.classification, c]))('%s: every entry states its provenance', (_name, catalog) => {
    const data = catalog as CatalogData;
    expect(data.entries.length).toBeGreaterThan(50);
    for (const e of data.entries) {
      expect(e.versions.length).toBeGreaterThan(0);
      for (const v of e.versions) {
        expect(v.sources.length).toBeGreaterThan(0);
        for (const s of v.sources) expect(data.sources[s]).toBeDefined();
        // Unverified = only recalled from memory: such a version can suggest, never accuse.
        expect(v.verified).toBe(v.sources.some((s) => s !== 'RECALL-UNVERIFIED'));
      }
    }
  });

  it('the economic mapping states provenance too', () => {
    for (const p of mapping.pairs) expect(p.sources.length).toBeGreaterThan(0);
  });

  it('keeps renames as versions of one code', () => {
    const eco = builtInCatalogs().economic;
    expect(eco.get('309')?.versions.map((v) => v.name)).toEqual(['资本性支出（基本建设）', '基本建设支出']);
    expect(eco.get('307')?.versions.map((v) => v.name)).toEqual(['债务利息及费用支出', '债务利息支出']);
    expect(eco.get('30110')?.versions).toHaveLength(2);
  });

  it('knows where sources end a code (21305 renamed from 2022)', () => {
    const v = builtInCatalogs().function.get('2130599')?.versions[0];
    expect(v && validIn(v, 2021)).toBe(true);
    expect(v && validIn(v, 2022)).toBe(false);
  });
});

describe('names', () => {
  it('folds spelling variants and synonyms', () => {
    expect(sameName('维修(护)费', '维修（护）费')).toBe(true);
    expect(sameName('城镇职工基本医疗保险缴费', '职工基本医疗保险缴费')).toBe(true);
    expect(sameName('公务用车运行维护费', '公务用车运行费')).toBe(true);
    expect(sameName('八、社会保障和就业支出', '社会保障和就业支出')).toBe(true);
    expect(sameName('行政运行', '事业运行')).toBe(false);
    expect(canonicalName(' 基本 工资 ')).toBe('基本工资');
  });
});

describe('Catalog', () => {
  const data: CatalogData = {
    classification: 'economic',
    sources: { A: 'a', B: 'b' },
    entries: [
      {
        code: '30199',
        level: 2,
        parent: '301',
        versions: [
          { name: '其他工资福利支出', observed: [2018, null], verified: true, sources: ['A'] },
          { name: '其他工资性补贴', observed: [2010, 2017], validTo: 2017, verified: true, sources: ['B'] },
        ],
      },
      {
        code: '399',
        level: 1,
        parent: null,
        versions: [{ name: '其他支出', observed: [2018, null], verified: false, sources: ['A'] }],
      },
      {
        code: '39999',
        level: 2,
        parent: '399',
        versions: [{ name: '其他支出', observed: [2018, null], verified: false, sources: ['A'] }],
      },
    ],
  };
  const c = new Catalog(data);

  it('judges names by year', () => {
    expect(c.judgeName('30199', '其他工资福利支出', 2021).kind).toBe('match');
    expect(c.judgeName('30199', '其他工资性补贴', 2021).kind).toBe('older_name');
    expect(c.judgeName('30199', '其他工资性补贴', 2016).kind).toBe('match');
    expect(c.judgeName('30199', '奖金', 2021)).toMatchObject({ kind: 'mismatch' });
    expect(c.judgeName('30198', '奖金', 2021).kind).toBe('unknown_code');
  });

  it('finds every line carrying a name', () => {
    expect(c.findByName('其他支出').map((e) => e.code)).toEqual(['399', '39999']);
    expect(c.findByName('其他工资性补贴', 2021)).toEqual([]);
  });

  it('lays an imported official catalog over the built-in one', () => {
    const imported: CatalogData = {
      classification: 'function',
      complete: true,
      sources: { 导入: 'x' },
      entries: [
        {
          code: '2109901',
          level: 3,
          parent: '21099',
          versions: [
            {
              name: '新科目',
              observed: [2026, 2026],
              validFrom: 2026,
              validTo: 2026,
              verified: true,
              sources: ['导入'],
            },
          ],
        },
      ],
    };
    const set = withImported(builtInCatalogs(), [imported]);
    expect(set.function.complete).toBe(true);
    expect(set.function.get('2109901')?.versions[0]?.name).toBe('新科目');
    expect(set.function.get('2080505')).toBeDefined();
    expect(builtInCatalogs().function.get('2109901')).toBeUndefined();
  });
});

describe('name keys', () => {
  it('compare names without an ending offices drop, but keep what tells lines apart', () => {
    expect(sameName('社会保障和就业', '社会保障和就业支出')).toBe(true);
    expect(sameName('八、社会保障和就业支出', '社会保障和就业')).toBe(true);
    expect(sameName('资本性支出（基本建设）', '资本性支出')).toBe(false);
    expect(sameName('住房改革', '住房公积金')).toBe(false);
  });
});
