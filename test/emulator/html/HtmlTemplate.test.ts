// Contract checks of HtmlTemplate: scriptlets (escaped, raw, code), template properties in scope, names it does not
// define (https://developers.google.com/apps-script/reference/html/html-template).
import { runChecks, type Check } from '../harness';

const TEMPLATES = 'https://developers.google.com/apps-script/guides/html/templates';

export const htmlTemplateChecks: Check[] = [
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
];

runChecks('html.HtmlTemplate', htmlTemplateChecks);
