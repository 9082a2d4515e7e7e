// The 归档往年 sidebar in a real browser (Debian's headless Chromium) against the local runtime: started by the
// 信访办, its own script asks for slice after slice until every year is moved and lists the archives; a step that
// fails stops it with the reason and whether 台账 was touched, and 继续 finishes the run.
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDialog, type DialogServer } from '../../emulator/host/browser-bridge';
import type { GasEnvironment } from '../../emulator/index';
import { CHROMIUM, describeWithTools, TOOLS } from '../helpers/tools';
import { CASES, NOW, OFFICE, records, seed, ss, STAYING } from './archive';
import { startOffice } from './office';

describeWithTools([TOOLS.chromium], '归档往年 sidebar in headless Chromium', () => {
  let browser: Browser;
  const open: { page?: Page; server?: DialogServer }[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    for (const o of open) {
      await o.page?.close();
      await o.server?.close();
    }
    await browser?.close();
  });

  /** The office with the scenario's ledger and the sidebar opened from the menu, served to a new browser page. */
  async function sidebar(): Promise<{ env: GasEnvironment; page: Page }> {
    const env = startOffice(NOW);
    seed(env, CASES);
    env.open(OFFICE);
    env.clickMenu('信访台账', '标记与归档', '归档往年…', OFFICE);
    const server = await serveDialog(env, (d) => d.kind === 'sidebar' && d.title === '归档往年信访件');
    const page = await browser.newPage();
    open.push({ page, server });
    await page.goto(server.url);
    return { env, page };
  }

  it('shows what may move, runs the slices itself once started, and lists the archives', async () => {
    const { env, page } = await sidebar();
    expect(await page.textContent('#step')).toBe('可以归档');
    expect(await page.textContent('#waiting')).toContain('2023 年：3 件');
    expect(await page.textContent('#staying')).toContain('尚未归档：1 件');
    await page.click('#go');
    await page.waitForFunction("document.getElementById('step').textContent === '归档完成'", null, {
      timeout: 60_000,
    });
    expect(await page.textContent('#moved')).toContain('2024 年：2 件');
    expect(await page.locator('#archives a').allTextContents()).toEqual(['信访台账归档 2023', '信访台账归档 2024']);
    expect(records(ss(env).getSheetByName('台账')).map((r) => r['编号'])).toEqual(STAYING);
  }, 90_000);

  it('stops on a failed step with the reason, and 继续 finishes the run', async () => {
    const { env, page } = await sidebar();
    env.faults.failOn('SpreadsheetApp.Range.setNumberFormats', {
      nth: 2,
      error: 'Service Spreadsheets timed out while accessing document with id 1xyz.',
    });
    await page.click('#go');
    await page.waitForFunction("document.getElementById('error').textContent !== ''", null, { timeout: 60_000 });
    expect(await page.textContent('#error')).toContain('台账未改动（没有任何行被移出）。');
    expect(await page.textContent('#go')).toBe('继续');
    expect(records(ss(env).getSheetByName('台账'))).toHaveLength(CASES.length);
    await page.click('#go');
    await page.waitForFunction("document.getElementById('step').textContent === '归档完成'", null, {
      timeout: 60_000,
    });
    expect(records(ss(env).getSheetByName('台账')).map((r) => r['编号'])).toEqual(STAYING);
  }, 90_000);
});
