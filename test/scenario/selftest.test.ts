// 帮助 › 运行自检 (issue 19) through the bundle in the local runtime: refused in the live ledger; in a copy it makes
// the copy safe, runs the environment probe (src/gas/selftest/probe.ts, the same code real Apps Script runs) and
// writes 自检结果, where every automatic check must pass here too.
//
// "A copy": the local runtime binds the script to one spreadsheet and cannot bind it to a second one, so the test
// makes the active spreadsheet count as a copy the way a real copy does: the id recorded in Script Properties
// (LEDGER_SPREADSHEET_ID, carried into the copy's script by 文件 › 创建副本) names another spreadsheet — the
// "original", created here with SpreadsheetApp.create.
import { lastAlert, ok, PEOPLE, rowsOf, startOffice } from './office';

const OFFICE = { user: PEOPLE.office.email };
const FLOW_IDS = [
  'flow.register',
  'flow.sign',
  'flow.approveAssign',
  'flow.assign',
  'flow.receive',
  'flow.submit',
  'flow.itemReview',
  'flow.petitionReview',
  'flow.approveClose',
  'flow.reply',
  'flow.callback',
  'flow.form3',
  'flow.analysis',
];
const clickSelfTest = (env: ReturnType<typeof startOffice>): void => {
  ok(env);
  env.clickMenu('信访台账', '帮助', '运行自检', OFFICE);
};

