// The deployed web app served to headless Chromium as one visitor opens it (env.serveWebApp): Google's top page with
// the title and meta tags, the script's HTML in a sandboxed iframe of another origin, google.script.run running as
// that visitor, google.script.url and google.script.history working on the top page's URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { createGasEnvironment, type GasEnvironment, type WebAppServer } from '../../../emulator/index';
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
const OWNER = 'owner@example.gov.cn';
const LIAISON = 'liaison@example.gov.cn';

const APP = `
function doGet(e) {
  var t = HtmlService.createTemplateFromFile('Page');
  t.page = e.parameter.page || '';
  t.url = ScriptApp.getService().getUrl();
  if (e.parameter.page === 'csv') return ContentService.createTextOutput('编号,状态').setMimeType(ContentService.MimeType.CSV);
  return t.evaluate().setTitle('部室工作台').addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
function doPost(e) { return ContentService.createTextOutput(JSON.stringify(e.parameter)).setMimeType(ContentService.MimeType.JSON); }
function whoAmI() { return Session.getActiveUser().getEmail() + ' as ' + Session.getEffectiveUser().getEmail(); }
`;

const PAGE = `<!DOCTYPE html>
<html><head><base target="_top"><meta name="description" content="ignored: only addMetaTag's tags reach the page"></head>
<body>
  <p id="param"><?= page ?></p>
  <a id="self" href="<?= url ?>?page=link">自己</a>
  <button id="who" onclick="google.script.run.withSuccessHandler(show('out')).whoAmI()">我是谁</button>
  <button id="loc" onclick="google.script.url.getLocation(function (l) { show('out')(JSON.stringify(l)); })">位置</button>
  <button id="push" onclick="google.script.history.push({ step: 2 }, { page: 'two' }, '案件-12')">前进</button>
  <p id="out"></p>
  <p id="changed"></p>
  <script>
    function show(id) { return function (v) { document.getElementById(id).textContent = v; }; }
    google.script.history.setChangeHandler(function (e) {
      document.getElementById('changed').textContent = JSON.stringify({ state: e.state, location: e.location });
    });
  </script>
</body></html>`;

describeWithTools([TOOLS.chromium], 'a web app in headless Chromium', () => {
  let env: GasEnvironment;
  let served: WebAppServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const frame = (): Frame => {
    const f = page.frames().find((x) => x.url().includes('/userCodeAppPanel'));
    if (!f) throw new Error('no user frame');
    return f;
  };
  const textIn = async (selector: string): Promise<string> => {
    await frame().waitForFunction(`document.querySelector(${JSON.stringify(selector)}).textContent !== ''`);
    return (await frame().textContent(selector)) ?? '';
  };

  beforeAll(async () => {
    env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00', owner: OWNER });
    env.loadSource(
      APP,
      { timeZone: 'Asia/Shanghai', webapp: { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' } },
      { 'Page.html': PAGE },
    );
    env.webApp.deploy();
    served = await env.serveWebApp({ user: LIAISON, parameter: { page: 'one' } });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM!,
      headless: true,
      args: FLAGS,
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    await page.goto(served.url);
    await frame().waitForSelector('#param');
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await served?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test(`the top page has setTitle's title and addMetaTag's viewport; the script's HTML and its own meta tags live in the iframe  [https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)]`, async () => {
    expect(await page.title()).toBe('部室工作台');
    expect(await page.getAttribute('meta[name="viewport"]', 'content')).toBe('width=device-width, initial-scale=1');
    expect(await page.$('meta[name="description"]')).toBeNull();
    expect(await frame().textContent('#param')).toBe('one');
    expect(new URL(frame().url()).origin).not.toBe(new URL(page.url()).origin);
    expect(await page.getAttribute('#sandboxFrame', 'sandbox')).toContain('allow-scripts');
  });

  test('google.script.run runs as the visitor: active user the liaison, the code as the owner', async () => {
    await frame().click('#who');
    expect(await textIn('#out')).toBe(`${LIAISON} as ${OWNER}`);
    expect(env.executions().at(-1)).toMatchObject({
      functionName: 'whoAmI',
      kind: 'webApp',
      user: LIAISON,
      effectiveUser: OWNER,
    });
    expect(served.calls.map((c) => [c.functionName, c.ok])).toEqual([['whoAmI', true]]);
  });

  test(`google.script.url.getLocation gives the top page's parameters and hash  [https://developers.google.com/apps-script/guides/html/reference/url]`, async () => {
    await frame().evaluate(`document.getElementById('out').textContent = ''`);
    await frame().click('#loc');
    expect(JSON.parse(await textIn('#out'))).toEqual({
      hash: '',
      parameter: { page: 'one' },
      parameters: { page: ['one'] },
    });
  });

  test(`google.script.history.push changes the top page's URL; back fires the change handler with the earlier location  [https://developers.google.com/apps-script/guides/html/reference/history]`, async () => {
    await frame().click('#push');
    await page.waitForURL(/\?page=two#/);
    await frame().evaluate(`document.getElementById('out').textContent = ''`);
    await frame().click('#loc');
    expect(JSON.parse(await textIn('#out'))).toEqual({
      hash: '案件-12',
      parameter: { page: 'two' },
      parameters: { page: ['two'] },
    });
    await page.goBack();
    expect(JSON.parse(await textIn('#changed'))).toEqual({
      state: null,
      location: { hash: '', parameter: { page: 'one' }, parameters: { page: ['one'] } },
    });
    expect(served.responses).toHaveLength(1); // history changes load nothing
  });

  test(`a link the app built from getUrl() is the /exec URL; followed on loopback it runs doGet again  [https://developers.google.com/apps-script/reference/script/service#getUrl()]`, async () => {
    const href = (await frame().getAttribute('#self', 'href'))!;
    expect(href).toBe(`${env.webApp.url()}?page=link`);
    await page.goto(served.localUrl(href));
    await page.waitForFunction(`(document.getElementById('sandboxFrame') || { src: '' }).src.includes('k=2')`);
    await frame().waitForSelector('#param');
    expect(await frame().textContent('#param')).toBe('link');
    expect(served.responses.map((r) => r.kind)).toEqual(['html', 'html']);
  });

  test('a TextOutput is served as is with its Content-Type; a POST runs doPost', async () => {
    const csv = await fetch(served.localUrl(`${env.webApp.url()}?page=csv`));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe('编号,状态');
    const post = await fetch(served.localUrl(env.webApp.url()!), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(await post.json()).toEqual({ a: '1' });
    expect(() => served.localUrl('https://example.com/exec')).toThrow(/not a URL of this deployment/);
  });
});
