// The 生成表单 sidebar in a real browser (Debian's headless Chromium) against the local runtime: its own script asks
// for slice after slice until the batch is done, shows 已生成 n/m and the links; cut off and closed half-way, the
// sidebar opened again from the menu finishes the rest, each form made once.

import { CHROMIUM, describeWithTools, TOOLS } from '../helpers/tools';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDialog, type DialogServer } from '../../emulator/host/browser-bridge';
import type { GasEnvironment } from '../../emulator/index';
import { PEOPLE, PLATFORM_CASE, register, rowsOf, selectCase } from './office';
import { formsOffice, generate } from './forms';

const office = { user: PEOPLE.office.email };

describeWithTools([TOOLS.chromium], '生成表单 sidebar in headless Chromium', () => {
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

  /** The last sidebar the app showed, served to a new browser page. */
  async function showSidebar(env: GasEnvironment): Promise<Page> {
    const server = await serveDialog(env, (d) => d.kind === 'sidebar' && d.title === '生成表单');
    const page = await browser.newPage();
    open.push({ page, server });
    await page.goto(server.url);
    return page;
  }

  function signed(env: GasEnvironment, n: number): string[] {
    const nos = Array.from(
      { length: n },
      (_, i) =>
        register(env, { ...PLATFORM_CASE, petitionerName: `群众${i}`, upstreamNo: `ZJ${i}`, idNumber: '' }).caseNo,
    );
    env.open(office);
    selectCase(env, 'office', ...nos);
    env.clickMenu('信访台账', '受理交办', '签收', office);
    return nos;
  }

  it('runs the slices itself until the batch is done, and lists the links', async () => {
    const env = formsOffice();
    const nos = signed(env, 8);
    const first = generate(env, 'office', nos, 3)!;
    expect(first.finished).toBe(false);
    const page = await showSidebar(env);
    await page.waitForFunction("/全部完成/.test(document.getElementById('msg').textContent)", null, {
      timeout: 60_000,
    });
    expect(await page.textContent('#progress')).toBe('已生成 8/8');
    expect(await page.locator('#made a').count()).toBe(8);
    expect(rowsOf(env, '文书')).toHaveLength(8);
  }, 90_000);

  it('cut off half-way (the connection drops, the person closes it), finishes from 批量生成进度…, each form once', async () => {
    const env = formsOffice();
    const nos = signed(env, 10);
    generate(env, 'office', nos, 3);
    const server = await serveDialog(env, (d) => d.kind === 'sidebar' && d.title === '生成表单');
    const page = await browser.newPage();
    open.push({ page, server });
    // Two slices reach the server; the third call fails as a dropped connection would.
    let calls = 0;
    await page.route('**/__gas/run', (route) =>
      ++calls <= 2
        ? route.continue()
        : route.fulfill({
            contentType: 'application/json',
            body: JSON.stringify({ ok: false, error: { name: 'Error', message: '网络连接中断' } }),
          }),
    );
    await page.goto(server.url);
    await page.waitForFunction("/已暂停/.test(document.getElementById('msg').textContent)", null, { timeout: 60_000 });
    expect(await page.textContent('#msg')).toContain('网络连接中断');
    await page.close();
    const stopped = rowsOf(env, '文书').length;
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(10);

    env.open(office);
    env.clickMenu('信访台账', '生成表单', '批量生成进度…', office);
    const again = await showSidebar(env);
    await again.waitForFunction("/全部完成/.test(document.getElementById('msg').textContent)", null, {
      timeout: 60_000,
    });
    expect(await again.textContent('#progress')).toBe('已生成 10/10');
    const records = rowsOf(env, '文书');
    expect(records).toHaveLength(10);
    expect(new Set(records.map((r) => r['编号'])).size).toBe(10);
  }, 90_000);
});
