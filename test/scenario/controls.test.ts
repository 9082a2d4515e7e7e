// The ledger's controls through the real bundle: 编号, 状态 and the sign-offs change only through the workflow.
// A typed change the rule table does not allow for that person is put back (note + log line naming who typed
// what); a legal one becomes a logged transition; every row is anchored, so a clear or a sort loses no case; an
// old ledger pasted by the 信访办 is recorded as 补录; an opinion the annexes print is required.
import type { GasEnvironment } from '../../emulator/index';
import {
  act,
  caseRow,
  cellOf,
  columnLetter,
  headerOf,
  lastAlert,
  logOf,
  ok,
  PEOPLE,
  PLATFORM_CASE,
  register,
  rowNumberOf,
  rowsOf,
  startOffice,
  type Who,
} from './office';

let env: GasEnvironment;
beforeEach(() => {
  env = startOffice();
});

const by = (who: Who) => ({ user: PEOPLE[who].email });
const HIDDEN = '（身份未知：Google 未提供操作人邮箱）';

function ledger(): GoogleAppsScript.Spreadsheet.Sheet {
  return env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
}

function noteAt(caseNo: string, label: string): string {
  return ledger()
    .getRange(cellOf(env, caseNo, label))
    .getNote();
}

function backgroundAt(caseNo: string, label: string): string {
  return ledger()
    .getRange(cellOf(env, caseNo, label))
    .getBackground();
}

/** Runs a menu step that must succeed. */
function step(who: Who, caseNo: string, path: [string, string], fields?: Record<string, string>): void {
  const r = act(env, who, caseNo, path, fields);
  if (r) expect(r).toMatchObject({ ok: true });
}

