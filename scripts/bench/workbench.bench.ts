// The 部室工作台 on large ledgers (issue 17): 10,000 and 50,000 cases, a twentieth open across 12 departments.
// Prints the modelled cost of a liaison opening 我的待办 (first with the configuration cache empty, then warm), opening
// a case page, and performing 接收 from it — each one web-app execution; the target is under 2 s each at 50,000.
import type { GasEnvironment } from '../../emulator/index';
import { derivedCells } from '../../src/app/derived';
import { WorkCalendar } from '../../src/core/calendar';
import { encodeRecord } from '../../src/core/controls';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import { DERIVED_FIELDS, type Case } from '../../src/core/model';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';
import { header, office } from './ledger.bench';

const RULES: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const NOW = new Date('2026-11-02T10:00:00+08:00');
/** The derived columns' labels by key, as the model names them. */
const DERIVED_LABELS: Record<string, string> = Object.fromEntries(DERIVED_FIELDS.fields.map((f) => [f.key, f.label]));

const DEPARTMENTS = Array.from({ length: 12 }, (_, i) => `第${i + 1}部`);
const LIAISON = 'liaison0a@jinghu.gov.cn';

function people(env: GasEnvironment): void {
  env.typeInto(
    '人员',
    'A3',
    DEPARTMENTS.map((d, i) => [`联络员${i}`, `liaison${i}a@jinghu.gov.cn`, '部室联络员', d, 'A', '']),
  );
  env.typeInto(
    '部室',
    'A2',
    DEPARTMENTS.map((d) => [d]),
  );
}

/**
 * n cases as the app writes them (their control record and derived columns filled, so 初始化/修复 has nothing to take
 * in), one in 20 open (assigned, most received, some waiting for 接收), the rest archived.
 */
function seed(env: GasEnvironment, n: number): void {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
  const h = header(env);
  const rows = Array.from({ length: n }, (_, i) => {
    const line: unknown[] = new Array(h.size).fill('');
    const put = (label: string, v: unknown) => (line[h.get(label)! - 1] = v);
    const open = i % 20 === 0;
    const no = `镜访〔2026〕${String(i + 1).padStart(5, '0')}号`;
    put('编号', no);
    put('系统编号（勿改）', no);
    put('状态', open ? '办理中' : '已归档');
    put('信访日期', new Date(Date.parse('2026-01-05T00:00:00+08:00') + (i % 300) * 86_400_000));
    put('信访人姓名', `群众${i}`);
    put('联系电话', `139${String(i).padStart(8, '0')}`);
    put('信访件来源', '本级');
    put('信访形式', '来信');
    put('事项类型', '投诉');
    put('信访诉求', `第${i}件的诉求：道路破损，请尽快修复。`);
    put('承办部室', DEPARTMENTS[Math.floor(i / 20) % DEPARTMENTS.length]);
    const c: Partial<Case> = {
      caseNo: no,
      state: open ? '办理中' : '已归档',
      department: line[h.get('承办部室')! - 1] as string,
    };
    if (open) {
      c.petitionDate = '2026-10-20';
      c.assignedAt = new Date(Date.parse('2026-10-30T10:00:00+08:00'));
      if (Math.floor(i / 20) % 5 !== 0) c.receivedAt = new Date(Date.parse('2026-10-30T11:00:00+08:00'));
      put('信访日期', new Date(Date.parse('2026-10-20T00:00:00+08:00')));
      put('交办时间', c.assignedAt);
      if (c.receivedAt) put('接收时间', c.receivedAt);
      for (const [k, v] of Object.entries(derivedCells(c as Case, RULES, NOW))) put(DERIVED_LABELS[k]!, v);
    } else put('期限状态', '按期办结');
    put('系统流程记录（勿改）', encodeRecord(c));
    return line;
  });
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, n, h.size).setValues(rows);
}

/** One web-app execution's cost. */
function cost(env: GasEnvironment, name: string, cases: number, step: () => unknown): Record<string, unknown> {
  const before = env.stats().executions.length;
  const result = step();
  const runs = env.stats().executions.slice(before);
  const sum = (f: (e: (typeof runs)[number]) => number) => runs.reduce((s, e) => s + f(e), 0);
  return {
    name,
    cases,
    executions: runs.length,
    roundTrips: sum((e) => e.roundTrips),
    cellsRead: sum((e) => e.cellsRead),
    cellsWritten: sum((e) => e.cellsWritten),
    modelledS: Math.round(sum((e) => e.modelledMs) / 10) / 100,
    result,
  };
}

const pageData = (html: string): { mine: { caseNo: string; row: number; node: string }[]; version: string } =>
  JSON.parse(/var DATA = (\{.*?\});\n/.exec(html)![1]!);

export function run(): object[] {
  const out: object[] = [];
  for (const n of [10_000, 50_000]) {
    const env = office('2026-11-02T10:00:00+08:00');
    people(env);
    seed(env, n);
    env.answerNextDialog({ button: 'OK' });
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复'); // computes the derived columns and the workbench index
    env.webApp.deploy();
    let html = '';
    const queue = cost(env, 'workbench-open-queue', n, () => {
      const r = env.webApp.get({ user: LIAISON });
      html = r.kind === 'html' ? r.html : '';
      return r.kind;
    });
    // Again, as the next person opens it: the configuration sheets now come from the Script Cache.
    const warm = cost(env, 'workbench-open-queue-warm', n, () => env.webApp.get({ user: LIAISON }).kind);
    const mine = pageData(html).mine;
    const target = mine.find((q) => q.node === '接收');
    if (!target)
      throw new Error(`no case waiting for 接收 in 我的待办: ${JSON.stringify(mine.slice(0, 3))} of ${mine.length}`);
    let version = '';
    const page = cost(env, 'workbench-open-case', n, () => {
      const r = env.webApp.get({ user: LIAISON, parameter: { case: target.caseNo, row: String(target.row) } });
      version = r.kind === 'html' ? pageData(r.html).version : '';
      return r.kind;
    });
    const receive = cost(env, 'workbench-receive', n, () =>
      env.webApp.run('workbenchAct', [{ caseNo: target.caseNo, action: 'receive', version, row: target.row }], {
        user: LIAISON,
      }),
    );
    out.push({ ...queue, name: 'workbench-open-queue-cold', queued: mine.length }, warm, page, receive);
  }
  return out;
}
