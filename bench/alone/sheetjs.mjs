// SheetJS alone, reading every cell of every .xlsx/.xls in a folder (dense mode, as the app reads):
// one of the bench's yardsticks, run as a whole process. Prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';

const dir = process.argv[2];
let cells = 0;
let files = 0;
for (const f of fs.readdirSync(dir).filter((n) => /\.xlsx?$/i.test(n))) {
  let wb;
  try {
    wb = XLSX.read(fs.readFileSync(path.join(dir, f)), { dense: true, cellFormula: true, cellDates: true });
  } catch {
    continue;
  }
  files++;
  for (const name of wb.SheetNames) for (const row of wb.Sheets[name]['!data'] ?? []) for (const c of row ?? []) if (c && c.v !== undefined) cells++;
}
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ files, cells, maxRssMb: Math.round(usage.maxRSS / 1024), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) })}\n`);