describe('帮助 › 运行自检', () => {
  it('refuses in the live ledger (the id 初始化/修复 recorded) and says how to make a copy', () => {
    const env = startOffice();
    clickSelfTest(env);
    expect(lastAlert(env)).toContain('这是正在使用的信访台账');
    expect(lastAlert(env)).toContain('文件 › 创建副本');
    const ss = env.globals.SpreadsheetApp.getActive();
    expect(ss.getSheetByName('自检结果')).toBeNull();
    expect(rowsOf(env, '人员').length).toBeGreaterThan(1);
  });

  it('refuses the 信访办 only: another role is told who may run it', () => {
    const env = startOffice();
    const liaison = { user: PEOPLE.liaison.email };
    env.open(liaison);
    ok(env);
    env.clickMenu('信访台账', '帮助', '运行自检', liaison);
    expect(lastAlert(env)).toContain('此功能只限「信访办」使用');
  });

  it('in a copy: 人员 is the runner in every role, robots are off, and every automatic check passes', () => {
    const env = startOffice();
    const g = env.globals;
    const original = g.SpreadsheetApp.create('信访台账（原件）');
    const props = g.PropertiesService.getScriptProperties();
    props.setProperty('LEDGER_SPREADSHEET_ID', original.getId());
    props.setProperty(
      'DINGTALK_规划建设部',
      JSON.stringify({ webhook: 'https://oapi.dingtalk.com/robot/send?access_token=x' }),
    );
    props.setProperty('WORKBENCH_URL', 'https://script.google.com/a/macros/jinghu.gov.cn/s/live/exec');
    const ledgerFolder = props.getProperty('FORMS_FOLDER_ID');
    const mailsBefore = env.outbox.length;

    clickSelfTest(env);
    if (process.env.SELFTEST_DUMP) {
      const grid = g.SpreadsheetApp.getActive().getSheetByName('自检结果')?.getDataRange().getValues() ?? [];
      console.log(grid.map((r) => r.join(' ¦ ')).join('\n'));
    }

    expect(lastAlert(env)).toMatch(/环境检查 \d+ 项：通过 \d+ 项，未通过 0 项/);
    const people = rowsOf(env, '人员');
    expect(new Set(people.map((p) => p['邮箱']))).toEqual(new Set([PEOPLE.office.email]));
    expect(people.map((p) => p['角色'])).toEqual([
      '信访办',
      '主职领导',
      '信访工作分管领导',
      '事项分管领导',
      '部室负责人',
      '部室联络员',
      '承办人',
    ]);
    expect(people.every((p) => p['部室'] === '综合事务部')).toBe(true);
    expect(props.getKeys().filter((k) => k.startsWith('DINGTALK_'))).toEqual([]);
    expect(props.getProperty('LEDGER_SPREADSHEET_ID')).toBe(original.getId()); // the self-test never records the id
    // Mail reaches no one but the person running it.
    const recipients = new Set(env.outbox.slice(mailsBefore).flatMap((m) => [...m.to, ...m.cc, ...m.bcc]));
    expect([...recipients].filter((r) => r !== PEOPLE.office.email)).toEqual([]);

    const ss = g.SpreadsheetApp.getActive();
    expect(ss.getSheetByName('自检临时')).toBeNull();
    const sheet = ss.getSheetByName('自检结果')!;
    if (process.env.SELFTEST_DUMP)
      console.log(
        sheet
          .getDataRange()
          .getValues()
          .map((r) => r.join(' ¦ '))
          .join('\n'),
      );
    expect(sheet).not.toBeNull();
    const grid = sheet.getDataRange().getValues() as string[][];
    expect(grid[0]).toEqual(['编号', '项目', '依据', '预期', '实际', '结果']);
    const checks = grid.slice(
      1,
      grid.findIndex((r) => r[0] === ''),
    );
    expect(checks.length).toBeGreaterThanOrEqual(15);
    for (const [id, , reference, expected, actual, result] of checks) {
      expect(reference).toMatch(/https:\/\/developers\.google\.com\//);
      expect({ id, result, actual }).toEqual({ id, result: '通过', actual: expected });
    }
    const timing = grid.filter((r) => String(r[0]).startsWith('time.'));
    expect(timing.map((r) => r[0])).toEqual(['time.read40k', 'time.write10k', 'time.find50k']);
    expect(grid.filter((r) => String(r[0]).startsWith('manual.')).length).toBe(3);

    // The app's flow, through the menu's use cases: every step passed, the test case is in 台账, the job is gone.
    const flow = grid.filter((r) => String(r[0]).startsWith('flow.'));
    expect(flow.map((r) => [r[0], r[5], r[4]])).toEqual(flow.map((r) => [r[0], '通过', r[3]]));
    expect(flow.map((r) => r[0])).toEqual(FLOW_IDS);
    expect(lastAlert(env)).toContain('流程自检已完成');
    expect(props.getProperty('SELFTEST_FLOW')).toBeNull();
    // The copy's form went to a folder of its own, not the ledger's; no notice links the live web app.
    const copyFolder = props.getProperty('FORMS_FOLDER_ID');
    expect(copyFolder).not.toBe(ledgerFolder);
    expect(props.getProperty('WORKBENCH_URL')).toBeNull();
    const form = rowsOf(env, '文书')[0]!;
    const formId = String(form['文档链接']).match(/[-\w]{20,}/)?.[0];
    expect(formId).toBeDefined();
    const ancestors = (id: string): string[] => {
      const parents = env.drive.store.files.get(id)?.parents ?? [];
      return parents.flatMap((p) => [p, ...ancestors(p)]);
    };
    expect(ancestors(formId!)).toContain(copyFolder);
    expect(ancestors(formId!)).not.toContain(ledgerFolder);
    expect(env.outbox.slice(mailsBefore).some((m) => m.body.includes('/s/live/exec'))).toBe(false);
  });

  it('a click that runs out of time leaves the flow for the next click, which finishes it without starting over', () => {
    const env = startOffice();
    const g = env.globals;
    const props = g.PropertiesService.getScriptProperties();
    props.setProperty('LEDGER_SPREADSHEET_ID', g.SpreadsheetApp.create('信访台账（原件）').getId());
    env.faults.slowOn('MailApp.sendEmail', { nth: 1, ms: 250_000 }); // the first notice takes 250 s

    clickSelfTest(env);
    expect(lastAlert(env)).toContain('请再点一次「运行自检」继续流程自检');
    const job = JSON.parse(props.getProperty('SELFTEST_FLOW')!) as { caseNo: string; next: number };
    expect(job.next).toBeGreaterThan(0);
    expect(job.next).toBeLessThan(FLOW_IDS.length);

    clickSelfTest(env);
    expect(lastAlert(env)).toContain('流程自检（续）');
    expect(lastAlert(env)).toContain('流程自检已完成');
    const grid = g.SpreadsheetApp.getActive().getSheetByName('自检结果')!.getDataRange().getValues() as string[][];
    const flow = grid.filter((r) => String(r[0]).startsWith('flow.'));
    expect(flow.map((r) => r[0])).toEqual(FLOW_IDS);
    expect(flow.every((r) => r[5] === '通过')).toBe(true);
    expect(grid.filter((r) => r[0] === 'globals').length).toBe(1); // the probe ran once
    expect(rowsOf(env, '台账').filter((r) => r['信访人姓名'] === '自检测试').length).toBe(1);
  });
});
