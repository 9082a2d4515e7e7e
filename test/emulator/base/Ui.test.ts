// Contract checks of Ui: scripted alerts and prompts, dialogs and sidebars, where Ui calls are refused
// (https://developers.google.com/apps-script/reference/base/ui).
import { runChecks, type Check } from '../harness';

const UI = 'https://developers.google.com/apps-script/reference/base/ui';

export const uiChecks: Check[] = [
  {
    name: 'alert(title, prompt, buttons) returns the button the person pressed',
    source: UI + '#alert(String,String,ButtonSet)',
    kind: 'menu',
    setup: (env) => env.answerNextDialog({ button: 'NO' }),
    run: (t) => {
      const ui = SpreadsheetApp.getUi();
      t.equal(ui.alert('删除', '确定删除？', ui.ButtonSet.YES_NO), ui.Button.NO);
    },
    after: (env) =>
      expect(env.ui.alerts).toEqual([
        {
          kind: 'alert',
          title: '删除',
          message: '确定删除？',
          buttons: 'YES_NO',
          answer: 'NO',
          user: 'owner@example.gov.cn',
        },
      ]),
  },
  {
    name: 'alert(prompt) shows an OK button',
    source: UI + '#alert(String)',
    kind: 'menu',
    setup: (env) => env.answerNextDialog({}),
    run: (t) => t.equal(SpreadsheetApp.getUi().alert('已保存'), SpreadsheetApp.getUi().Button.OK),
  },
  {
    name: 'prompt returns the text and the button (text kept even on Cancel)',
    source: 'https://developers.google.com/apps-script/reference/base/prompt-response',
    kind: 'menu',
    setup: (env) => env.answerNextDialog({ button: 'CANCEL', text: '张三' }),
    run: (t) => {
      const ui = SpreadsheetApp.getUi();
      const r = ui.prompt('来信人', '姓名', ui.ButtonSet.OK_CANCEL);
      t.equal(r.getSelectedButton(), ui.Button.CANCEL);
      t.equal(r.getResponseText(), '张三');
    },
  },
  {
    name: 'an alert nobody answers fails the execution, even if the app catches the error',
    source: UI + '#alert(String) (the script waits for the person)',
    kind: 'menu',
    run: () => {
      try {
        SpreadsheetApp.getUi().alert('?');
      } catch {
        // swallowing does not help: the test must script every dialog
      }
    },
    fails: /no answer was queued/,
  },
  {
    name: 'alerts and dialogs are refused to a simple trigger; menus are allowed',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    setup: (env) => env.loadSource('function f() {}'),
    run: (t) => {
      const ui = SpreadsheetApp.getUi();
      t.throws(() => ui.alert('x'), /^You do not have permission to call Ui\.alert/);
      t.throws(
        () => ui.showSidebar(HtmlService.createHtmlOutput('<p>x</p>')),
        /You do not have permission to call Ui\.showSidebar/,
      );
      ui.createMenu('台账').addItem('x', 'f').addToUi();
    },
  },
  {
    name: 'showSidebar is recorded 300 px wide with the output title; showModalDialog takes its own title',
    source: UI + '#showSidebar(Object)',
    kind: 'menu',
    run: () => {
      const ui = SpreadsheetApp.getUi();
      ui.showSidebar(HtmlService.createHtmlOutput('<p>side</p>').setTitle('登记').setWidth(500));
      ui.showModalDialog(HtmlService.createHtmlOutput('<p>modal</p>').setWidth(400).setHeight(200), '确认');
    },
    after: (env) => {
      expect(env.ui.dialogs.map((d) => [d.kind, d.title, d.width, d.html])).toEqual([
        ['sidebar', '登记', 300, '<p>side</p>'],
        ['modal', '确认', 400, '<p>modal</p>'],
      ]);
    },
  },
  {
    name: 'an alert suspends the script: its locks are released',
    source: UI + '#alert(String) (locks do not persist across the suspension)',
    kind: 'menu',
    setup: (env) => env.answerNextDialog({}),
    run: (t) => {
      const lock = LockService.getScriptLock();
      lock.waitLock(1000);
      SpreadsheetApp.getUi().alert('稍等');
      t.equal(lock.hasLock(), false);
    },
  },
  {
    name: 'a manifest without script.container.ui makes Ui calls fail with the required scope',
    source: 'https://developers.google.com/apps-script/concepts/scopes',
    kind: 'menu',
    setup: (env) =>
      env.loadSource('', {
        timeZone: 'Asia/Shanghai',
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      }),
    run: (t) =>
      t.throws(
        () => SpreadsheetApp.getUi().createMenu('x'),
        /^Specified permissions are not sufficient to call Ui\.createMenu\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/script\.container\.ui$/,
      ),
  },
];

runChecks('base.Ui', uiChecks);
