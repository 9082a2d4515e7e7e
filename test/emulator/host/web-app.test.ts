// The deployed web app as visitors meet it (env.webApp): doGet/doPost with Apps Script's event object, what the
// browser receives for an HtmlOutput, a TextOutput or anything else, Google's pages for errors and refusals, and
// google.script.run from the page as the visitor.
import { createGasEnvironment, type GasEnvironment, type Manifest } from '../../../emulator/index';

const WEB = 'https://developers.google.com/apps-script/guides/web';
const MANIFEST = 'https://developers.google.com/apps-script/manifest/web-app-api-executable#webapp';
const HTML_OUTPUT = 'https://developers.google.com/apps-script/reference/html/html-output';
const TEXT_OUTPUT = 'https://developers.google.com/apps-script/reference/content/text-output';
const OWNER = 'owner@example.gov.cn';
const LIAISON = 'liaison@example.gov.cn';
const OUTSIDER = 'someone@gmail.com';

const APP = `
function doGet(e) {
  if (e.parameter.page === 'event') return ContentService.createTextOutput(JSON.stringify(e)).setMimeType(ContentService.MimeType.JSON);
  if (e.parameter.page === 'nothing') return;
  if (e.parameter.page === 'string') return '<p>hi</p>';
  if (e.parameter.page === 'throw') throw new Error('页面出错');
  if (e.parameter.page === 'csv') return ContentService.createTextOutput('编号,状态').setMimeType(ContentService.MimeType.CSV).downloadAsFile('台账.csv');
  if (e.parameter.page === 'url') return ContentService.createTextOutput(ScriptApp.getService().getUrl());
  var out = HtmlService.createHtmlOutput('<p>' + Session.getActiveUser().getEmail() + '</p>')
    .setTitle('部室工作台')
    .addMetaTag('viewport', 'width=device-width, initial-scale=1')
    .setFaviconUrl('https://example.gov.cn/favicon.png');
  if (e.parameter.frame === 'all') out.setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
  return out;
}
function doPost(e) { return ContentService.createTextOutput(JSON.stringify(e)).setMimeType(ContentService.MimeType.JSON); }
function whoAmI() { return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail() }; }
`;

