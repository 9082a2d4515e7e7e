// The 钉钉机器人设置 dialog in a real browser (Debian's headless Chromium) against the local runtime and a
// DingTalk-like robot on loopback: the 信访办 sets a robot, sees only 已设置 and the token's tail, sends the test
// message, is told what is wrong with a bad secret, and clears the robot.
import { randomBytes } from 'node:crypto';

import path from 'node:path';
import { CHROMIUM, describeWithTools, TOOLS } from '../helpers/tools';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDialog, type DialogServer } from '../../emulator/host/browser-bridge';
import type { GasEnvironment } from '../../emulator/index';
import { startLoopbackServer, type LoopbackServer } from '../../emulator/url-fetch/loopback-server';
import { PEOPLE, startOffice } from './office';

const START = '2026-10-09T09:00:00+08:00';
const SECRET = 'SEC' + '9f8e7d6c5b4a3210'.repeat(4);

describeWithTools([TOOLS.chromium], '钉钉机器人设置 in headless Chromium', () => {
  let browser: Browser;
  let robot: LoopbackServer;
  let env: GasEnvironment;
  let server: DialogServer;
  let page: Page;

  beforeAll(async () => {
    robot = await startLoopbackServer(path.join(__dirname, '../fixtures/dingtalk-group-robot.ts'), {
      env: { DINGTALK_SECRET: SECRET, DINGTALK_NOW_MS: String(Date.parse(START)) },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.close();
  });

  beforeEach(async () => {
    env = startOffice(START);
    env.http.forward('https://oapi.dingtalk.com', robot.url);
    env.open({ user: PEOPLE.office.email });
    env.clickMenu('信访台账', '期限提醒', '钉钉机器人设置…', { user: PEOPLE.office.email });
    server = await serveDialog(env, (d) => d.title === '钉钉机器人设置');
    page = await browser.newPage();
    await page.goto(server.url);
  });
  afterEach(async () => {
    await page?.close();
    await server?.close();
    env.http.close();
  });

  const message = (): Promise<string> => page.textContent('#msg').then((t) => t ?? '');
  async function click(button: string, until: RegExp): Promise<string> {
    await page.click(button);
    await page.waitForFunction(`${until.toString()}.test(document.getElementById('msg').textContent)`);
    return message();
  }
  const rowOf = (group: string): Promise<string> =>
    page
      .locator('#rows tr', { hasText: group })
      .innerText()
      .then((t) => t.replace(/\s+/g, ' ').trim());

  it('sets a robot, sends the test message, refuses a bad secret, and clears it', async () => {
    const token = randomBytes(32).toString('hex');
    expect(await rowOf('规划建设部')).toBe('规划建设部 未设置');
    await page.selectOption('#group', '规划建设部');
    expect(await page.isDisabled('#test')).toBe(true);

    await page.fill('#url', `https://oapi.dingtalk.com/robot/send?access_token=${token}`);
    await page.fill('#secret', 'abc');
    expect(await click('#save', /SEC 开头/)).toBe('加签密钥应以 SEC 开头，请从机器人安全设置中复制。');
    expect(await page.getAttribute('#msg', 'class')).toBe('error');

    await page.fill('#secret', SECRET);
    expect(await click('#save', /已保存/)).toContain(`（…${token.slice(-4)}）`);
    expect(await page.inputValue('#url')).toBe('');
    expect(await page.inputValue('#secret')).toBe('');
    expect(await rowOf('规划建设部')).toBe(`规划建设部 已设置（…${token.slice(-4)}）`);
    expect(await page.content()).not.toContain(SECRET);

    expect(await click('#test', /已向|失败|推迟|未发送/)).toBe('已向「规划建设部」发送测试消息，请在钉钉群中查看。');
    const posted = env.http.log.filter((e) => e.url.startsWith('https://oapi.dingtalk.com/'));
    expect(posted.map((e) => JSON.parse(e.payload!).markdown.text)).toEqual([
      '#### 信访台账 · 测试消息\n本群的钉钉机器人已接入「信访台账」，期限提醒将发到这里。（测试消息，由 王芳 发送）',
    ]);

    expect(await click('#clear', /已清除/)).toBe('已清除「规划建设部」的钉钉机器人。');
    expect(await rowOf('规划建设部')).toBe('规划建设部 未设置');
    expect(await page.isDisabled('#clear')).toBe(true);
  });
});
