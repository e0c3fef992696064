/**
 * LibreOffice headless that recalculates every formula on load. By default LibreOffice keeps the
 * cached results of an .xlsx it did not write itself ("never recalculate" for OOXML), so a plain
 * conversion would only hand our own numbers back. A throwaway profile whose
 * registrymodifications.xcu sets Calc/Formula/Load/OOXMLRecalcMode = 0 ("always") makes it compute
 * every formula itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const hasLibreOffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh profile (so no running instance blocks this one), recalculating on load unless told not to. */
function makeProfile(recalc: boolean): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-export-'));
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  if (recalc) fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return profile;
}

/**
 * Opens each file in LibreOffice and saves it as `format` ("xlsx", "pdf") into `outDir`, which
 * must not be the files' own folder. Returns the paths written, in order.
 */
export function convertWithLibreOffice(files: string[], format: string, outDir: string, opts: { recalc?: boolean } = {}): string[] {
  const profile = makeProfile(opts.recalc ?? true);
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files],
      { stdio: 'pipe', timeout: 240_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(':')[0]!;
  const out = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`));
  for (const f of out) if (!fs.existsSync(f)) throw new Error(`LibreOffice did not write ${f}`);
  return out;
}
