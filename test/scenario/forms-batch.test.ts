// A batch of forms driven by the sidebar the person keeps open (decision 8): one google.script.run call per slice,
// each well inside 30 s of modelled time, progress shown as 已生成 n/60, every form made exactly once even when the
// sidebar is closed half-way and reopened; Docs' 60 writes a minute respected, and its HTTP 429 backed off.
import type { GasEnvironment } from '../../emulator/index';
import { PEOPLE, PLATFORM_CASE, register, rowsOf, selectCase } from './office';
import { formsOffice, generate, nextSlice, sidebarStatus, type FormBatchStatus } from './forms';

const office = { user: PEOPLE.office.email };

/** `n` platform cases registered and signed for (签收) in one action on all their rows. */
function signedCases(env: GasEnvironment, n: number): string[] {
  const nos = Array.from(
    { length: n },
    (_, i) =>
      register(env, {
        ...PLATFORM_CASE,
        petitionerName: `群众${i + 1}`,
        idNumber: '',
        phone: `139${String(i).padStart(8, '0')}`,
        upstreamNo: `ZJ20261009${String(i).padStart(5, '0')}`,
      }).caseNo,
  );
  env.open(office);
  selectCase(env, 'office', ...nos);
  env.clickMenu('信访台账', '受理交办', '签收', office);
  return nos;
}

/** The executions that made forms (the menu click and the sidebar's slices), with what each cost. */
function sliceRuns(env: GasEnvironment) {
  return env.stats().executions.filter((e) => ['menuForm3', 'formsRunSlice'].includes(e.functionName));
}

