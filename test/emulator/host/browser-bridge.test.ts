// A dialog served to headless Chromium: the page fills and submits a form through google.script.run, and the
// server function's effect shows in the environment; a Date argument and a thrown error reach the failure handler.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createGasEnvironment, type GasEnvironment } from '../../../emulator/index';
import type { DialogServer } from '../../../emulator/host/browser-bridge';
import { CHROMIUM, describeWithTools, TOOLS } from '../../helpers/tools';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const APP = `
function onOpen() {
  SpreadsheetApp.getUi().createMenu('信访').addItem('登记', 'showDialog').addToUi();
}
function showDialog() {
  var t = HtmlService.createTemplateFromFile('Dialog');
  t.heading = '信访登记';
  SpreadsheetApp.getUi().showModalDialog(t.evaluate().setWidth(400).setHeight(300), '登记');
}
function register(form) {
  PropertiesService.getScriptProperties().setProperty('last', form.name + '|' + form.kind);
  return '已登记 ' + form.name;
}
function refuse() { throw new Error('没有权限'); }
`;

describeWithTools([TOOLS.chromium], 'a dialog in headless Chromium', () => {
  let env: GasEnvironment;
  let served: DialogServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    env = createGasEnvironment();
    env.loadSource(APP, null, {
      'Dialog.html': fs.readFileSync(path.join(__dirname, '../../fixtures/bridge/dialog.html'), 'utf8'),
    });
    env.open();
    env.clickMenu('信访', '登记');
    expect(env.ui.dialogs.at(-1)).toMatchObject({ kind: 'modal', title: '登记', width: 400, height: 300 });
    served = await env.serveDialog();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM!,
      headless: true,
      args: FLAGS,
    });
    page = await context.newPage();
    await page.goto(served.url);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await served?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('the template rendered the heading', async () => {
    expect(await page.textContent('#heading')).toBe('信访登记');
  });

  test('submitting the form runs the server function as its own execution', async () => {
    await page.fill('#name', '张三');
    await page.selectOption('#kind', '来访');
    await page.click('#submit');
    await page.waitForFunction('document.getElementById("result").textContent !== ""');
    expect(await page.textContent('#result')).toBe('已登记 张三 (form)');
    expect(env.globals.PropertiesService.getScriptProperties().getProperty('last')).toBe('张三|来访');
    const ex = env.executions().at(-1)!;
    expect(ex).toMatchObject({ functionName: 'register', kind: 'dialog', outcome: 'completed' });
  });

  test("a Date in the arguments fails the call with Apps Script's message", async () => {
    await page.click('#date');
    await page.waitForFunction('document.getElementById("error").textContent !== ""');
    expect(await page.textContent('#error')).toContain('Failed due to illegal value in property: 0.when');
  });

  test('an error thrown by the server function reaches the failure handler', async () => {
    await page.click('#refuse');
    await page.waitForFunction('document.getElementById("error").textContent.includes("没有权限")');
    expect(await page.textContent('#error')).toBe('Error: 没有权限 (refuse)');
    expect(served.calls.map((c) => [c.functionName, c.ok])).toEqual([
      ['register', true],
      ['register', false],
      ['refuse', false],
    ]);
  });

  test('google.script.host.close() closes the dialog', async () => {
    await page.click('#close');
    await served.whenClosed;
    expect(served.closed).toBe(true);
  });
});
