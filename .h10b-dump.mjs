import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(process.argv[2]);
const only = process.argv[3];
wb.eachSheet((ws) => {
  if (only && !ws.name.includes(only)) return;
  console.log('=== ' + ws.name);
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals = [];
    for (let c = 1; c <= ws.columnCount; c++) { const v = row.getCell(c).value; vals.push(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)); }
    console.log(n + ': ' + vals.join(' | '));
  });
});
