// exceljs `readFile` alone, reading every cell of every .xlsx in a folder: one of the bench's
// yardsticks, run as a whole process like the import it is compared with. Prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const dir = process.argv[2];
let cells = 0;
let files = 0;
for (const f of fs.readdirSync(dir).filter((n) => /\.xlsx$/i.test(n))) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path.join(dir, f));
  } catch {
    continue; // a file exceljs cannot read (the samples hold one on purpose) costs its attempt only
  }
  files++;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => { cells++; })));
}
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ files, cells, maxRssMb: Math.round(usage.maxRSS / 1024), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) })}\n`);
