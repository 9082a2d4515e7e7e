// Contract checks of Blob: newBlob, signed bytes, chainable setters, conversions
// (https://developers.google.com/apps-script/reference/base/blob).
import { runChecks, type Check } from '../harness';

const BLOB = 'https://developers.google.com/apps-script/reference/base/blob';

export const blobChecks: Check[] = [
  {
    name: 'newBlob: text/plain for strings, name null unless given, signed bytes, chainable setters',
    source: BLOB,
    run: (t) => {
      const b = Utilities.newBlob('é');
      t.equal(b.getName(), null);
      t.equal(b.getContentType(), 'text/plain');
      t.deepEqual(b.getBytes(), [-61, -87]);
      const named = Utilities.newBlob([104, 105], 'text/csv', 'a.csv');
      t.equal(named.getDataAsString(), 'hi');
      t.equal(named.setName('b.csv').getName(), 'b.csv');
      const copy = named.copyBlob().setName('c.csv');
      t.equal(named.getName(), 'b.csv');
      t.equal(copy.getContentType(), 'text/csv');
      t.equal(named.isGoogleType(), false);
    },
  },
  {
    name: 'Blob.getAs with a real conversion is not emulated (loud)',
    source: BLOB + '#getAs(String)',
    run: (t) => {
      t.throws(
        () => Utilities.newBlob('x', 'text/plain', 'a.txt').getAs('application/pdf'),
        /not implemented in the local runtime/,
        'NotImplemented',
      );
      t.equal(Utilities.newBlob('x', 'text/plain', 'list.12.25').getAs('text/plain').getName(), 'list.12.txt');
    },
  },
];

runChecks('base.Blob', blobChecks);