/** A 检举控告类 case walked through the menus to 待办结签批: only the 主职领导 may close it. */
function awaitingClosure(): string {
  const { caseNo } = register(env, { ...PLATFORM_CASE, matterType: '检举控告', demand: '举报某项目负责人收受好处。' });
  step('office', caseNo, ['受理交办', '签收']);
  step('principal', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请严肃核查' });
  step('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
  step('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '经核查，部分属实。' });
  step('lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
  step('petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意' });
  expect(caseRow(env, caseNo)['状态']).toBe('待办结签批');
  return caseNo;
}

describe('a 状态 typed by someone the rule table does not allow', () => {
  it.each([
    ['an editor Apps Script does not name (outside the domain)', 'volunteer@example.org', HIDDEN],
    ['an editor of the domain who is not in 人员', 'stranger@jinghu.gov.cn', 'stranger@jinghu.gov.cn'],
  ])('is put back for %s, who holds no role: noted on the cell and logged', (_who, user, shownAs) => {
    const caseNo = awaitingClosure();
    env.typeInto('台账', cellOf(env, caseNo, '状态'), '已办结', { user });
    expect(caseRow(env, caseNo)).toMatchObject({ 状态: '待办结签批', 办结签批人: '', 办结日期: '' });
    expect(noteAt(caseNo, '状态')).toMatch(/未经流程的修改已恢复：「状态」填入的「已办结」已恢复为「待办结签批」/);
    expect(noteAt(caseNo, '状态')).toMatch(/没有「人员」表中的角色/);
    expect(backgroundAt(caseNo, '状态')).toBe('#fff2cc');
    const last = logOf(env, caseNo).pop()!;
    expect(last).toMatchObject({ 动作: '恢复原值', 操作人: shownAs });
    expect(String(last['说明'])).toContain('将「状态」改为「已办结」，未经流程，已恢复为「待办结签批」');
  });

  it('is put back for the 信访办 typing 已办结 onto a case the 主职领导 has not signed', () => {
    const caseNo = awaitingClosure();
    env.typeInto('台账', cellOf(env, caseNo, '状态'), '已办结', by('office'));
    expect(caseRow(env, caseNo)).toMatchObject({ 状态: '待办结签批', 办结签批人: '' });
    expect(noteAt(caseNo, '状态')).toMatch(/检举控告类信访件的办结签批须由主职领导签批，王芳的角色为信访办/);
    const last = logOf(env, caseNo).pop()!;
    expect(last).toMatchObject({ 动作: '恢复原值', 操作人: `王芳 <${PEOPLE.office.email}>` });
    expect(String(last['说明'])).toContain('将「状态」改为「已办结」');
    // The menu still works from the recorded state: the 主职领导 signs and the case closes.
    step('principal', caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' });
    expect(caseRow(env, caseNo)).toMatchObject({ 状态: '已办结', 办结签批人: '赵强' });
  });

  it('puts back a typed sign-off (who signed, when) whoever types it', () => {
    const caseNo = awaitingClosure();
    env.typeInto('台账', cellOf(env, caseNo, '信访分管领导审核人'), '王芳', by('office'));
    expect(caseRow(env, caseNo)['信访分管领导审核人']).toBe('钱伟');
    expect(noteAt(caseNo, '信访分管领导审核人')).toMatch(/「信访分管领导审核人」由流程填写，不能直接修改/);
  });
});

describe('a legal typed change', () => {
  it('becomes the logged transition, with the opinion the leader typed first', () => {
    const caseNo = awaitingClosure();
    // The 主职领导 types their opinion (theirs to give now: it stays and is logged), then the state.
    env.typeInto('台账', cellOf(env, caseNo, '办结签批意见'), '同意办结，注意回访', by('principal'));
    expect(caseRow(env, caseNo)['办结签批意见']).toBe('同意办结，注意回访');
    expect(logOf(env, caseNo).pop()).toMatchObject({ 动作: '修改', 操作人: `赵强 <${PEOPLE.principal.email}>` });
    env.typeInto('台账', cellOf(env, caseNo, '状态'), '已办结', by('principal'));
    expect(caseRow(env, caseNo)).toMatchObject({ 状态: '已办结', 办结签批人: '赵强', 办结日期: '2026-10-09' });
    expect(noteAt(caseNo, '状态')).toBe('');
    const last = logOf(env, caseNo).pop()!;
    expect(last).toMatchObject({
      动作: '办结签批',
      原状态: '待办结签批',
      新状态: '已办结',
      操作人: `赵强 <${PEOPLE.principal.email}>`,
    });
    expect(String(last['说明'])).toContain('意见：同意办结，注意回访');
    // Signed: nobody types past the sign-off, the signer included.
    env.typeInto('台账', cellOf(env, caseNo, '办结签批意见'), '不同意', by('principal'));
    expect(caseRow(env, caseNo)['办结签批意见']).toBe('同意办结，注意回访');
    expect(noteAt(caseNo, '办结签批意见')).toMatch(/「办结签批意见」随「办结签批」填写/);
  });

  it('needs the opinion the annex prints: typing 信访审核中 with an empty 事项分管领导审核意见 is put back', () => {
    const { caseNo } = register(env, PLATFORM_CASE);
    step('office', caseNo, ['受理交办', '签收']);
    step('petitionLeader', caseNo, ['受理交办', '交办签批…']);
    step('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    step('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已约谈施工单位。' });
    env.typeInto('台账', cellOf(env, caseNo, '状态'), '信访审核中', by('lineLeader'));
    expect(caseRow(env, caseNo)['状态']).toBe('审核中');
    expect(noteAt(caseNo, '状态')).toContain('「事项分管领导审核」须填写：事项分管领导审核意见');
  });
});

describe('an empty required opinion in the dialog', () => {
  it.each([['事项分管领导审核…', 'lineLeader', 'itemReviewOpinion', '事项分管领导审核意见']] as const)(
    '%s is refused with the reason naming the field',
    (caption, who, key, label) => {
      const { caseNo } = register(env, PLATFORM_CASE);
      step('office', caseNo, ['受理交办', '签收']);
      step('petitionLeader', caseNo, ['受理交办', '交办签批…']);
      step('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
      step('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已约谈施工单位。' });
      const before = caseRow(env, caseNo);
      ok(env);
      const r = act(env, who, caseNo, ['办理审核', caption], { [key]: '  ' });
      expect(r).toMatchObject({ ok: false });
      expect(r!.message).toContain(`${caseNo}「事项分管领导审核」须填写：${label}`);
      expect(lastAlert(env)).toContain(`须填写：${label}`);
      expect(caseRow(env, caseNo)).toEqual(before);
    },
  );

  it('refuses 信访分管领导审核 and 办结签批 without an opinion; 交办签批 needs none', () => {
    const { caseNo } = register(env, PLATFORM_CASE);
    step('office', caseNo, ['受理交办', '签收']);
    step('petitionLeader', caseNo, ['受理交办', '交办签批…']); // a signature and a date only (annex 3)
    expect(caseRow(env, caseNo)).toMatchObject({ 状态: '待交办', 交办签批人: '钱伟', 交办签批意见: '' });
    step('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    step('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已处理。' });
    step('lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
    ok(env);
    expect(act(env, 'petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], {})!.message).toContain(
      '须填写：信访分管领导审核意见',
    );
    step('petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意' });
    ok(env);
    expect(act(env, 'petitionLeader', caseNo, ['办结回访', '办结签批…'], {})!.message).toContain(
      '须填写：办结签批意见',
    );
    expect(caseRow(env, caseNo)['状态']).toBe('待办结签批');
  });
});

describe('the row anchor', () => {
  it('brings a cleared 编号 back, noted and logged; the number is never given to another case', () => {
    const { caseNo } = register(env, PLATFORM_CASE);
    const row = rowNumberOf(env, caseNo);
    const col = headerOf(env, '台账').get('编号')!;
    env.typeInto('台账', `${columnLetter(col)}${row}`, '', by('office'));
    expect(caseRow(env, caseNo)['状态']).toBe('待签收');
    expect(noteAt(caseNo, '编号')).toMatch(
      /「编号」填入的「（空）」已恢复为「镜访〔2026〕001号」。编号一经分配不能修改或清空/,
    );
    expect(logOf(env, caseNo).pop()).toMatchObject({ 动作: '恢复原值' });
    const next = register(env, { ...PLATFORM_CASE, upstreamNo: 'ZJ2', demand: '另一件' });
    expect(next.caseNo).toBe('镜访〔2026〕002号');
    expect(rowsOf(env, '台账').map((r) => r['编号'])).toEqual([caseNo, next.caseNo]);
  });

  it('brings back every control of a row whose visible cells were cleared; the facts stay cleared', () => {
    const { caseNo } = register(env, PLATFORM_CASE);
    step('office', caseNo, ['受理交办', '签收']);
    const row = rowNumberOf(env, caseNo);
    const h = headerOf(env, '台账');
    const visible = [...h.keys()].filter((l) => !l.includes('勿改')).length;
    env.typeInto('台账', `A${row}:${columnLetter(visible)}${row}`, [new Array(visible).fill('')], by('office'));
    expect(rowsOf(env, '台账')[0]).toMatchObject({
      编号: caseNo,
      状态: '待交办签批',
      签收人: '王芳',
      信访人姓名: '',
      信访诉求: '',
    });
  });

  it('finds each case after the ledger is sorted by a column header', () => {
    const a = register(env, { ...PLATFORM_CASE, petitionerName: '甲', upstreamNo: 'Z1' }).caseNo;
    const b = register(env, { ...PLATFORM_CASE, petitionerName: '乙', upstreamNo: 'Z2' }).caseNo;
    const c = register(env, { ...PLATFORM_CASE, petitionerName: '丙', upstreamNo: 'Z3' }).caseNo;
    step('office', b, ['受理交办', '签收']);
    // A person sorts by 信访人姓名 from the filter's header (the filter spans the hidden columns too).
    ledger().getFilter()!.sort(headerOf(env, '台账').get('信访人姓名')!, true);
    expect(rowsOf(env, '台账').map((r) => r['信访人姓名'])).toEqual(['丙', '乙', '甲']);
    // Clearing 甲's 编号 (now on the last row) brings back 甲's own number, not another's.
    env.typeInto('台账', cellOf(env, a, '编号'), '', by('office'));
    expect(rowsOf(env, '台账').map((r) => `${r['信访人姓名']}:${r['编号']}`)).toEqual([
      `丙:${c}`,
      `乙:${b}`,
      `甲:${a}`,
    ]);
    // Typing 乙's 状态 is judged from 乙's own record (signed: 待交办签批 → 待交办 is the leader's).
    env.typeInto('台账', cellOf(env, b, '状态'), '待交办', by('petitionLeader'));
    expect(caseRow(env, b)).toMatchObject({ 状态: '待交办', 交办签批人: '钱伟' });
    expect(logOf(env, b).pop()).toMatchObject({ 动作: '交办签批', 原状态: '待交办签批', 新状态: '待交办' });
  });
});

describe('a sort of only the visible columns', () => {
  it('is caught at the next edit (nothing written), and 初始化/修复 brings each record back to its row', () => {
    const a = register(env, { ...PLATFORM_CASE, petitionerName: '甲', upstreamNo: 'Z1' }).caseNo;
    const b = register(env, { ...PLATFORM_CASE, petitionerName: '乙', upstreamNo: 'Z2' }).caseNo;
    step('office', b, ['受理交办', '签收']);
    const h = headerOf(env, '台账');
    const visible = [...h.keys()].filter((l) => !l.includes('勿改')).length;
    // Someone selects the visible columns and sorts that range: the hidden anchors stay where they were.
    ledger()
      .getRange(2, 1, 2, visible)
      .sort({ column: h.get('信访人姓名')!, ascending: true });
    expect(rowsOf(env, '台账').map((r) => `${r['信访人姓名']}:${r['编号']}:${r['系统编号（勿改）']}`)).toEqual([
      `乙:${b}:${a}`,
      `甲:${a}:${b}`,
    ]);
    env.typeInto('台账', cellOf(env, b, '状态'), '待签收', by('office'));
    expect(caseRow(env, b)['状态']).toBe('待签收');
    expect(noteAt(b, '编号')).toMatch(new RegExp(`本行「编号」${b} 与本行的系统编号 ${a} 不一致`));
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复', by('office'));
    expect(lastAlert(env)).toContain('2 件的系统记录已对回其所在行');
    expect(rowsOf(env, '台账').map((r) => `${r['信访人姓名']}:${r['系统编号（勿改）']}`)).toEqual([
      `乙:${b}`,
      `甲:${a}`,
    ]);
    // Each row is its own case again: the leader's 待交办 on 乙 is judged from 乙's record (待交办签批).
    env.typeInto('台账', cellOf(env, b, '状态'), '待交办', by('petitionLeader'));
    expect(caseRow(env, b)).toMatchObject({ 状态: '待交办', 交办签批人: '钱伟' });
  });
});

describe('pasting an old ledger', () => {
  /** Rows as an office's Excel ledger holds them, laid out in 台账's visible columns. */
  function oldRows(rows: Record<string, string>[]): unknown[][] {
    const h = headerOf(env, '台账');
    const width = [...h.keys()].filter((l) => !l.includes('勿改')).length;
    return rows.map((r) => {
      const line: unknown[] = new Array(width).fill('');
      for (const [label, v] of Object.entries(r)) line[h.get(label)! - 1] = v;
      return line;
    });
  }
  const old = (no: string, name: string, state: string): Record<string, string> => ({
    编号: no,
    状态: state,
    信访日期: '2026-03-02',
    信访人姓名: name,
    信访件来源: '本级',
    信访形式: '来信',
    事项类型: '咨询',
    信访诉求: `${name}的诉求`,
    承办部室: '规划建设部',
  });

  it('by the 信访办: 补录 in each row’s state, own numbers kept, the next number given, a duplicate flagged', () => {
    const existing = register(env, PLATFORM_CASE).caseNo; // 镜访〔2026〕001号
    const start = ledger().getLastRow() + 1;
    const rows = oldRows([
      old('镜访〔2026〕040号', '赵一', '办理中'),
      old('', '钱二', '已归档'),
      old(existing, '孙三', '办理中'),
      old('2026-41', '李四', '待签收'),
    ]);
    env.typeInto('台账', `A${start}`, rows, by('office'));
    const all = rowsOf(env, '台账');
    expect(all.map((r) => `${r['信访人姓名']}|${r['编号']}|${r['状态']}`)).toEqual([
      `张三|${existing}|待签收`,
      '赵一|镜访〔2026〕040号|办理中',
      '钱二|镜访〔2026〕041号|已归档',
      `孙三|${existing}|办理中`,
      '李四|2026-41|待签收',
    ]);
    expect(logOf(env, '镜访〔2026〕040号')).toEqual([
      expect.objectContaining({ 动作: '补录', 新状态: '办理中', 操作人: `王芳 <${PEOPLE.office.email}>` }),
    ]);
    expect(logOf(env, '镜访〔2026〕041号')).toEqual([
      expect.objectContaining({ 动作: '补录', 新状态: '已归档', 说明: '补录原有台账，分配新编号' }),
    ]);
    // The duplicate is flagged, not accepted: its row is no case, and 001 keeps its own log.
    const dupRow = start + 2;
    const noCol = columnLetter(headerOf(env, '台账').get('编号')!);
    expect(ledger().getRange(`${noCol}${dupRow}`).getNote()).toMatch(
      /编号 镜访〔2026〕001号 已被本台账中另一件信访件使用，本行未登记/,
    );
    expect(ledger().getRange(`${noCol}${dupRow}`).getBackground()).toBe('#fff2cc');
    expect(
      ledger()
        .getRange(`${noCol}${start + 3}`)
        .getNote(),
    ).toMatch(/「2026-41」不是本单位的编号格式/);
    expect(logOf(env, existing).map((l) => l['动作'])).toEqual(['登记']);
    expect(rowsOf(env, '台账')[3]!['系统编号（勿改）']).toBe('');
    // Selecting the flagged row and clicking 签收 does not reach case 001 through the number it shows.
    env.open(by('office'));
    env.select('台账', `A${dupRow}`, by('office'));
    ok(env);
    env.clickMenu('信访台账', '受理交办', '签收', by('office'));
    expect(lastAlert(env)).toContain(`第 ${dupRow} 行还没有登记`);
    expect(caseRow(env, existing)['状态']).toBe('待签收');
    // The counter moved past the pasted numbers.
    expect(register(env, { ...PLATFORM_CASE, upstreamNo: 'ZJ9' }).caseNo).toBe('镜访〔2026〕042号');
    // Correcting the duplicate's 编号 (clearing it) registers the row with the next number.
    env.typeInto('台账', `${noCol}${dupRow}`, '', by('office'));
    expect(rowsOf(env, '台账')[3]).toMatchObject({ 信访人姓名: '孙三', 编号: '镜访〔2026〕043号', 状态: '办理中' });
    expect(ledger().getRange(`${noCol}${dupRow}`).getNote()).toBe('');
  });

  it('by anyone else: judged like any typed change — not registered, the typed controls put back', () => {
    const start = ledger().getLastRow() + 1;
    env.typeInto('台账', `A${start}`, oldRows([old('镜访〔2026〕040号', '赵一', '已办结')]), by('petitionLeader'));
    const row = rowsOf(env, '台账')[start - 2]!;
    expect(row).toMatchObject({ 信访人姓名: '赵一', 编号: '', 状态: '', '系统编号（勿改）': '' });
    const noCol = columnLetter(headerOf(env, '台账').get('编号')!);
    expect(ledger().getRange(`${noCol}${start}`).getNote()).toMatch(
      /本行尚未登记：登记信访件须由「信访办」办理，钱伟的角色为信访工作分管领导/,
    );
    expect(rowsOf(env, '流转记录').filter((l) => l['动作'] === '恢复原值')).toHaveLength(2);
  });
});
