import ExcelJS from 'exceljs';

export interface TableSheet {
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Column widths in characters, left to right. */
  readonly widths: readonly number[];
}

/** One sheet of text rows as an .xlsx: a bold, frozen header row with an autofilter over the rows (a list to sort). */
export async function tableXlsx(table: TableSheet): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...table.header]).font = { bold: true };
  for (const row of table.rows) ws.addRow([...row]);
  ws.columns.forEach((c, i) => (c.width = table.widths[i] ?? 12));
  const last = ws.getColumn(Math.max(1, table.header.length)).letter;
  ws.autoFilter = { from: 'A1', to: `${last}${table.rows.length + 1}` };
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
