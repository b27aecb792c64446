import ExcelJS from 'exceljs';

/**
 * Synthetic benchmark workbooks: (a) a consolidated income table of 1,000 units (~20k rows), (b) 200 sheets of ordinary
 * function-classified tables. Amounts are random but well-formed (two decimals, #,##0.00).
 */
/** A 类/款/项 tree: each unit's amounts are generated on the 项 lines and summed up, so the workbook reconciles. */
const FUNCTION_TREE: [string, string, [string, string, [string, string][]][]][] = [
  [
    '208',
    '社会保障和就业支出',
    [
      [
        '20805',
        '行政事业单位养老支出',
        [
          ['2080505', '机关事业单位基本养老保险缴费支出'],
          ['2080506', '机关事业单位职业年金缴费支出'],
          ['2080599', '其他行政事业单位养老支出'],
        ],
      ],
    ],
  ],
  [
    '210',
    '卫生健康支出',
    [
      [
        '21011',
        '行政事业单位医疗',
        [
          ['2101101', '行政单位医疗'],
          ['2101102', '事业单位医疗'],
          ['2101199', '其他行政事业单位医疗支出'],
        ],
      ],
      [
        '21015',
        '医疗保障管理事务',
        [
          ['2101501', '行政运行'],
          ['2101550', '事业运行'],
          ['2101599', '其他医疗保障管理事务支出'],
        ],
      ],
    ],
  ],
  [
    '221',
    '住房保障支出',
    [
      [
        '22102',
        '住房改革支出',
        [
          ['2210201', '住房公积金'],
          ['2210202', '提租补贴'],
          ['2210203', '购房补贴'],
        ],
      ],
    ],
  ],
];

/** Lines in table order with their amounts (cents, as integers, so sums are exact) for `columns` columns. */
function linesWithAmounts(columns: number, next: () => number): { code: string; name: string; cents: number[] }[] {
  const out: { code: string; name: string; cents: number[] }[] = [];
  for (const [cc, cn, sections] of FUNCTION_TREE) {
    const cls = { code: cc, name: cn, cents: Array(columns).fill(0) as number[] };
    out.push(cls);
    for (const [sc, sn, items] of sections) {
      const sec = { code: sc, name: sn, cents: Array(columns).fill(0) as number[] };
      out.push(sec);
      for (const [ic, iname] of items) {
        const cents = Array.from({ length: columns }, next);
        cents.forEach((v, i) => {
          sec.cents[i] = (sec.cents[i] as number) + v;
          cls.cents[i] = (cls.cents[i] as number) + v;
        });
        out.push({ code: ic, name: iname, cents });
      }
    }
  }
  return out;
}

const SOURCES = [
  '财政拨款收入',
  '财政专户收入',
  '事业收入',
  '经营收入',
  '上级补助收入',
  '附属单位上缴收入',
  '其他收入',
  '上年结转',
];

function random(seed: { n: number }): () => number {
  return () => {
    seed.n = (seed.n * 9301 + 49297) % 233280;
    return Math.round(seed.n / 2.3328);
  };
}

function styleAmounts(ws: ExcelJS.Worksheet, firstCol: number) {
  for (let c = firstCol; c <= ws.columnCount; c++) ws.getColumn(c).numFmt = '#,##0.00';
}

export function consolidatedIncome(units: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收入总表');
  ws.addRow(['2021年部门收入预算总表']);
  ws.addRow([
    '编制单位：某某厅（汇总）',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    '单位：万元',
  ]);
  ws.addRow([
    '单位编码',
    '单位名称',
    '科目编码',
    '科目名称',
    '合计',
    '本年收入',
    null,
    null,
    null,
    null,
    null,
    null,
    '上年结转',
  ]);
  ws.addRow([null, null, null, null, null, ...SOURCES.slice(0, 7), null]);
  ws.mergeCells('A1:M1');
  ws.mergeCells('F3:L3');
  for (const c of ['A', 'B', 'C', 'D', 'E', 'M']) ws.mergeCells(`${c}3:${c}4`);
  const next = random({ n: 1 });
  for (let u = 0; u < units; u++) {
    const code = String(100001 + u);
    const name = `某某厅下属第${u + 1}单位`;
    for (const line of linesWithAmounts(SOURCES.length, next)) {
      const values = line.cents.map((c) => c / 100);
      ws.addRow([code, name, line.code, line.name, line.cents.reduce((a, b) => a + b, 0) / 100, ...values]);
    }
  }
  styleAmounts(ws, 5);
  return wb;
}

export function manySheets(count: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const next = random({ n: 7 });
  for (let s = 0; s < count; s++) {
    const ws = wb.addWorksheet(`支出表${s + 1}`);
    ws.addRow([`2021年单位${s + 1}一般公共预算支出表`]);
    ws.addRow(['单位：万元']);
    ws.addRow(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    ws.mergeCells('A1:E1');
    const lines = linesWithAmounts(2, next);
    const totals = [0, 1].map((i) =>
      lines.filter((l) => l.code.length === 3).reduce((a, l) => a + (l.cents[i] as number), 0),
    );
    ws.addRow([null, '合计', (totals[0]! + totals[1]!) / 100, totals[0]! / 100, totals[1]! / 100]);
    for (const l of lines)
      ws.addRow([
        l.code,
        l.name,
        ((l.cents[0] as number) + (l.cents[1] as number)) / 100,
        (l.cents[0] as number) / 100,
        (l.cents[1] as number) / 100,
      ]);
    styleAmounts(ws, 3);
  }
  return wb;
}
