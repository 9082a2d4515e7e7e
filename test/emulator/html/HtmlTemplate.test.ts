// Checks of HtmlService: HtmlOutput members, bundle files, templates with scriptlets (escaped, raw, code),
// template properties in scope, and the include pattern calling the app's own function.
import type { Check } from './harness';

const HS = 'https://developers.google.com/apps-script/reference/html/html-service';
const OUT = 'https://developers.google.com/apps-script/reference/html/html-output';
const TEMPLATES = 'https://developers.google.com/apps-script/guides/html/templates';
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

export const htmlChecks: Check[] = [
  {
    name: 'createHtmlOutput keeps the content as given',
    source: HS + '#createHtmlOutput(String)',
    run: (t) => {
      t.equal(HtmlService.createHtmlOutput('<p>你好</p>').getContent(), '<p>你好</p>');
      t.equal(HtmlService.createHtmlOutput().getContent(), '');
    },
  },
  {
    name: 'setTitle, setWidth and setHeight chain and read back',
    source: OUT + '#setTitle(String)',
    run: (t) => {
      const out = HtmlService.createHtmlOutput('x').setTitle('登记').setWidth(480).setHeight(360);
      t.equal(out.getTitle(), '登记');
      t.equal(out.getWidth(), 480);
      t.equal(out.getHeight(), 360);
    },
  },
  {
    name: 'append, appendUntrusted (escaped), setContent and clear',
    source: OUT + '#appendUntrusted(String)',
    run: (t) => {
      const out = HtmlService.createHtmlOutput('<p>').append('<b>a</b>').appendUntrusted('<b>&</b>');
      t.equal(out.getContent(), '<p><b>a</b>&lt;b&gt;&amp;&lt;/b&gt;');
      t.equal(out.setContent('new').getContent(), 'new');
      t.equal(out.clear().getContent(), '');
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
    name: 'a printing scriptlet <?= ?> escapes HTML; template properties are in scope',
    source: TEMPLATES + '#printing_scriptlets',
    run: (t) => {
      const tpl = HtmlService.createTemplate('<p><?= name ?></p>');
      (tpl as unknown as Record<string, unknown>).name = '<b>"张三" & \'李四\'</b>';
      t.equal(tpl.evaluate().getContent(), '<p>&lt;b&gt;&quot;张三&quot; &amp; &#39;李四&#39;&lt;/b&gt;</p>');
    },
  },
  {
    name: 'a force-printing scriptlet <?!= ?> prints raw HTML',
    source: TEMPLATES + '#force-printing_scriptlets',
    run: (t) => {
      const tpl = HtmlService.createTemplate(
        '<div><?!= html ?></div>',
      ) as unknown as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
      tpl.html = '<i>raw</i>';
      t.equal(tpl.evaluate().getContent(), '<div><i>raw</i></div>');
    },
  },
  {
    name: 'standard scriptlets <? ?> run code around the HTML (a loop over a property)',
    source: TEMPLATES + '#standard_scriptlets',
    run: (t) => {
      const tpl = HtmlService.createTemplate(
        '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
      ) as unknown as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
      tpl.items = ['a', '<b>'];
      t.equal(tpl.evaluate().getContent(), '<ul><li>a</li><li>&lt;b&gt;</li></ul>');
      t.equal(tpl.getRawContent().indexOf('<? for'), 4);
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
  {
    name: 'a name the template does not define is a ReferenceError of the app',
    source: TEMPLATES,
    run: (t) => {
      t.throws(
        () => HtmlService.createTemplate('<?= missing ?>').evaluate(),
        /missing is not defined/,
        'ReferenceError',
      );
    },
  },
  {
    name: 'printing inside <script> would need JavaScript escaping: not emulated, loud',
    source: TEMPLATES + ' (contextual escaping)',
    run: (t) => {
      t.throws(
        () => HtmlService.createTemplate('<script>var x = <?= 1 ?>;</script>').evaluate(),
        /not implemented in the local runtime/,
        'NotImplemented',
      );
      t.equal(
        HtmlService.createTemplate('<script>var x = <?!= JSON.stringify([1]) ?>;</script>').evaluate().getContent(),
        '<script>var x = [1];</script>',
      );
    },
  },
  {
    name: 'XFrameOptionsMode and SandboxMode enums; setSandboxMode has no effect',
    source: OUT + '#setSandboxMode(SandboxMode)',
    run: (t) => {
      const out = HtmlService.createHtmlOutput('x')
        .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
        .setSandboxMode(HtmlService.SandboxMode.IFRAME);
      t.equal(out.getContent(), 'x');
      t.equal(String(HtmlService.XFrameOptionsMode.DEFAULT), 'DEFAULT');
      t.equal(String(HtmlService.SandboxMode.NATIVE), 'NATIVE');
    },
  },
  {
    name: 'getBlob of an HtmlOutput is text/html',
    source: OUT + '#getBlob()',
    run: (t) => {
      const blob = HtmlService.createHtmlOutput('<p>x</p>').getBlob();
      t.equal(blob.getContentType(), 'text/html');
      t.equal(blob.getDataAsString(), '<p>x</p>');
    },
  },
];