describe('a batch of 60 forms through the sidebar', () => {
  let env: GasEnvironment;
  let nos: string[];
  const seen: FormBatchStatus[] = [];
  beforeAll(() => {
    env = formsOffice();
    nos = signedCases(env, 60);
  });

  it('makes the first slice on the click and shows 已生成 n/60 in the sidebar', () => {
    const first = generate(env, 'office', nos, 3)!;
    expect(first.total).toBe(60);
    expect(first.done).toBeGreaterThan(0);
    expect(first.done).toBeLessThan(30);
    expect(first.finished).toBe(false);
    expect(env.ui.dialogs[env.ui.dialogs.length - 1]).toMatchObject({ kind: 'sidebar', title: '生成表单' });
    seen.push(first);
  });

  it('goes on slice by slice until the person closes the sidebar half-way', () => {
    while (seen[seen.length - 1]!.done < 30) seen.push(nextSlice(env));
    const done = seen.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBe(done.length);
  });

  it('picks up where it stopped when the sidebar is opened again from the menu', () => {
    const closedAt = seen[seen.length - 1]!;
    env.open(office);
    env.clickMenu('信访台账', '生成表单', '批量生成进度…', office);
    const reopened = sidebarStatus(env);
    expect(reopened).toMatchObject({ done: closedAt.done, total: 60, finished: false });
    expect(reopened.made).toEqual(closedAt.made);
    while (!seen[seen.length - 1]!.finished) {
      seen.push(nextSlice(env));
      expect(seen.length).toBeLessThan(60);
    }
    expect(seen[seen.length - 1]).toMatchObject({ done: 60, remaining: 0, refused: [] });
  });

  it('made each form exactly once: one Doc, one 文书 record, one log line and one link per case', () => {
    const last = seen[seen.length - 1]!;
    expect(last.made.map((m) => m.caseNo).sort()).toEqual([...nos].sort());
    const docs = env.drive.store.docs().filter((f) => f.name.startsWith('镜访'));
    expect(docs).toHaveLength(60);
    expect(new Set(docs.map((d) => d.name)).size).toBe(60);
    expect(docs.every((d) => !d.name.startsWith('〔作废〕'))).toBe(true);
    const records = rowsOf(env, '文书');
    expect(records).toHaveLength(60);
    expect(new Set(records.map((r) => r['编号'])).size).toBe(60);
    expect(records.every((r) => r['文书状态'] === '现行' && r['序号'] === 1)).toBe(true);
    const logged = rowsOf(env, '流转记录').filter((l) => l['动作'] === '生成表单');
    expect(logged.map((l) => l['编号']).sort()).toEqual([...nos].sort());
    for (const r of rowsOf(env, '台账')) expect(String(r['文书'])).toMatch(/^附件3：https:\/\/docs\.google\.com\//);
    expect(env.stats().total['Docs.Documents.batchUpdate']).toBe(60);
    expect(env.stats().total['Drive.Files.copy']).toBe(60);
  });

  it('kept every slice well inside 30 s of modelled time', () => {
    const runs = sliceRuns(env);
    expect(runs.length).toBe(seen.length);
    for (const r of runs) expect(r.modelledMs).toBeLessThan(25_000);
  });
});

describe('a slice Apps Script kills half-way', () => {
  it('is taken up by the next slice: the copy it made is filled, never copied again', () => {
    const env = formsOffice();
    const nos = signedCases(env, 6);
    let s = generate(env, 'office', nos.slice(0, 1), 3)!;
    expect(s.finished).toBe(true);
    env.open(office);
    selectCase(env, 'office', ...nos.slice(1));
    // The slice dies between the copy of a form and its batchUpdate ("Exceeded maximum execution time").
    env.faults.killAt({ call: 'Docs.Documents.batchUpdate', nth: 2 });
    expect(() => env.clickMenu('信访台账', '生成表单', '附件3 “2211”信访流程办理单', office)).toThrow(
      /Exceeded maximum execution time/,
    );
    do s = nextSlice(env);
    while (!s.finished);
    expect(s).toMatchObject({ total: 5, done: 5, refused: [] });
    expect(env.stats().total['Drive.Files.copy']).toBe(6);
    expect(env.drive.store.docs().filter((f) => f.name.startsWith('镜访'))).toHaveLength(6);
    expect(rowsOf(env, '文书')).toHaveLength(6);
    expect(new Set(rowsOf(env, '文书').map((r) => r['编号'])).size).toBe(6);
  });
});

describe('Docs’ limits', () => {
  const QUOTA =
    "API call to docs.documents.batchUpdate failed with error: Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com' for consumer 'project_number:1'.";

  it('backs off on HTTP 429 and still makes each form once', () => {
    const env = formsOffice();
    const nos = signedCases(env, 5);
    env.faults.failOn('Docs.Documents.batchUpdate', { nth: 2, times: 2, error: QUOTA });
    let s = generate(env, 'office', nos, 3)!;
    while (!s.finished) s = nextSlice(env);
    expect(s).toMatchObject({ done: 5, refused: [] });
    expect(env.stats().total['Docs.Documents.batchUpdate']).toBe(7);
    // The first 429 waits a second and retries; the second would wait two more (or leaves the form to the next
    // slice when that does not fit): either way each batchUpdate is retried, never a form copied twice.
    expect(env.stats().total['Utilities.sleep']).toBeGreaterThanOrEqual(1);
    expect(env.stats().total['Drive.Files.copy']).toBe(5);
    expect(env.drive.store.docs().filter((f) => f.name.startsWith('镜访'))).toHaveLength(5);
    expect(rowsOf(env, '文书')).toHaveLength(5);
  });

  it('waits for the minute to pass once 60 writes were made in it, in a later slice when it does not fit this one', () => {
    const env = formsOffice();
    const nos = signedCases(env, 3);
    const props = env.globals.PropertiesService.getUserProperties();
    // The person's queue as the sidebar left it, with 60 Docs writes in the last 20 seconds.
    generate(env, 'office', [nos[0]!], 3);
    const n = Number(props.getProperty('FORMS_JOB_N'));
    const job = JSON.parse(Array.from({ length: n }, (_, i) => props.getProperty(`FORMS_JOB_${i}`)).join('')) as {
      items: { caseNo: string; annex: number; state: string }[];
      cache: { writes: number[] };
    };
    const now = env.clock.now().getTime();
    job.items.push(...nos.slice(1).map((caseNo) => ({ caseNo, annex: 3, state: 'pending' })));
    job.cache.writes = Array.from({ length: 60 }, (_, i) => now - 20_000 + i * 100);
    const text = JSON.stringify(job);
    const chunks: Record<string, string> = {};
    let k = 0;
    for (let i = 0; i < text.length; i += 2500) chunks[`FORMS_JOB_${k++}`] = text.slice(i, i + 2500);
    props.setProperties({ ...chunks, FORMS_JOB_N: String(k) });

    const blocked = nextSlice(env);
    expect(blocked).toMatchObject({ done: 1, message: 'Docs 每分钟写入次数已达上限，稍后继续' });
    expect(env.stats().total['Docs.Documents.batchUpdate']).toBe(1);
    env.clock.set(new Date(now + 45_000));
    const after = nextSlice(env);
    expect(after).toMatchObject({ done: 3, finished: true });
    expect(env.stats().total['Docs.Documents.batchUpdate']).toBe(3);
  });
});
