// What people do: open the spreadsheet (simple and installable on-open), click menus, type and paste
// (installable on-edit, never on script writes), select — each its own execution with the right identity; plus the
// contract checks of what an execution sees after env.select and env.typeInto.
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from '../../../emulator/index';
import { runChecks, type Check } from '../harness';

const FIDELITY = '../shared/docs/local-runtime-fidelity.md';
const SESSION = 'https://developers.google.com/apps-script/reference/base/session';

export const interactionChecks: Check[] = [
  {
    name: "env.select sets a person's selection, seen by their executions",
    source: FIDELITY + ' §3.7',
    setup: (env) => env.select('Sheet1', 'C3:D4'),
    run: (t) => {
      t.equal(SpreadsheetApp.getActiveRange().getA1Notation(), 'C3:D4');
    },
  },
  {
    name: 'a person typing parses in the spreadsheet locale, like a script write',
    source: FIDELITY + ' §3.4',
    setup: (env) => {
      env.loadSource('function noop() {}');
      env.typeInto('Sheet1', 'A1', '2026年10月5日');
      env.typeInto('Sheet1', 'B1:C1', [['00042', '=A1']]);
    },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal((sh.getRange('A1').getValue() as Date).getTime(), new Date(2026, 9, 5).getTime());
      t.equal(sh.getRange('B1').getValue(), 42);
      t.equal(sh.getRange('C1').getFormula(), '=A1');
      t.equal(SpreadsheetApp.getActiveRange().getA1Notation(), 'B1:C1');
    },
  },
];

runChecks('host.interactions', interactionChecks);

const NOW = '2024-03-05T09:00:00+08:00';
const CLERK = 'clerk@example.gov.cn';
const OUTSIDER = 'someone@gmail.com';

const APP = `
function onOpen(e) {
  var ui = SpreadsheetApp.getUi();
  ui.createMenu('台账').addItem('登记', 'register').addSeparator()
    .addSubMenu(ui.createMenu('管理').addItem('安装', 'install').addItem('对象方法', 'tools.ping')).addToUi();
  PropertiesService.getScriptProperties().setProperty('openEvent', JSON.stringify({ mode: e.authMode, user: e.user.getEmail(), hasSource: !!e.source }));
}
var tools = { ping: function () { return 'pong ' + Session.getActiveUser().getEmail(); } };
function register() { return Session.getActiveUser().getEmail(); }
function install() {
  var ss = SpreadsheetApp.getActive();
  ScriptApp.newTrigger('edited').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('opened').forSpreadsheet(ss).onOpen().create();
}
function opened(e) {
  SpreadsheetApp.getUi().createMenu('管理员').addItem('登记', 'register').addToUi();
}
function edited(e) {
  var log = JSON.parse(PropertiesService.getScriptProperties().getProperty('edits') || '[]');
  log.push({ a1: e.range.getA1Notation(), value: e.value, oldValue: e.oldValue, hasValue: 'value' in e, active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(), mode: e.authMode, uid: e.triggerUid });
  PropertiesService.getScriptProperties().setProperty('edits', JSON.stringify(log));
}
function scriptWrite() { SpreadsheetApp.getActive().getSheets()[0].getRange('C1').setValue('by script'); }
function selected() { return SpreadsheetApp.getActiveRange().getA1Notation(); }
`;

function setup(options: GasEnvironmentOptions = {}): GasEnvironment {
  const env = createGasEnvironment({ now: NOW, seed: 2, ...options });
  env.loadSource(APP);
  return env;
}
const prop = (env: GasEnvironment, key: string): unknown =>
  JSON.parse(env.globals.PropertiesService.getScriptProperties().getProperty(key) ?? 'null');

