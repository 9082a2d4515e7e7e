// Contract checks of HtmlOutput: members, appending, enums, blobs
// (https://developers.google.com/apps-script/reference/html/html-output).
import { runChecks, type Check } from '../harness';

const OUT = 'https://developers.google.com/apps-script/reference/html/html-output';

export const htmlOutputChecks: Check[] = [
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
  {
    name: 'addMetaTag takes the allowed names; getMetaTags lists them in order',
    source: OUT + '#addMetaTag(String,String)',
    run: (t) => {
      const out = HtmlService.createHtmlOutput('x')
        .addMetaTag('viewport', 'width=device-width, initial-scale=1')
        .addMetaTag('apple-mobile-web-app-capable', 'yes')
        .addMetaTag('mobile-web-app-capable', 'yes')
        .addMetaTag('google-site-verification', 'abc');
      t.deepEqual(
        out.getMetaTags().map((m) => [m.getName(), m.getContent()]),
        [
          ['viewport', 'width=device-width, initial-scale=1'],
          ['apple-mobile-web-app-capable', 'yes'],
          ['mobile-web-app-capable', 'yes'],
          ['google-site-verification', 'abc'],
        ],
      );
    },
  },
  {
    name: "addMetaTag of a name Apps Script does not allow throws (the message is the runtime's own: unverified)",
    source: OUT + '#addMetaTag(String,String) ("Only the following meta tags are allowed")',
    run: (t) => {
      t.throws(() => HtmlService.createHtmlOutput('x').addMetaTag('description', '信访'), /not allowed/);
    },
  },
];

runChecks('html.HtmlOutput', htmlOutputChecks);
