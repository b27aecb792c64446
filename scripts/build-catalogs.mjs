// Builds the shipped classification catalogs (src/data/catalogs/*.json) from the sourced CSV lists in
// ../shared/catalogs and from code–name pairs printed in the two real 2021 disclosures in ../shared/seeds.
// Run: node scripts/build-catalogs.mjs [SHARED_DIR]. The JSON is committed; the app never reads ../shared.
//
// Semantics kept from the sources (see ../shared/catalogs/SOURCES.md):
// - one entry per code; a code printed with different names (a rename across years) is one entry with several versions;
// - `observed` is the span of fiscal years a source showed the name for, NOT the years the code existed;
// - `validTo` is set only where a source states an end (pre-2018 lists, renamed 款); absence means "not known to end";
// - `verified` is false when every source of a version is RECALL-UNVERIFIED: such versions may suggest, never accuse.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const shared = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared'));
const out = join(import.meta.dirname, '..', 'src', 'data', 'catalogs');

const SOURCE_TEXT = {
  'S1-brief': 'Facts from real 2021/2025 disclosures supplied with the project brief (not independently re-checked).',
  'S2-xzcs2022-20997': '小竹财税 knowledge base page on 款20809 退役安置, citing 财预〔2022〕107号 (2023 catalog).',
  'S3-putuo2026-templates': '上海市普陀区 2026 部门/单位预算公开 templates (split 类/款/项 codes).',
  'S4-hd-u.com-2020': '"部门预算支出经济分类科目" page (2020) with codes 301–30112.',
  'S5-ishare-duizhaobiao-2020': '政府预算和部门预算支出经济分类科目对照表 (2020), 501/502 and their 部门 counterparts.',
  'S6-wanglu-2018': '302 款 names 14–39 (2014–2017 version, with military items).',
  'S7-suining-2020': '遂宁 2020 notice citing 2101202 and 51002.',
  'S8-gh-header-list-9975899117': 'A header list of every 部门经济分类 name in catalog order (names and order only).',
  'S8b-gh-test-68368053417-2025': 'A 上海普陀 2025 决算 test file confirming 30212, 30217, 30231, 31013, 31022.',
  'S9-360docs-2017': 'A 2017 expense-statistics form (302-12, 302-15, 302-17, 302-31, 310-13).',
  'S10-gh-test-fixture-51926010794': 'Shanghai-style 2024/2025 budget line items (2012902, 2080505, 2100717, 2120102, 2120199).',
  'RECALL-UNVERIFIED': 'Compiled from memory of the published catalogs; no source checked it. Suggest only.',
  'SEED-quanzhou-2021': '泉州市医疗保障局 2021 年部门预算公开 (shared/seeds): codes and names as printed in its tables.',
  'SEED-lingshou-2021': '灵寿县医疗保障局 2021 年部门预算公开 (shared/seeds): codes and names as printed in its tables.',
};

function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, (r[i] ?? '').trim()])));
}

const sourceKeys = (text) => {
  const keys = Object.keys(SOURCE_TEXT).filter((k) => k !== 'RECALL-UNVERIFIED' && text.includes(k));
  if (/RECALL-UNVERIFIED/.test(text)) keys.push('RECALL-UNVERIFIED');
  return keys;
};

