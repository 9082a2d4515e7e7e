// HtmlService contract checks, plus host-side rules of dialogs: google.script.run refuses Dates.
import { runChecks } from './checks/harness';
import { htmlChecks } from './checks/html.checks';
import { createGasEnvironment } from '../../emulator/index';

runChecks('HtmlService', htmlChecks);

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
