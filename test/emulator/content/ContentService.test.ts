// Contract checks of ContentService and TextOutput: text a web app serves as is, with its MIME type and download name
// (https://developers.google.com/apps-script/reference/content/content-service,
// https://developers.google.com/apps-script/reference/content/text-output).
import { runChecks, type Check } from '../harness';

const CONTENT = 'https://developers.google.com/apps-script/reference/content/';

export const contentServiceChecks: Check[] = [
  {
    name: 'createTextOutput() is empty; createTextOutput(content) holds it; plain text by default',
    source: CONTENT + 'content-service#createTextOutput()',
    run: (t) => {
      t.equal(ContentService.createTextOutput().getContent(), '');
      const out = ContentService.createTextOutput('你好');
      t.equal(out.getContent(), '你好');
      t.equal(out.getMimeType(), ContentService.MimeType.TEXT);
      t.equal(out.getFileName(), null);
    },
  },
  {
    name: 'append, setContent and clear chain',
    source: CONTENT + 'text-output#append(String)',
    run: (t) => {
      const out = ContentService.createTextOutput('a').append('b').append('c');
      t.equal(out.getContent(), 'abc');
      t.equal(out.setContent('x').getContent(), 'x');
      t.equal(out.clear().getContent(), '');
    },
  },
  {
    name: 'setMimeType takes a ContentService.MimeType and getMimeType returns it',
    source: CONTENT + 'text-output#setMimeType(MimeType)',
    run: (t) => {
      const out = ContentService.createTextOutput('{"ok":true}').setMimeType(ContentService.MimeType.JSON);
      t.equal(out.getMimeType(), ContentService.MimeType.JSON);
      t.deepEqual(Object.keys(ContentService.MimeType).sort(), ['CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'TEXT', 'VCARD']);
    },
  },
  {
    name: 'setMimeType of a string that is no MimeType does not match the signature',
    source: CONTENT + 'text-output#setMimeType(MimeType)',
    run: (t) => {
      t.throws(
        () => ContentService.createTextOutput('x').setMimeType('application/json' as never),
        /don't match the method signature for ContentService\.TextOutput\.setMimeType/,
      );
    },
  },
  {
    name: 'downloadAsFile names the download; null goes back to displaying it',
    source: CONTENT + 'text-output#downloadAsFile(String)',
    run: (t) => {
      const out = ContentService.createTextOutput('a,b').setMimeType(ContentService.MimeType.CSV);
      t.equal(out.downloadAsFile('台账.csv').getFileName(), '台账.csv');
      t.equal(out.downloadAsFile(null as never).getFileName(), null);
    },
  },
  {
    name: 'assumed: a file name with characters no file system takes is refused ("throws if the filename contains illegal characters"; which ones, and the message, unverified)',
    source: CONTENT + 'text-output#downloadAsFile(String)',
    run: (t) => {
      t.throws(() => ContentService.createTextOutput('x').downloadAsFile('a/b.csv'), 'Invalid argument: filename');
    },
  },
  {
    name: 'createTextOutput of a number does not match the signature',
    source: CONTENT + 'content-service#createTextOutput(String)',
    run: (t) => {
      t.throws(
        () => ContentService.createTextOutput(42 as never),
        /don't match the method signature for ContentService\.createTextOutput/,
      );
    },
  },
];

runChecks('content.ContentService', contentServiceChecks);
