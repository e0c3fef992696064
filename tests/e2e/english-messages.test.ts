/**
 * The English UI words what the core sends as data in English: a refused file's reason and a flag's
 * message, which the core stores as a code with parameters (shared/messages.ts), not as Vietnamese.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLES } from './helpers/answer-key';
import { hasChromium } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';
import { FlagsPage } from './pages/flags-page';
import { ImportPage } from './pages/import-page';

const VIETNAMESE = /[ạảãầấậẩẫằắặẳẵẹẻẽềếệểễịỉĩọỏõồốộổỗơờớợởỡụủũưừứựửữỳỵỷỹđ]/i;

describe.skipIf(!hasChromium)('the English UI', () => {
  const app = useOpenApp();
  // One unit's returns (a planted child-above-parent in April) and a file that is no spreadsheet.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-en-'));
  for (const f of fs.readdirSync(SAMPLES).filter((n) => /_415\.xlsx$/.test(n))) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a spreadsheet');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows a skipped file\'s reason in English', async () => {
    await app.shell.setLanguage('en');
    const screen = new ImportPage(app.page);
    await screen.importPath(dir);
    expect((await screen.skippedMessages()).join('\n')).toContain('file “notes.txt”: skipped, not a spreadsheet (plain text)');
  });

  it('shows flag messages in English, and in Vietnamese again after switching back', async () => {
    await app.shell.go('flags');
    const flags = new FlagsPage(app.page);
    await flags.waitForRows();
    await flags.open(0);
    const en = await flags.message();
    // Names are data and stay Vietnamese; the sentence around them is English.
    expect(en).toMatch(/ is larger than | is negative| differs from | is less than | No return for | is unusual| exceeds | is outside /);
    expect(en).toMatch(/, file .+, sheet .+, cell [A-Z]+\d+$|No return for/);
    expect(en.replace(/“[^”]*”/g, '').replace(/Huyện [^,]+|[^,(]*\(/g, '')).not.toMatch(/ là | khác | chênh | tệp | trang /);
    await app.shell.setLanguage('vi');
    const vi = await flags.message();
    expect(vi).not.toBe(en);
    expect(vi).toMatch(VIETNAMESE);
    expect(vi).toMatch(/ lớn hơn | là số âm| khác | ít hơn | Chưa có báo cáo | bất thường| vượt | nằm ngoài /);
  });

  it('threw nothing in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
