import ExcelJS from 'exceljs';

/**
 * Synthetic benchmark workbooks: (a) a consolidated income table of 1,000 units (~20k rows), (b) 200 sheets of ordinary
 * function-classified tables. Amounts are random but well-formed (two decimals, #,##0.00).
 */
const FUNCTION_LINES = [
  ['208', '社会保障和就业支出'],
  ['20805', '行政事业单位养老支出'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['210', '卫生健康支出'],
  ['21011', '行政事业单位医疗'],
  ['2101101', '行政单位医疗'],
  ['2101102', '事业单位医疗'],
  ['21015', '医疗保障管理事务'],
  ['2101501', '行政运行'],
  ['2101550', '事业运行'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
  ['2210202', '提租补贴'],
  ['2210203', '购房补贴'],
  ['2101599', '其他医疗保障管理事务支出'],
  ['2080599', '其他行政事业单位养老支出'],
  ['2101199', '其他行政事业单位医疗支出'],
];

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

function amount(seed: number): number {
  return Math.round(((seed * 9301 + 49297) % 233280) / 2.3328) / 100;
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
  let seed = 1;
  for (let u = 0; u < units; u++) {
    const code = String(100001 + u);
    const name = `某某厅下属第${u + 1}单位`;
    for (const [fc, fn] of FUNCTION_LINES) {
      const values = SOURCES.map(() => amount(seed++));
      ws.addRow([code, name, fc, fn, values.reduce((a, b) => a + b, 0), ...values]);
    }
  }
  styleAmounts(ws, 5);
  return wb;
}

export function manySheets(count: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  let seed = 7;
  for (let s = 0; s < count; s++) {
    const ws = wb.addWorksheet(`支出表${s + 1}`);
    ws.addRow([`2021年单位${s + 1}一般公共预算支出表`]);
    ws.addRow(['单位：万元']);
    ws.addRow(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    ws.mergeCells('A1:E1');
    for (let i = 0; i < 30; i++) {
      const [fc, fn] = FUNCTION_LINES[i % FUNCTION_LINES.length] as [string, string];
      const a = amount(seed++);
      const b = amount(seed++);
      ws.addRow([fc, fn, a + b, a, b]);
    }
    styleAmounts(ws, 3);
  }
  return wb;
}
