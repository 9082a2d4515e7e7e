// Contract checks of HtmlService: outputs and templates from strings and bundle files, the include pattern
// (https://developers.google.com/apps-script/reference/html/html-service); plus, on the host side, google.script.run
// refusing Dates and templates evaluated inside an execution.
import { runChecks, type Check } from '../harness';
import { createGasEnvironment } from '../../../emulator/index';

const HS = 'https://developers.google.com/apps-script/reference/html/html-service';

const APP = `
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function caseCount() { return 3; }
`;

const FILES = {
  'Dialog.html': '<form><input name="name"></form>',
  'Style.html': '<style>b { color: red; }</style>',
  'Page.html': '<html><head><?!= include("Style") ?></head><body><?= title ?>: <?= caseCount() ?></body></html>',
};

const withFiles = (env: Parameters<NonNullable<Check['setup']>>[0]): void => env.loadSource(APP, null, FILES);

export const htmlServiceChecks: Check[] = [
  {
    name: 'createHtmlOutput keeps the content as given',
    source: HS + '#createHtmlOutput(String)',
    run: (t) => {
      t.equal(HtmlService.createHtmlOutput('<p>你好</p>').getContent(), '<p>你好</p>');
      t.equal(HtmlService.createHtmlOutput().getContent(), '');
    },
  },
  {
    name: 'createHtmlOutputFromFile reads a bundle file by name without ".html"',
    source: HS + '#createHtmlOutputFromFile(String)',
    setup: withFiles,
    run: (t) => {
      t.equal(HtmlService.createHtmlOutputFromFile('Dialog').getContent(), '<form><input name="name"></form>');
    },
  },
  {
    name: 'a missing file: "No HTML file named X was found."',
    source: HS + '#createHtmlOutputFromFile(String) — message seen in many public READMEs',
    setup: withFiles,
    run: (t) => {
      t.throws(() => HtmlService.createHtmlOutputFromFile('Dialog.html'), 'No HTML file named Dialog.html was found.');
      t.throws(() => HtmlService.createTemplateFromFile('Nope'), 'No HTML file named Nope was found.');
    },
  },
  {
    name: "the include pattern: a template calls the app's own function",
    source: 'https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript',
    setup: withFiles,
    run: (t) => {
      const tpl = HtmlService.createTemplateFromFile('Page') as unknown as GoogleAppsScript.HTML.HtmlTemplate &
        Record<string, unknown>;
      tpl.title = '案件';
      t.equal(
        tpl.evaluate().getContent(),
        '<html><head><style>b { color: red; }</style></head><body>案件: 3</body></html>',
      );
    },
  },
];

runChecks('html.HtmlService', htmlServiceChecks);

describe('HtmlService and google.script.run on the host side', () => {
  const env = createGasEnvironment();
  env.loadSource(`
    function save(form) { return 'saved ' + form.name; }
    function today() { return new Date(); }
    function page() { var t = HtmlService.createTemplate('<p><?= who ?></p>'); t.who = Session.getActiveUser().getEmail(); return t.evaluate().getContent(); }
  `);

  test('a Date anywhere in the arguments fails the call, as Apps Script does', () => {
    expect(env.submitDialog('save', [{ name: 'a' }])).toBe('saved a');
    expect(() => env.submitDialog('save', [new Date()])).toThrow('Failed due to illegal value in property: 0');
    expect(() => env.submitDialog('save', [{ name: 'a', when: new Date() }])).toThrow(
      'Failed due to illegal value in property: 0.when',
    );
  });

  test('a server function returning a Date is reported', () => {
    expect(() => env.submitDialog('today')).toThrow(/returned an illegal value/);
  });

  test('a template is evaluated inside the execution and counted', () => {
    expect(env.run('page')).toBe(`<p>${env.core.options.owner}</p>`);
    expect(env.stats().total['HtmlService.HtmlTemplate.evaluate']).toBe(1);
  });

  test('evaluate outside any execution says why it cannot run', () => {
    expect(() => env.globals.HtmlService.createTemplate('x').evaluate()).toThrow(/needs a running execution/);
  });
});
