// The 部室工作台 on a phone (issue 17): headless Chromium at 390 × 844 against the real bundle served as a web app.
// 我的待办 and a case page fit the width (no horizontal scrolling), every tap target is at least 44 px, a demand holding
// <script>alert(1)</script> shows as text, and 接收 works from the page. Screenshots go to out/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import type { GasEnvironment, WebAppServer } from '../../emulator/index';
import { ROOT } from '../helpers/dist';
import { CHROMIUM, describeWithTools, TOOLS } from '../helpers/tools';
import { act, caseRow, PEOPLE, PLATFORM_CASE, register, startOffice } from './office';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
/** Written by every run (git-ignored); docs/screenshots/ holds the copies the README shows. */
const SHOTS = path.join(ROOT, 'out', 'screenshots');
const XSS = '<script>alert(1)</script>小区旁工地夜间施工，噪音扰民，要求限制施工时间。';

describeWithTools([TOOLS.chromium], '部室工作台 in headless Chromium at 390 × 844', () => {
  let env: GasEnvironment;
  let served: WebAppServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const dialogs: string[] = [];
  const caseNos: string[] = [];

  const frame = (): Frame => {
    const f = page.frames().find((x) => x.url().includes('/userCodeAppPanel'));
    if (!f) throw new Error('no user frame');
    return f;
  };
  async function open(url: string, ready: string): Promise<void> {
    await page.goto(url);
    await page.waitForFunction(() => true);
    for (let i = 0; i < 50 && !page.frames().some((x) => x.url().includes('/userCodeAppPanel')); i++)
      await page.waitForTimeout(100);
    await frame().waitForSelector(ready);
  }
  /** Nothing wider than the phone, and every link, button and field at least 44 px tall and wide enough to tap. */
  async function checkLayout(): Promise<void> {
    const layout = (await frame().evaluate(`(() => {
      const small = [...document.querySelectorAll('a, button, input, select, textarea')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ tag: e.tagName, text: (e.textContent || '').slice(0, 20), r: e.getBoundingClientRect() }))
        .filter((x) => x.r.height < 44 || x.r.width < 44)
        .map((x) => x.tag + ' ' + x.text + ' ' + Math.round(x.r.width) + '×' + Math.round(x.r.height));
      return { scroll: document.documentElement.scrollWidth, width: window.innerWidth, small };
    })()`)) as { scroll: number; width: number; small: string[] };
    expect(layout.scroll).toBeLessThanOrEqual(layout.width);
    expect(layout.small).toEqual([]);
  }

  beforeAll(async () => {
    env = startOffice('2026-10-12T09:00:00+08:00');
    env.webApp.deploy();
    for (const [name, demand] of [
      ['赵一', XSS],
      ['钱二', '道路破损，雨天积水严重，请尽快修复。'],
    ] as const) {
      const { caseNo } = register(env, { ...PLATFORM_CASE, petitionerName: name, demand });
      act(env, 'office', caseNo, ['受理交办', '签收']);
      act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
      act(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
      caseNos.push(caseNo);
    }
    served = await env.serveWebApp({ user: PEOPLE.liaison.email });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM!,
      headless: true,
      args: FLAGS,
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await served?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('我的待办 fits the phone, every tap target ≥ 44 px, the script in a demand shows as text', async () => {
    await open(served.url, 'a.item');
    expect(await page.title()).toBe('部室工作台 · 信访台账');
    const items = (await frame().evaluate(
      "[...document.querySelectorAll('a.item')].map((a) => a.innerText)",
    )) as string[];
    expect(items).toHaveLength(2);
    expect(items.join('\n')).toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
    await checkLayout();
    await page.screenshot({ path: path.join(SHOTS, 'workbench-queue.png') });
  }, 60_000);

  test('a case page fits too; 接收 from the page writes the ledger', async () => {
    const href = await frame().getAttribute('a.item', 'href');
    await open(served.localUrl(href!), 'button.primary');
    expect(await frame().textContent('dl')).toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
    await checkLayout();
    await page.screenshot({ path: path.join(SHOTS, 'workbench-case.png'), fullPage: true });
    const no = await frame().textContent('.panel .no');
    await frame().click('button:has-text("接收")');
    await frame().click('button:has-text("确认接收")');
    await frame().waitForSelector('.msg.ok');
    expect(await frame().textContent('.msg.ok')).toContain(`已接收：${no}`);
    expect(caseRow(env, no!)).toMatchObject({ 接收人: '李明' });
    expect(served.calls.map((c) => [c.functionName, c.ok])).toEqual([['workbenchAct', true]]);
    expect(caseNos).toContain(no);
  }, 60_000);
});
