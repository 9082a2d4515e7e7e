// The 新建信访件 sidebar in a real browser (Debian's headless Chromium) against the local runtime: a valid case
// lands in the ledger; an invalid ID number shows the error in the page and writes nothing.

import { CHROMIUM, describeWithTools, TOOLS } from '../helpers/tools';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDialog, type DialogServer } from '../../emulator/host/browser-bridge';
import type { GasEnvironment } from '../../emulator/index';
import { PEOPLE, rowsOf, startOffice } from './office';

describeWithTools([TOOLS.chromium], '新建信访件 in headless Chromium', () => {
  let browser: Browser;
  let env: GasEnvironment;
  let server: DialogServer;
  let page: Page;

  beforeAll(async () => {
    // playwright gives each launch a fresh, empty profile (it refuses --user-data-dir on launch()).
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    env = startOffice();
    env.open({ user: PEOPLE.office.email });
    env.clickMenu('信访台账', '新建信访件…', { user: PEOPLE.office.email });
    server = await serveDialog(env, (d) => d.title === '新建信访件');
    page = await browser.newPage();
    await page.goto(server.url);
  });
  afterEach(async () => {
    await page?.close();
    await server?.close();
  });

  async function fillCommon(idNumber: string): Promise<void> {
    await page.fill('#petitionDate', '2026-10-09');
    await page.fill('#petitionerName', '张三');
    await page.fill('#idNumber', idNumber);
    await page.fill('#phone', '13812345678');
    await page.selectOption('#source', '本级');
    await page.selectOption('#formKind', '来信');
    await page.selectOption('#matterType', '投诉');
    await page.fill('#demand', '小区旁工地夜间施工扰民。');
  }

  it('registers a valid case: it appears in the ledger with its 编号', async () => {
    await fillCommon('11010519491231002X');
    await page.click('#submit');
    await page.waitForFunction("/已登记|未登记|出错/.test(document.getElementById('result').textContent)");
    expect(await page.textContent('#result')).toContain('已登记：镜访〔2026〕001号');
    expect(rowsOf(env, '台账')).toEqual([
      expect.objectContaining({
        编号: '镜访〔2026〕001号',
        信访人姓名: '张三',
        状态: '待签收',
        身份证号码: '11010519491231002X',
      }),
    ]);
  });

  it('shows the checksum problem of a bad ID number, and registers the petition anyway, flagged (接收必登)', async () => {
    await fillCommon('110105194912310021');
    await page.dispatchEvent('#idNumber', 'change');
    expect(await page.textContent('#h_idNumber')).toContain('校验位不正确（应为 X）');
    await page.click('#submit');
    await page.waitForFunction("/已登记|未登记|出错/.test(document.getElementById('result').textContent)");
    expect(await page.textContent('#result')).toContain('已登记：镜访〔2026〕001号');
    expect(await page.textContent('#result')).toContain('请核对：身份证号码校验位不正确（应为 X）');
    expect(rowsOf(env, '台账')).toEqual([
      expect.objectContaining({
        身份证号码: '110105194912310021',
        登记提示: '身份证号码校验位不正确（应为 X）',
      }),
    ]);
  });

  it('asks a platform case for the platform’s deadline, and registers it without one, flagged', async () => {
    await fillCommon('11010519491231002X');
    await page.selectOption('#source', '上级');
    expect(await page.textContent('#dueLabel')).toContain('平台办理期限');
    await page.fill('#upstreamNo', 'ZJ2026100900123');
    expect(await page.textContent('#h_dueDate')).toContain('未填平台期限也可登记');
    await page.click('#submit');
    await page.waitForFunction("/已登记|未登记|出错/.test(document.getElementById('result').textContent)");
    expect(await page.textContent('#result')).toContain('请核对：上级平台办理期限未填');
  });
});
