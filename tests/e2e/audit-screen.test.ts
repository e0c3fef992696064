/**
 * The audit log as a reviewer reads it (issue 17), in the real UI: a label mapped to an indicator
 * shows the indicator's name (not "— → LL_GIUPDO"), units by name with their code, a choice between
 * two submissions names the file chosen and the file set aside, a rule is named as on the flags
 * screen; the filters (who, what, when, unit) narrow the grid and the download holds exactly the
 * filtered entries. Screenshots at 1366x768 in test-artifacts/screenshots/.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import vi from '../../renderer/i18n/vi.json';
import { sampleFiles } from '../helpers/samples';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';
import { UNKNOWN_LABEL, writeOddReturn } from './helpers/odd-return';
import { AuditPage } from './pages/other-pages';

const CLERK = 'Nguyễn Văn A';
const REVIEWER = 'Trần Thị B';
const INDICATOR = 'LL_GIUPDO';

describe.skipIf(!hasChromium)('the audit log screen', () => {
  const facts: { chosen: string; aside: string; unit: string; acceptedRule: string; acceptedUnit: string } = { chosen: '', aside: '', unit: '', acceptedRule: '', acceptedUnit: '' };
  const app = useOpenApp({ prepare: async (_dataDir, store) => {
    const core = createApi({ dbPath: store });
    await core.importFiles({ paths: [...sampleFiles(), await writeOddReturn()], user: CLERK });
    await core.mapLabel({ label: UNKNOWN_LABEL, indicator: INDICATOR, user: REVIEWER });
    // A unit's two submissions for one month: the one not in use is chosen, the other set aside.
    const conflict = (await core.listFlags({ status: 'open', rule: 'conflicting_resubmission' }))[0]!;
    const files = [...new Map(conflict.figures.map((f) => [f.file, f])).values()];
    const chosen = files.find((f) => !f.inUse) ?? files[0]!;
    facts.chosen = chosen.file;
    facts.aside = files.find((f) => f.file !== chosen.file)!.file;
    facts.unit = conflict.unit;
    await core.resolveFlag({ flagId: conflict.id, action: 'choose', file: chosen.file, reason: 'Bản gửi lại là bản đúng', user: REVIEWER });
    const other = (await core.listFlags({ status: 'open', rule: 'outlier' }))[0]!;
    facts.acceptedRule = other.rule;
    facts.acceptedUnit = other.unit;
    await core.resolveFlag({ flagId: other.id, action: 'accept', reason: 'Đã gọi điện xác nhận', user: CLERK });
    await core.close();
  } });

  it('names indicators, units, both files of a choice and the rule as the flags screen does', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.shell.go('audit');
    const audit = new AuditPage(app.page);
    const rows = await audit.rowTexts();
    const label = rows.find((r) => r.includes(UNKNOWN_LABEL))!;
    expect(label).toBeTruthy();
    const name = 'Số người lầm lỗi được quản lý, giáo dục, giúp đỡ tại cộng đồng';
    expect(label).toContain(`${name} (${INDICATOR})`);
    // The change column names the indicator too: never the bare code after an arrow.
    expect(label).not.toMatch(new RegExp(`→\\s*${INDICATOR}\\b`));
    // An import's outcome is named as the import screen names it, not by its status code.
    expect(rows.some((r) => r.includes('Nhập tệp') && r.includes('→ Đã nhập'))).toBe(true);
    expect(rows.some((r) => /→ imported\b/.test(r))).toBe(false);
    const choice = rows.find((r) => r.includes('Chọn bản báo cáo') && r.includes(facts.chosen))!;
    expect(choice).toContain(`(bỏ bản ${facts.aside})`);
    expect(choice).toMatch(new RegExp(`Huyện [^(]+ \\(${facts.unit}\\)`));
    // The rule's name is the one the flags screen's rule filter shows.
    const ruleName = (vi.rules as Record<string, string>)[facts.acceptedRule]!;
    expect(rows.some((r) => r.includes(`Chấp nhận cảnh báo “${ruleName}”`))).toBe(true);
    await app.shell.go('flags');
    const options = await app.page.getByTestId('flag-rule').locator('option').allInnerTexts();
    expect(options).toContain(ruleName);
    await app.shell.go('audit');
    await audit.rowTexts();
    await audit.waitForRowHeights();
    await app.page.waitForTimeout(400);
    await screenshot(app.page, 'audit-names');
  });

  it('filters by who, what, when and unit, and downloads exactly the filtered entries', async () => {
    const audit = new AuditPage(app.page);
    const shown = async () => Number((await app.page.getByTestId('audit-shown').innerText()).match(/Đang hiện ([\d.]+)/)![1]!.replace(/\./g, ''));
    const all = await shown();
    // The grid animates rows out: read them once it draws as many as the count says (few here).
    const drawn = app.page.getByTestId('audit-grid').locator('.ag-grid-scrolling-container .ag-row');
    const settled = async () => { const n = await shown(); await expect.poll(() => drawn.count()).toBe(n); await audit.waitForRowHeights(); };
    await app.page.getByTestId('audit-user').selectOption(REVIEWER);
    await expect.poll(shown).toBeLessThan(all);
    await settled();
    const byReviewer = await audit.rowTexts();
    expect(byReviewer).toHaveLength(await shown());
    for (const r of byReviewer) expect(r).toContain(REVIEWER);
    await app.page.getByTestId('audit-action').selectOption('choose-submission');
    await expect.poll(shown).toBe(1);
    await app.page.getByTestId('audit-action').selectOption('');
    await app.page.getByTestId('audit-user').selectOption('');
    await app.page.getByTestId('audit-unit').selectOption(facts.acceptedUnit);
    await expect.poll(shown).toBeLessThan(all);
    await settled();
    const unitRows = await audit.rowTexts();
    expect(unitRows.length).toBeGreaterThan(0);
    for (const r of unitRows) expect(r).toContain(`(${facts.acceptedUnit})`);
    await app.page.getByTestId('audit-unit').selectOption('');
    // Every entry was written today: a range ending yesterday holds none, one from today all.
    const today = new Date();
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await app.page.getByTestId('audit-to').fill(day(new Date(today.getTime() - 86_400_000)));
    await expect.poll(shown).toBe(0);
    await app.page.getByTestId('audit-to').fill('');
    await app.page.getByTestId('audit-from').fill(day(today));
    await expect.poll(shown).toBe(all);

    await app.page.getByTestId('audit-user').selectOption(CLERK);
    const n = await shown();
    await audit.waitForRowHeights();
    await screenshot(app.page, 'audit-filtered');
    const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('audit-export').click()]);
    const saved = await file.path();
    const bytes = fs.readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Thời gian,Người thực hiện,Thao tác,Đối tượng,Thay đổi,Lý do');
    expect(lines).toHaveLength(n + 1);
    for (const l of lines.slice(1)) expect(l.split(',')[1]).toBe(CLERK);
    expect(lines.some((l) => l.includes('Chấp nhận cảnh báo') && l.includes('Đã gọi điện xác nhận'))).toBe(true);
  });

  it('threw nothing in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
