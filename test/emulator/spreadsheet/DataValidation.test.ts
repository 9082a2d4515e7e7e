// Contract checks of DataValidation: what a rule does to writes
// (https://developers.google.com/apps-script/reference/spreadsheet/data-validation); and on the host side what a
// strict rule (setAllowInvalid(false)) does to a person's typing (env.typeInto): Sheets refuses the input.
import { runChecks, type Check } from '../harness';
import { createGasEnvironment, type GasEnvironment } from '../../../emulator/index';
import { InputRejectedError } from '../../../emulator/spreadsheet/validation-check';

export const dataValidationChecks: Check[] = [
  {
    name: "a strict rule refuses a script write with Sheets' message and writes nothing; a warning-only rule lets it in",
    source:
      'https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean) + an owner\'s execution log quoted in public ("The data you entered in cell M2 violates the data validation rules set on this cell.")',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const strict = SpreadsheetApp.newDataValidation().requireValueInList(['是', '否']).setAllowInvalid(false).build();
      sh.getRange('A1:A2').setDataValidation(strict);
      sh.getRange('A1').setValue('是');
      t.throws(
        () => sh.getRange('A1:A2').setValues([['否'], ['也许']]),
        /^The data you entered in cell A2 violates the data validation rules set on this cell\./,
      );
      t.deepEqual(sh.getRange('A1:A2').getValues(), [['是'], ['']]);
      sh.getRange('B1').setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(['是', '否']).setAllowInvalid(true).build(),
      );
      sh.getRange('B1').setValue('也许');
      t.equal(sh.getRange('B1').getValue(), '也许');
      sh.getRange('A2').setValue('');
      t.equal(sh.getRange('A2').getValue(), '');
    },
  },
];

runChecks('spreadsheet.DataValidation', dataValidationChecks);

const SET_ALLOW_INVALID =
  'https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)';

const RULES_APP = `
function rules() {
  var sh = SpreadsheetApp.getActive().getSheets()[0];
  var v = SpreadsheetApp.newDataValidation;
  sh.getRange('A1:A3').setDataValidation(v().requireValueInList(['受理', '办结'], true).setAllowInvalid(false).build());
  sh.getRange('B1').setDataValidation(v().requireNumberBetween(1, 10).setAllowInvalid(false).build());
  sh.getRange('C1').setDataValidation(v().requireDate().setAllowInvalid(false).build());
  sh.getRange('D1').setDataValidation(v().requireCheckbox().setAllowInvalid(false).build());
  sh.getRange('E1').setDataValidation(v().requireTextContains('信访').setAllowInvalid(false).build());
  sh.getRange('F1').setDataValidation(v().requireFormulaSatisfied('=LEN(F1)<3').setAllowInvalid(false).build());
  sh.getRange('G1').setDataValidation(v().requireValueInList(['受理'], true).build());
  sh.getRange('H1').setDataValidation(v().requireValueInRange(sh.getRange('Z1:Z2'), true).setAllowInvalid(false).build());
  sh.getRange('I1').setDataValidation(v().requireDateOnOrAfter(new Date(2024, 0, 1)).setAllowInvalid(false).build());
  sh.getRange('J1').setDataValidation(v().requireTextIsEmail().setAllowInvalid(false).setHelpText('请输入邮箱').build());
  sh.getRange('Z1:Z2').setValues([['甲'], ['乙']]);
}
function edited(e) {
  var p = PropertiesService.getScriptProperties();
  p.setProperty('edits', String(Number(p.getProperty('edits') || 0) + 1));
}
function install() { ScriptApp.newTrigger('edited').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
`;

