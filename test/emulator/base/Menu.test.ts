// Contract checks of Menu: items and addToUi (https://developers.google.com/apps-script/reference/base/menu).
import { runChecks, type Check } from '../harness';

export const menuChecks: Check[] = [
  {
    name: 'a menu item naming a function that does not exist fails at addToUi',
    source: 'https://developers.google.com/apps-script/reference/base/menu#addItem(String,String)',
    kind: 'menu',
    setup: (env) => env.loadSource('function real() {}'),
    run: (t) => {
      const ui = SpreadsheetApp.getUi();
      t.throws(
        () => ui.createMenu('台账').addItem('ok', 'real').addItem('bad', 'nope').addToUi(),
        /^Script function not found: nope$/,
      );
    },
  },
];

runChecks('base.Menu', menuChecks);
