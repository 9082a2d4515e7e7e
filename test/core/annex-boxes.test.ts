// docs/annex-boxes.md names, for every box of annexes 3–7, the column, record or setting that fills it: each name it
// gives must exist, so a renamed field or a dropped record column fails here before a form prints an empty box.
import fs from 'node:fs';
import path from 'node:path';
import { ledgerLabels } from '../../src/core/model';
import { recordColumns } from '../../src/core/records';
import { SIGN_OFFS } from '../../src/core/roles';
import { settingRows } from '../../src/core/settings';

const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/annex-boxes.md'), 'utf8');
/** The names in 「」 right after `prefix` (台账「A」「B」 gives A and B); the doc's own placeholder 「…」 left out. */
const named = (prefix: string): string[] => [
  ...new Set(
    [...doc.matchAll(new RegExp(`${prefix}((?:「[^」]+」)+)`, 'g'))]
      .flatMap((m) => [...m[1]!.matchAll(/「([^」]+)」/g)].map((x) => x[1]!))
      .filter((n) => n !== '…'),
  ),
];

test('every ledger column it names is a column of 台账', () => {
  const names = named('台账');
  expect(names.length).toBeGreaterThan(50);
  expect(names.filter((n) => !ledgerLabels().includes(n))).toEqual([]);
});

test('every setting it names is a row of 设置', () => {
  const keys = settingRows().map((r) => r.key);
  expect(named('设置').filter((n) => !keys.includes(n))).toEqual([]);
  expect(named('设置')).toEqual(expect.arrayContaining(['单位全称', '上级信访部门', '联系函编号前缀']));
});

test('every 联系函 column it names is a column of the 联系函 records', () => {
  const labels = recordColumns('letter').map((c) => c.label);
  expect(named('联系函').filter((n) => !labels.includes(n))).toEqual([]);
});

test('every 签批记录 it names is a box the workflow records a signature for', () => {
  const steps = Object.values(SIGN_OFFS).map((s) => s!.step);
  const names = [...named('签批记录'), ...named('签批记录 环节')];
  expect(names.filter((n) => !steps.includes(n))).toEqual([]);
  // Every signature kept as a record appears in the table.
  expect(steps.filter((s) => !names.includes(s))).toEqual([]);
});
