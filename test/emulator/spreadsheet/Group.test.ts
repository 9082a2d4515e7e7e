// Contract checks of Group (https://developers.google.com/apps-script/reference/spreadsheet/group): the object
// Sheet.getRowGroup / getColumnGroup return — collapse, expand, control index, depth, range, collapsed state, remove.
import { runChecks, type Check } from '../harness';

const GROUP = 'https://developers.google.com/apps-script/reference/spreadsheet/group';
const DIMENSION_GROUP = 'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#dimensiongroup';

export const groupChecks: Check[] = [
  {
    name: "the reference's example: rows 2:3 grouped, the toggle after them, the control index is 4",
    source: GROUP + '#getControlIndex()',
    run: (t) => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.setRowGroupControlPosition(SpreadsheetApp.GroupControlTogglePosition.AFTER);
      sheet.getRange('2:3').shiftRowGroupDepth(1);
      const group = sheet.getRowGroup(2, 1)!;
      t.equal(group.getControlIndex(), 4);
      t.equal(group.getDepth(), 1);
      t.equal(group.getRange().getA1Notation(), '2:3');
      t.equal(group.isCollapsed(), false);
    },
  },
  {
    name: 'with the toggle before the group the control index is the column before it',
    source: GROUP + '#getControlIndex()',
    run: (t) => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.getRange('C1:E1').shiftColumnGroupDepth(1);
      t.equal(sheet.getColumnGroup(3, 1)!.getControlIndex(), 6);
      sheet.setColumnGroupControlPosition(SpreadsheetApp.GroupControlTogglePosition.BEFORE);
      const group = sheet.getColumnGroup(4, 1)!;
      t.equal(group.getControlIndex(), 2);
      t.equal(group.getRange().getA1Notation(), 'C:E');
    },
  },
  {
    name: 'collapse hides the group and returns it for chaining; expand shows it again',
    source: GROUP + '#collapse()',
    run: (t) => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.getRange('2:3').shiftRowGroupDepth(1);
      const group = sheet.getRowGroup(2, 1)!;
      t.equal(group.collapse().isCollapsed(), true);
      t.deepEqual(
        [sheet.isRowHiddenByUser(1), sheet.isRowHiddenByUser(2), sheet.isRowHiddenByUser(3)],
        [false, true, true],
      );
      t.equal(sheet.getRowGroup(3, 1)!.isCollapsed(), true);
      t.equal(group.expand().isCollapsed(), false);
      t.deepEqual([sheet.isRowHiddenByUser(2), sheet.isRowHiddenByUser(3)], [false, false]);
    },
  },
  {
    name: 'a row hidden by the user inside an expanded group stays hidden and the group stays expanded',
    source: GROUP + ' (class description: rows "can be hidden or set visible irrespective of the collapsed state")',
    run: (t) => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.getRange('2:5').shiftRowGroupDepth(1);
      sheet.hideRows(3);
      t.equal(sheet.getRowGroup(2, 1)!.isCollapsed(), false);
      t.equal(sheet.isRowHiddenByUser(3), true);
      sheet.getRowGroup(2, 1)!.collapse();
      sheet.showRows(4);
      t.equal(sheet.getRowGroup(2, 1)!.isCollapsed(), true, 'showing a row does not expand its group');
      sheet.getRowGroup(2, 1)!.expand();
      t.deepEqual(
        [3, 4, 5].map((r) => sheet.isRowHiddenByUser(r)),
        [false, false, false],
      );
    },
  },
  {
    name: 'expanding an outer group leaves a collapsed inner group collapsed and its rows hidden',
    source:
      DIMENSION_GROUP +
      ' (collapsed: "A collapsed group remains collapsed if an overlapping group at a shallower depth is expanded")',
    run: (t) => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.getRange('2:6').shiftRowGroupDepth(1);
      sheet.getRange('3:4').shiftRowGroupDepth(1);
      sheet.getRowGroup(3, 2)!.collapse();
      sheet.getRowGroup(2, 1)!.collapse();
      sheet.getRowGroup(2, 1)!.expand();
      t.equal(sheet.getRowGroup(3, 2)!.isCollapsed(), true);
      t.deepEqual(
        [2, 3, 4, 5].map((r) => sheet.isRowHiddenByUser(r)),
        [false, true, true, false],
      );
    },
  },
  {
    name: 'remove lowers the depth of the group range by one; the object is then invalid',
    source: GROUP + '#remove()',
    run: (t) => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.getRange('B1:E1').shiftColumnGroupDepth(1);
      sheet.getRange('C1:D1').shiftColumnGroupDepth(1);
      const outer = sheet.getColumnGroup(2, 1)!;
      outer.remove();
      t.deepEqual(
        [2, 3, 4, 5].map((c) => sheet.getColumnGroupDepth(c)),
        [0, 1, 1, 0],
      );
      t.equal(sheet.getColumnGroup(3, 1)!.getRange().getA1Notation(), 'C:D');
      t.throws(() => outer.getDepth(), 'This group no longer exists on the sheet.');
      t.throws(() => outer.collapse(), 'This group no longer exists on the sheet.');
    },
  },
];

runChecks('spreadsheet.Group', groupChecks);