function deployed(
  webapp: Manifest['webapp'] = { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' },
  code = APP,
  o = {},
): GasEnvironment {
  const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00', owner: OWNER, ...o });
  env.loadSource(code, { timeZone: 'Asia/Shanghai', webapp });
  env.webApp.deploy();
  return env;
}

function textOf(r: ReturnType<GasEnvironment['webApp']['get']>): string {
  if (r.kind !== 'text') throw new Error(`expected text, got ${JSON.stringify(r)}`);
  return r.content;
}

describe('the event object', () => {
  test(`doGet without a query: parameter(s) empty, queryString null, contentLength -1, contextPath '', no pathInfo  [${WEB}#request_parameters]`, () => {
    const env = deployed(undefined, 'function doGet(e) { return ContentService.createTextOutput(JSON.stringify(e)); }');
    expect(JSON.parse(textOf(env.webApp.get({ user: LIAISON })))).toEqual({
      queryString: null,
      parameter: {},
      parameters: {},
      contextPath: '',
      contentLength: -1,
    });
  });

  test(`doGet: parameter has each name's first value, parameters all of them, queryString the raw query, pathInfo the path after /exec  [${WEB}#request_parameters]`, () => {
    const e = JSON.parse(
      textOf(
        deployed().webApp.get({
          user: LIAISON,
          parameters: { n: ['1', '2'] },
          parameter: { page: 'event', name: '规划建设部' },
          pathInfo: 'case/12',
        }),
      ),
    );
    expect(e.parameter).toEqual({ n: '1', page: 'event', name: '规划建设部' });
    expect(e.parameters).toEqual({ n: ['1', '2'], page: ['event'], name: ['规划建设部'] });
    expect(e.queryString).toBe(`n=1&n=2&page=event&name=${encodeURIComponent('规划建设部')}`);
    expect([e.pathInfo, e.contentLength, e.contextPath]).toEqual(['case/12', -1, '']);
  });

  test(`doPost: postData {length, type, contents, name: "postData"} and contentLength in bytes  [${WEB}#request_parameters]`, () => {
    const body = JSON.stringify({ 编号: '镜访〔2026〕012号' });
    const e = JSON.parse(
      textOf(
        deployed().webApp.post({
          user: LIAISON,
          parameter: { a: '1' },
          postData: { type: 'application/json', contents: body },
        }),
      ),
    );
    const length = Buffer.byteLength(body, 'utf8');
    expect(e.postData).toEqual({ length, type: 'application/json', contents: body, name: 'postData' });
    expect([e.contentLength, e.queryString, e.parameter]).toEqual([length, 'a=1', { a: '1' }]);
  });

  test("assumed: a form-urlencoded body (the default type, as an HTML form sends it) adds its fields to the parameters after the query's", () => {
    const e = JSON.parse(
      textOf(
        deployed().webApp.post({
          user: LIAISON,
          parameter: { a: '1' },
          postData: { contents: 'a=2&b=%E4%BF%A1+%E8%AE%BF' },
        }),
      ),
    );
    expect(e.postData.type).toBe('application/x-www-form-urlencoded');
    expect(e.parameters).toEqual({ a: ['1', '2'], b: ['信 访'] });
    expect(e.parameter).toEqual({ a: '1', b: '信 访' });
  });
});

describe('what the browser receives', () => {
  test(`an HtmlOutput: Google's page with setTitle's title, the allowed meta tags, the favicon, X-Frame-Options DEFAULT, and the script's HTML  [${HTML_OUTPUT}]`, () => {
    const page = deployed().webApp.get({ user: LIAISON });
    expect(page).toEqual({
      kind: 'html',
      title: '部室工作台',
      metaTags: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
      faviconUrl: 'https://example.gov.cn/favicon.png',
      xFrameOptions: 'DEFAULT',
      html: `<p>${LIAISON}</p>`,
    });
  });

  test(`setXFrameOptionsMode(ALLOWALL) serves the page without the header  [${HTML_OUTPUT}#setXFrameOptionsMode(XFrameOptionsMode)]`, () => {
    expect(deployed().webApp.get({ user: LIAISON, parameter: { frame: 'all' } })).toMatchObject({
      xFrameOptions: 'ALLOWALL',
    });
  });

  test(`a TextOutput: its content with its MIME type; downloadAsFile's name  [${TEXT_OUTPUT}]`, () => {
    expect(deployed().webApp.get({ user: LIAISON, parameter: { page: 'csv' } })).toEqual({
      kind: 'text',
      mimeType: 'text/csv',
      content: '编号,状态',
      fileName: '台账.csv',
    });
  });

  test(`the web app's own execution gets its /exec URL from ScriptApp.getService().getUrl()  [https://developers.google.com/apps-script/reference/script/service#getUrl()]`, () => {
    const env = deployed();
    expect(textOf(env.webApp.get({ user: LIAISON, parameter: { page: 'url' } }))).toBe(env.webApp.url());
  });

  test(`doGet returning nothing: "The script completed but did not return anything."  [${WEB} (the function must return an HtmlOutput or a TextOutput); public reports of the page's text]`, () => {
    expect(deployed().webApp.get({ user: LIAISON, parameter: { page: 'nothing' } })).toEqual({
      kind: 'error',
      message: 'The script completed but did not return anything.',
    });
  });

  test('assumed: doGet returning a string (not an output object) gets the same page', () => {
    expect(deployed().webApp.get({ user: LIAISON, parameter: { page: 'string' } })).toEqual({
      kind: 'error',
      message: 'The script completed but did not return anything.',
    });
  });

  test('a project without doGet (or doPost): Google\'s page "Script function not found: doGet"  [public reports of the page\'s text]', () => {
    const env = deployed(undefined, 'function other() {}');
    expect(env.webApp.get({ user: LIAISON })).toEqual({ kind: 'error', message: 'Script function not found: doGet' });
    expect(env.webApp.post({ user: LIAISON, postData: { contents: '' } })).toEqual({
      kind: 'error',
      message: 'Script function not found: doPost',
    });
  });

  test("an error doGet throws shows on Google's error page (assumed: as the app prints it, without Google's line and file)", () => {
    const env = deployed();
    expect(env.webApp.get({ user: LIAISON, parameter: { page: 'throw' } })).toEqual({
      kind: 'error',
      message: 'Error: 页面出错',
    });
    expect(env.executions().at(-1)).toMatchObject({ functionName: 'doGet', kind: 'webApp', outcome: 'failed' });
  });
});

describe('who may open it (the manifest webapp section)', () => {
  const runs = (env: GasEnvironment): number => env.executions().length;

  test(`access DOMAIN: a visitor outside the owner's domain is refused before any code runs  [${MANIFEST}]`, () => {
    const env = deployed();
    expect(env.webApp.get({ user: OUTSIDER })).toMatchObject({ kind: 'refused', signIn: false });
    expect(runs(env)).toBe(0);
    expect(env.webApp.get({ user: LIAISON })).toMatchObject({ kind: 'html' });
    expect(env.executions()).toMatchObject([
      { functionName: 'doGet', kind: 'webApp', user: LIAISON, effectiveUser: OWNER },
    ]);
  });

  test(`access DOMAIN on a consumer account refuses everyone else; MYSELF admits only the owner  [${MANIFEST}]`, () => {
    const consumer = deployed(undefined, APP, { accountType: 'consumer' });
    expect(consumer.webApp.get({ user: LIAISON })).toMatchObject({ kind: 'refused' });
    const mine = deployed({ executeAs: 'USER_DEPLOYING', access: 'MYSELF' });
    expect(mine.webApp.get({ user: LIAISON })).toMatchObject({ kind: 'refused', signIn: false });
    expect(mine.webApp.get({ user: OWNER })).toMatchObject({ kind: 'html', html: `<p>${OWNER}</p>` });
  });

  test(`access ANYONE: any signed-in account gets in (the script does not learn who an outsider is); someone not signed in is sent to sign in  [${MANIFEST}]`, () => {
    const env = deployed({ executeAs: 'USER_DEPLOYING', access: 'ANYONE' });
    expect(env.webApp.get({ user: OUTSIDER })).toMatchObject({ kind: 'html', html: '<p></p>' });
    expect(env.webApp.get({ user: '' })).toMatchObject({ kind: 'refused', signIn: true });
    expect(runs(env)).toBe(1);
  });

  test(`access ANYONE_ANONYMOUS: someone not signed in gets in, as no one; the code runs as the owner  [${MANIFEST}]`, () => {
    const env = deployed({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
    expect(env.webApp.get({ user: '' })).toMatchObject({ kind: 'html', html: '<p></p>' });
    expect(env.executions().at(-1)).toMatchObject({ user: '', effectiveUser: OWNER });
  });

  test(`executeAs USER_ACCESSING runs as the visitor; someone not signed in must sign in (there is no one to run as)  [${MANIFEST}]`, () => {
    const env = deployed({ executeAs: 'USER_ACCESSING', access: 'ANYONE_ANONYMOUS' });
    expect(env.webApp.get({ user: OUTSIDER })).toMatchObject({ kind: 'html', html: `<p>${OUTSIDER}</p>` });
    expect(env.executions().at(-1)).toMatchObject({ user: OUTSIDER, effectiveUser: OUTSIDER });
    expect(env.webApp.get({ user: '' })).toMatchObject({ kind: 'refused', signIn: true });
  });

  test('a web app the host has not deployed cannot be visited (host error naming env.webApp.deploy)', () => {
    const env = createGasEnvironment();
    env.loadSource(APP, { timeZone: 'Asia/Shanghai', webapp: { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' } });
    expect(() => env.webApp.get({ user: LIAISON })).toThrow(/not deployed — call env\.webApp\.deploy\(\)/);
    expect(() => env.webApp.run('whoAmI', [], { user: LIAISON })).toThrow(/not deployed/);
  });
});

describe('google.script.run from the page', () => {
  test(`runs as the visitor's web-app execution: the visitor is the active user, the code runs as executeAs says  [${MANIFEST}]`, () => {
    const env = deployed();
    expect(env.webApp.run('whoAmI', [], { user: LIAISON })).toEqual({ active: LIAISON, effective: OWNER });
    expect(env.executions().at(-1)).toMatchObject({
      functionName: 'whoAmI',
      kind: 'webApp',
      user: LIAISON,
      effectiveUser: OWNER,
    });
  });

  test("a visitor Google refuses cannot call the page's functions either", () => {
    expect(() => deployed().webApp.run('whoAmI', [], { user: OUTSIDER })).toThrow(/access DOMAIN/);
  });

  test(`a Date argument fails the call as google.script.run does  [https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values]`, () => {
    expect(() => deployed().webApp.run('whoAmI', [{ when: new Date() }], { user: LIAISON })).toThrow(
      'Failed due to illegal value in property: 0.when',
    );
  });

  test("the older helpers still work and deploy on first use: visitWebApp returns doGet's output, callFromWebApp the result", () => {
    const env = createGasEnvironment({ owner: OWNER });
    env.loadSource(APP, { timeZone: 'Asia/Shanghai', webapp: { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' } });
    expect((env.visitWebApp({ user: LIAISON }) as { getTitle(): string }).getTitle()).toBe('部室工作台');
    expect(env.webApp.url()).not.toBeNull();
    expect(env.callFromWebApp('whoAmI', [], { user: LIAISON })).toEqual({ active: LIAISON, effective: OWNER });
  });
});