/** Seed disclosures: "code<TAB>name" on one line (泉州) or "<TAB>code" then "<TAB>name" (灵寿). */
function seedPairs(file, key) {
  const lines = readFileSync(join(shared, 'seeds', file), 'utf8').split(/\r?\n/);
  const pairs = [];
  const codeRe = /^(2\d{2}|2\d{4}|2\d{6}|3\d{2}|3\d{4})$/;
  const nameOk = (n) => /^[\u4e00-\u9fff（(]/.test(n) && n.length <= 30 && !/[，。；]/.test(n);
  for (let i = 0; i < lines.length; i++) {
    const inline = /^(\d{3,7})\t([^\t]+)/.exec(lines[i]);
    if (inline && codeRe.test(inline[1]) && nameOk(inline[2].trim())) pairs.push([inline[1], inline[2].trim(), key]);
    const alone = /^\t(\d{3,7})$/.exec(lines[i]);
    const next = /^\t(.+)$/.exec(lines[i + 1] ?? '');
    if (alone && next && codeRe.test(alone[1]) && nameOk(next[1].trim())) pairs.push([alone[1], next[1].trim(), key]);
  }
  return pairs;
}

const norm = (name) => name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

function build(classification, rows) {
  const entries = new Map();
  for (const r of rows) {
    const e = entries.get(r.code) ?? {
      code: r.code,
      level: r.code.length <= 3 ? 1 : r.code.length <= 5 ? 2 : 3,
      parent: r.code.length > 3 ? r.code.slice(0, r.code.length - 2) : null,
      versions: [],
    };
    let v = e.versions.find((x) => norm(x.name) === norm(r.name));
    if (!v) {
      v = { name: r.name, observed: [null, null], validTo: null, verified: false, sources: [], notes: [] };
      e.versions.push(v);
    }
    const from = r.year_from ? Number(r.year_from) : null;
    const to = r.year_to ? Number(r.year_to) : null;
    if (from !== null) v.observed[0] = v.observed[0] === null ? from : Math.min(v.observed[0], from);
    if (to !== null || from !== null) v.observed[1] = Math.max(v.observed[1] ?? 0, to ?? from);
    for (const k of sourceKeys(r.source)) if (!v.sources.includes(k)) v.sources.push(k);
    v.verified = v.sources.some((k) => k !== 'RECALL-UNVERIFIED');
    if (/pre-2018 list/.test(r.source)) v.validTo = 2017;
    const renamed = /renamed.*from (\d{4})/.exec(r.source);
    if (renamed && r.code.length === 7) v.validTo = Number(renamed[1]) - 1;
    const note = r.source.split(';').slice(1).join(';').trim();
    if (note && !v.notes.includes(note)) v.notes.push(note);
    entries.set(r.code, e);
  }
  const list = [...entries.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const e of list) for (const v of e.versions) if (!v.notes.length) delete v.notes;
  return {
    $comment:
      'Generated by scripts/build-catalogs.mjs from shared/catalogs and shared/seeds; edit the sources and rebuild. ' +
      '`observed` = fiscal years a source printed the name for (not the years the code existed); `verified` = at least ' +
      'one source other than RECALL-UNVERIFIED.',
    classification,
    sources: SOURCE_TEXT,
    entries: list,
  };
}

const csv = (f) => parseCsv(readFileSync(join(shared, 'catalogs', f), 'utf8'));
const seeds = [...seedPairs('quanzhou-2021-department-budget.txt', 'SEED-quanzhou-2021'), ...seedPairs('lingshou-2021-department-budget.txt', 'SEED-lingshou-2021')];
const seedRows = (first) =>
  seeds
    .filter(([code]) => code[0] === first)
    .map(([code, name, key]) => ({ code, name, year_from: '2021', year_to: '2021', source: key }));

const write = (name, data) => writeFileSync(join(out, name), JSON.stringify(data, null, 1) + '\n');
write('function.json', build('function', [...csv('exp_func_sourced.csv'), ...csv('exp_func_recall_UNVERIFIED.csv'), ...seedRows('2')]));
write('economic.json', build('economic', [...csv('dep_econ.csv'), ...seedRows('3')]));
write('government-economic.json', build('government_economic', csv('gov_econ.csv')));
write('economic-mapping.json', {
  $comment: '部门预算支出经济分类 → 政府预算支出经济分类 for 机关 budgets (shared/catalogs/econ_dep_to_gov_mapping.csv).',
  sources: SOURCE_TEXT,
  pairs: csv('econ_dep_to_gov_mapping.csv').map((r) => ({
    from: r.dep_code,
    to: r.gov_code,
    verified: !/RECALL-UNVERIFIED/.test(r.source),
    sources: sourceKeys(r.source),
  })),
});
console.log(`catalogs written to ${out} (${seeds.length} seed pairs)`);
