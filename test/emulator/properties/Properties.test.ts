// Contract checks of Properties: strings only, null when missing, copies, limits
// (https://developers.google.com/apps-script/reference/properties/properties).
import { runChecks, type Check } from '../harness';

const PROPS = 'https://developers.google.com/apps-script/reference/properties/properties';
const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';

export const propertiesChecks: Check[] = [
  {
    name: 'a missing property is null',
    source: PROPS + '#getProperty(String)',
    run: (t) => {
      t.equal(PropertiesService.getScriptProperties().getProperty('nope'), null);
      t.equal(PropertiesService.getUserProperties().getProperty('nope'), null);
      t.equal(PropertiesService.getDocumentProperties().getProperty('nope'), null);
    },
  },
  {
    name: 'values are stored as strings',
    source: 'https://developers.google.com/apps-script/guides/properties',
    run: (t) => {
      const p = PropertiesService.getScriptProperties();
      p.setProperty('n', 42 as unknown as string);
      p.setProperties({ b: true as unknown as string });
      t.equal(p.getProperty('n'), '42');
      t.equal(p.getProperty('b'), 'true');
    },
  },
  {
    name: 'getProperties returns a copy, not a live view',
    source: PROPS + '#getProperties()',
    run: (t) => {
      const p = PropertiesService.getScriptProperties().setProperty('a', '1');
      const copy = p.getProperties();
      copy.a = 'changed';
      copy.b = 'new';
      t.equal(p.getProperty('a'), '1');
      t.equal(p.getProperty('b'), null);
    },
  },
  {
    name: 'setProperties(…, true) deletes all other properties',
    source: PROPS + '#setProperties(Object,Boolean)',
    run: (t) => {
      const p = PropertiesService.getScriptProperties().setProperties({ a: '1', b: '2' });
      p.setProperties({ c: '3' }, true);
      t.deepEqual(p.getProperties(), { c: '3' });
    },
  },
  {
    name: 'setters chain; getKeys lists keys; deleteProperty and deleteAllProperties remove',
    source: PROPS,
    run: (t) => {
      const p = PropertiesService.getScriptProperties().setProperty('a', '1').setProperty('b', '2');
      t.deepEqual(p.getKeys().sort(), ['a', 'b']);
      p.deleteProperty('a');
      t.deepEqual(p.getKeys(), ['b']);
      p.deleteAllProperties();
      t.deepEqual(p.getKeys(), []);
    },
  },
  {
    name: 'a value over 9 KB is refused',
    source: QUOTAS + ' (Properties value size 9 KB / val)',
    run: (t) => {
      const p = PropertiesService.getScriptProperties();
      p.setProperty('ok', 'x'.repeat(9000));
      t.throws(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1)), /^Argument too large: value$/);
      t.equal(p.getProperty('big'), null);
    },
  },
  {
    name: 'a store over 500 KB is refused with the quota message',
    source: QUOTAS + ' (Properties total storage 500 KB / property store)',
    run: (t) => {
      const p = PropertiesService.getScriptProperties();
      const chunk = 'y'.repeat(9000);
      for (let i = 0; i < 56; i++) p.setProperty('k' + i, chunk);
      t.throws(() => {
        for (let i = 56; i < 60; i++) p.setProperty('k' + i, chunk);
      }, /^You have exceeded the property storage quota\. Please remove some properties and try again\.$/);
    },
  },
  {
    name: 'setProperty with a null value does not match the method signature',
    source: PROPS + '#setProperty(String,String)',
    run: (t) =>
      t.throws(
        () => PropertiesService.getScriptProperties().setProperty('a', null as unknown as string),
        /don't match the method signature for PropertiesService\.Properties\.setProperty/,
      ),
  },
];

runChecks('properties.Properties', propertiesChecks);