describe(`a person typing into a strictly validated cell [${SET_ALLOW_INVALID}]`, () => {
  function setup(): GasEnvironment {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.loadSource(RULES_APP);
    env.run('rules');
    env.run('install');
    return env;
  }
  const cell = (env: GasEnvironment, a1: string): unknown =>
    env.globals.SpreadsheetApp.getActive().getSheets()[0].getRange(a1).getValue();
  const edits = (env: GasEnvironment): number =>
    Number(env.globals.PropertiesService.getScriptProperties().getProperty('edits') ?? 0);

  test("a value not on the list is refused with Sheets' message; the cell keeps its value; no edit trigger fires", () => {
    const env = setup();
    env.typeInto('Sheet1', 'A1', '受理');
    expect(edits(env)).toBe(1);
    let refused: unknown;
    try {
      env.typeInto('Sheet1', 'A1', '在办');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(InputRejectedError);
    // The wording an Apps Script execution log quotes for a refused write to a list-validated cell.
    expect((refused as Error).message).toBe(
      'The data you entered in cell A1 violates the data validation rules set on this cell. Please enter one of the following values: 受理, 办结.',
    );
    expect(cell(env, 'A1')).toBe('受理');
    expect(edits(env)).toBe(1);
    expect(env.executions().map((e) => e.functionName)).toEqual(['rules', 'install', 'edited']);
  });

  test('a paste is refused whole when one of its cells breaks a strict rule', () => {
    const env = setup();
    expect(() => env.typeInto('Sheet1', 'A1', [['受理'], ['乱写']])).toThrow(/cell A2 violates/);
    expect(cell(env, 'A1')).toBe('');
    expect(edits(env)).toBe(0);
  });

  test('numbers, dates, checkboxes, text, ranges and e-mails are judged by their criteria', () => {
    const env = setup();
    env.typeInto('Sheet1', 'B1', '7');
    expect(() => env.typeInto('Sheet1', 'B1', '11')).toThrow(
      /cell B1 violates .*Input must be a number between 1 and 10/,
    );
    expect(() => env.typeInto('Sheet1', 'B1', 'abc')).toThrow(/cell B1 violates/);
    env.typeInto('Sheet1', 'C1', '2024-03-01');
    expect(() => env.typeInto('Sheet1', 'C1', '下周')).toThrow(/cell C1 violates .*Input must be a valid date/);
    env.typeInto('Sheet1', 'D1', 'TRUE');
    expect(() => env.typeInto('Sheet1', 'D1', 'yes')).toThrow(/cell D1 violates .*Input must be TRUE or FALSE/);
    env.typeInto('Sheet1', 'E1', '来信访事项');
    expect(() => env.typeInto('Sheet1', 'E1', '来访')).toThrow(/cell E1 violates/);
    env.typeInto('Sheet1', 'H1', '乙');
    expect(() => env.typeInto('Sheet1', 'H1', '丙')).toThrow(
      /cell H1 violates .*Input must fall within specified range/,
    );
    env.typeInto('Sheet1', 'I1', '2024-01-01');
    expect(() => env.typeInto('Sheet1', 'I1', '2023-12-31')).toThrow(/cell I1 violates .*on or after 2024-01-01/);
    env.typeInto('Sheet1', 'J1', 'a@example.gov.cn');
    expect(() => env.typeInto('Sheet1', 'J1', 'not mail')).toThrow(
      /cell J1 violates the data validation rules set on this cell\. 请输入邮箱$/,
    );
    expect(cell(env, 'B1')).toBe(7);
    expect(cell(env, 'J1')).toBe('a@example.gov.cn');
    expect(edits(env)).toBe(7);
  });

  test('clearing, a formula, a custom-formula rule and a warning-only rule let the input through', () => {
    const env = setup();
    env.typeInto('Sheet1', 'A1', '受理');
    env.typeInto('Sheet1', 'A1', '');
    env.typeInto('Sheet1', 'B1', '=Z1');
    env.typeInto('Sheet1', 'F1', 'anything long');
    env.typeInto('Sheet1', 'G1', '不在列表');
    expect(cell(env, 'G1')).toBe('不在列表');
    expect(edits(env)).toBe(5);
  });
});