describe('open and menus', () => {
  test("onOpen runs as a LIMITED simple trigger that hides someone outside the owner's domain; the menu is built for that person", () => {
    const env = setup();
    env.open({ user: OUTSIDER });
    expect(env.executions()[0]).toMatchObject({
      functionName: 'onOpen',
      kind: 'simpleTrigger',
      user: '',
      outcome: 'completed',
    });
    expect(prop(env, 'openEvent')).toEqual({ mode: 'LIMITED', user: '', hasSource: true });
    expect(env.ui.menus(OUTSIDER).map((m) => m.caption)).toEqual(['台账']);
    expect(env.ui.menus()).toEqual([]);
  });

  test(`a simple trigger's event user follows getActiveUser: shown for the owner and their Workspace domain [${SESSION}#getActiveUser()]`, () => {
    const seen = (options: GasEnvironmentOptions, user?: string): unknown => {
      const env = createGasEnvironment({ now: NOW, ...options });
      env.loadSource(`
        function onOpen(e) { record('open', e); }
        function onEdit(e) { record('edit', e); }
        function record(kind, e) {
          var p = PropertiesService.getScriptProperties();
          var seen = JSON.parse(p.getProperty('seen') || '[]');
          seen.push([kind, e.user.getEmail(), Session.getActiveUser().getEmail()]);
          p.setProperty('seen', JSON.stringify(seen));
        }`);
      env.open({ user });
      env.typeInto('Sheet1', 'A1', 'x', { user });
      return prop(env, 'seen');
    };
    const both = (email: string) => [
      ['open', email, email],
      ['edit', email, email],
    ];
    expect(seen({}, CLERK)).toEqual(both(CLERK));
    expect(seen({})).toEqual(both('owner@example.gov.cn'));
    expect(seen({}, OUTSIDER)).toEqual(both(''));
    const consumer = { accountType: 'consumer' as const, owner: 'owner@gmail.com' };
    expect(seen(consumer, 'friend@gmail.com')).toEqual(both(''));
    expect(seen(consumer)).toEqual(both('owner@gmail.com'));
  });

  test('a menu click runs the item as the person who clicked, with the full caption path', () => {
    const env = setup();
    env.open({ user: CLERK });
    expect(env.clickMenu('台账', '登记', { user: CLERK })).toBe(CLERK);
    expect(env.clickMenu('台账', '管理', '对象方法', { user: CLERK })).toBe(`pong ${CLERK}`);
    expect(env.executions().at(-1)).toMatchObject({ kind: 'menu', user: CLERK, functionName: 'tools.ping' });
  });

  test('clicking a caption that is not there, or before opening, fails clearly', () => {
    const env = setup();
    expect(() => env.clickMenu('台账', '登记')).toThrow(/has not opened the spreadsheet/);
    env.open();
    expect(() => env.clickMenu('台账', '删除')).toThrow(/no "删除" in "台账" \(has: 登记, 管理\)/);
    expect(() => env.clickMenu('台账', '管理')).toThrow(/is a menu, not an item/);
  });

  test("an installable on-open trigger runs as its installer and adds to the opener's menus", () => {
    const env = setup();
    env.run('install');
    env.open({ user: CLERK });
    const opened = env.executions().find((e) => e.functionName === 'opened');
    expect(opened).toMatchObject({ kind: 'installableTrigger', effectiveUser: 'owner@example.gov.cn', user: CLERK });
    expect(env.ui.menus(CLERK).map((m) => m.caption)).toEqual(['台账', '管理员']);
  });
});

