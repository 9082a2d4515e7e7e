// The morning's reminder run on large ledgers (issue 14): 10,000 and 50,000 cases, a quarter of them open across 12
// departments, each with liaisons A and B. Prints what the run costs in the local runtime's model (round trips, cells
// read and written, modelled seconds) and the mails it sends; the round trips should not grow with the ledger.
import type { GasEnvironment } from '../../emulator/index';
import { header, measure, office } from './ledger.bench';

const DEPARTMENTS = Array.from({ length: 12 }, (_, i) => `第${i + 1}部`);
const at = (iso: string): Date => new Date(iso);

/** The office's people: the 信访办, the leaders, two liaisons per department. */
function people(env: GasEnvironment): void {
  const rows: string[][] = [
    ['王芳', 'wangfang@jinghu.gov.cn', '信访办', '综合事务部', '', ''],
    ['钱伟', 'qianwei@jinghu.gov.cn', '信访工作分管领导', '', '', ''],
    ['赵强', 'zhaoqiang@jinghu.gov.cn', '主职领导', '', '', ''],
  ];
  DEPARTMENTS.forEach((d, i) => {
    rows.push([
      `联络员${i}A`,
      `liaison${i}a@jinghu.gov.cn`,
      '部室联络员',
      d,
      'A',
      `1380000${String(i).padStart(2, '0')}01`,
    ]);
    rows.push([
      `联络员${i}B`,
      `liaison${i}b@jinghu.gov.cn`,
      '部室联络员',
      d,
      'B',
      `1380000${String(i).padStart(2, '0')}02`,
    ]);
  });
  env.typeInto('人员', 'A2', rows);
  env.typeInto(
    '部室',
    'A2',
    DEPARTMENTS.map((d) => [d]),
  );
}

/** n cases: three quarters archived, a quarter in 办理中 (most received, due over the next two months). */
function seed(env: GasEnvironment, n: number): void {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
  const h = header(env);
  const rows = Array.from({ length: n }, (_, i) => {
    const line: unknown[] = new Array(h.size).fill('');
    const put = (label: string, v: unknown) => (line[h.get(label)! - 1] = v);
    const open = i % 4 === 0;
    put('编号', `镜访〔2026〕${String(i + 1).padStart(3, '0')}号`);
    put('状态', open ? '办理中' : '已归档');
    put(
      '信访日期',
      at(`2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}T00:00:00+08:00`),
    );
    put('信访人姓名', `群众${i}`);
    put('联系电话', `139${String(i).padStart(8, '0')}`);
    put('信访件来源', '本级');
    put('信访形式', '来信');
    put('事项类型', '投诉');
    put('信访诉求', `第${i}件的诉求`);
    put('承办部室', DEPARTMENTS[Math.floor(i / 4) % DEPARTMENTS.length]); // the open quarter spread over all 12
    if (open) {
      // Open cases came in over the 60 days before the run, so their 办结 deadlines spread over the next 60 days (a
      // few due this week); one in 20 was never received (its 接收 overdue).
      const k = Math.floor(i / 4);
      put('信访日期', new Date(at('2026-09-04T00:00:00+08:00').getTime() + (k % 60) * 86_400_000));
      put('交办时间', at('2026-10-30T10:00:00+08:00'));
      if (k % 20 !== 0) put('接收时间', at('2026-10-30T11:00:00+08:00'));
    }
    return line;
  });
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, n, h.size).setValues(rows);
}

export function run(): object[] {
  const out: object[] = [];
  for (const n of [10_000, 50_000]) {
    const env = office('2026-11-02T06:30:00+08:00');
    people(env);
    seed(env, n);
    env.answerNextDialog({ button: 'OK' });
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
    env.clock.set('2026-11-03T07:30:00+08:00');
    env.runDueTriggers(); // the daily refresh
    const before = env.outbox.length;
    const step = measure(env, 'daily-reminders', n, () => {
      env.clock.set('2026-11-03T08:59:00+08:00');
      env.runDueTriggers();
    }) as Record<string, unknown>;
    const mails = env.outbox.slice(before);
    out.push({
      ...step,
      mailsSent: mails.length,
      recipients: mails.reduce((s, m) => s + m.to.length + m.cc.length, 0),
      groups: DEPARTMENTS.length + 1,
    });
  }
  return out;
}