describe('typing and on-edit triggers', () => {
  test('a single-cell edit fires the installable on-edit trigger with value and oldValue as strings', () => {
    const env = setup();
    env.run('install');
    env.typeInto('Sheet1', 'B2', '12');
    env.typeInto('Sheet1', 'B2', '13', { user: CLERK });
    const edits = prop(env, 'edits') as Record<string, unknown>[];
    expect(edits[0]).toMatchObject({ a1: 'B2', value: '12', hasValue: true, mode: 'FULL' });
    expect(edits[0]).not.toHaveProperty('oldValue');
    expect(edits[1]).toMatchObject({
      a1: 'B2',
      value: '13',
      oldValue: '12',
      active: CLERK,
      effective: 'owner@example.gov.cn',
    });
    expect(edits[1].uid).toBe(env.triggers().find((t) => t.eventType === 'ON_EDIT')!.uid);
  });

  test('a paste carries neither value nor oldValue', () => {
    const env = setup();
    env.run('install');
    env.typeInto('Sheet1', 'A1', [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(prop(env, 'edits')).toEqual([expect.objectContaining({ a1: 'A1:B2', hasValue: false })]);
  });

  test("someone outside the owner's domain is hidden from the trigger; on a consumer account so is a colleague", () => {
    const env = setup();
    env.run('install');
    env.typeInto('Sheet1', 'A1', 'x', { user: OUTSIDER });
    expect((prop(env, 'edits') as { active: string }[])[0].active).toBe('');
    const consumer = setup({ accountType: 'consumer', owner: 'owner@gmail.com' });
    consumer.run('install');
    consumer.typeInto('Sheet1', 'A1', 'x', { user: 'friend@gmail.com' });
    consumer.typeInto('Sheet1', 'A2', 'y');
    expect((prop(consumer, 'edits') as { active: string }[]).map((e) => e.active)).toEqual(['', 'owner@gmail.com']);
  });

  test('script writes never fire on-edit triggers', () => {
    const env = setup();
    env.run('install');
    env.run('scriptWrite');
    expect(prop(env, 'edits')).toBeNull();
    expect(env.executions().map((e) => e.functionName)).toEqual(['install', 'scriptWrite']);
  });

  test("a simple onEdit in the bundle fires too, LIMITED, without the e-mail of someone outside the owner's domain", () => {
    const env = createGasEnvironment({ now: NOW });
    env.loadSource(
      'function onEdit(e) { PropertiesService.getScriptProperties().setProperty("e", JSON.stringify([e.authMode, e.value, e.user.getEmail(), e.range.getA1Notation()])); }',
    );
    env.typeInto('Sheet1', 'A1', 'hello', { user: OUTSIDER });
    expect(prop(env, 'e')).toEqual(['LIMITED', 'hello', '', 'A1']);
    expect(env.executions()[0]).toMatchObject({ functionName: 'onEdit', kind: 'simpleTrigger', user: '' });
    env.typeInto('Sheet1', 'A1', 'again', { user: CLERK });
    expect(prop(env, 'e')).toEqual(['LIMITED', 'again', CLERK, 'A1']);
  });

  test('a selection is per person and lasts until they change it', () => {
    const env = setup();
    env.select('Sheet1', 'C3:D4', { user: CLERK });
    env.select('Sheet1', 'B2');
    env.open({ user: CLERK });
    expect(env.submitDialog('selected', [], { user: CLERK })).toBe('C3:D4');
    expect(env.submitDialog('selected')).toBe('B2');
  });
});

describe('in the environment', () => {
  test('a person typing fires onEdit with value, oldValue and the edited range', () => {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.loadSource(
      "function onEdit(e) { e.source.getSheetByName('Sheet1').getRange('Z1').setValue(JSON.stringify([e.value, e.oldValue === undefined ? null : e.oldValue, e.range.getA1Notation()])); }",
    );
    env.typeInto('Sheet1', 'A1', '受理');
    env.typeInto('Sheet1', 'A1', '办结');
    const z1 = env.globals.SpreadsheetApp.getActive().getRange('Z1').getValue();
    expect(JSON.parse(z1 as string)).toEqual(['办结', '受理', 'A1']);
  });
});

describe('a web app (the manifest declares webapp)', () => {
  const WEB = 'https://developers.google.com/apps-script/guides/web';
  const OWNER = 'owner@example.gov.cn';
  const COLLEAGUE = 'liaison@example.gov.cn';
  const code = `
    function doGet(e) { return HtmlService.createHtmlOutput('<p>' + e.parameter.page + '</p>').setTitle('工作台'); }
    function whoAmI() {
      var ui;
      try { SpreadsheetApp.getUi(); ui = 'ui'; } catch (err) { ui = String(err); }
      return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(),
               container: SpreadsheetApp.getActive() === null ? null : 'container', ui: ui };
    }
    function when() { return new Date(); }`;
  const env = (webapp: object | undefined, o: GasEnvironmentOptions = {}): GasEnvironment => {
    const e = createGasEnvironment({ now: NOW, owner: OWNER, ...o });
    e.loadSource(code, { timeZone: 'Asia/Shanghai', ...(webapp ? { webapp } : {}) });
    return e;
  };
  const deployed = { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' };

  test(`without a webapp section there is no web app to visit  [${WEB}]`, () => {
    expect(() => env(undefined).visitWebApp({ user: COLLEAGUE })).toThrow(/declares no "webapp"/);
    expect(() => env(undefined).callFromWebApp('whoAmI', [], { user: COLLEAGUE })).toThrow(/declares no "webapp"/);
  });

  test(`doGet gets the request parameters and runs as the deploying account  [${WEB}#request_parameters]`, () => {
    const e = env(deployed);
    const out = e.visitWebApp({ user: COLLEAGUE, parameters: { page: '我的案件' } }) as { getContent(): string };
    expect(out.getContent()).toBe('<p>我的案件</p>');
    const ex = e.executions().at(-1)!;
    expect([ex.functionName, ex.kind, ex.user, ex.effectiveUser]).toEqual(['doGet', 'webApp', COLLEAGUE, OWNER]);
  });

  test(`a call from the page: the visitor is the active user, the code runs as the owner, no container, no Ui  [${SESSION}#getActiveUser()]`, () => {
    expect(env(deployed).callFromWebApp('whoAmI', [], { user: COLLEAGUE })).toEqual({
      active: COLLEAGUE,
      effective: OWNER,
      container: null,
      ui: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    });
  });

  test(`executeAs USER_ACCESSING runs as the visitor  [https://developers.google.com/apps-script/manifest/web-app-api-executable#webapp]`, () => {
    const r = env({ executeAs: 'USER_ACCESSING', access: 'DOMAIN' }).callFromWebApp('whoAmI', [], { user: COLLEAGUE });
    expect(r).toMatchObject({ active: COLLEAGUE, effective: COLLEAGUE });
  });

  test(`access DOMAIN: an outsider or a consumer account never reaches the script; MYSELF: only the owner  [${WEB}#permissions]`, () => {
    expect(() => env(deployed).callFromWebApp('whoAmI', [], { user: 'someone@gmail.com' })).toThrow(/access DOMAIN/);
    expect(() => env(deployed, { accountType: 'consumer' }).callFromWebApp('whoAmI', [], { user: COLLEAGUE })).toThrow(
      /access DOMAIN/,
    );
    const mine = env({ executeAs: 'USER_DEPLOYING', access: 'MYSELF' });
    expect(() => mine.callFromWebApp('whoAmI', [], { user: COLLEAGUE })).toThrow(/access MYSELF/);
    expect(mine.callFromWebApp('whoAmI', [], { user: OWNER })).toMatchObject({ active: OWNER, container: null });
  });

  test(`a Date returned to the page is refused, as google.script.run refuses it  [https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values]`, () => {
    expect(() => env(deployed).callFromWebApp('when', [], { user: COLLEAGUE })).toThrow(/illegal value/);
  });
});
