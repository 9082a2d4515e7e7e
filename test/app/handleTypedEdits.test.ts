// Typing straight into the ledger: facts judged, completed, flagged and logged — never reverted; the controls (编号,
// 状态, sign-offs) put back to the row's record unless the rule table allows the change for that person.
import type { RawRow } from '../../src/app/coerce';
import { handleTypedEdits, type TypedEdit } from '../../src/app/handleTypedEdits';
import { decodeRecord, sealed } from '../../src/core/controls';
import type { Case, CaseKey } from '../../src/core/model';
import { chief, DEPT, lineLeader, mailbox, memoryWorld, office, petitionLeader, type World } from './memoryPorts';

const NO1 = '镜访〔2026〕001号';
const existing: Case = sealed({
  caseNo: NO1,
  state: '待签收',
  petitionerName: '张三',
  petitionDate: '2026-03-02',
  source: '本级',
  form: '来信',
  matterType: '投诉',
  demand: '道路积水',
  dueDate: '2026-05-06',
  dueSource: '计算',
  groupVisit: false,
  registeredAt: new Date('2026-03-02T01:00:00Z'),
  registeredBy: '王芳',
});

/** Types values into a row of the in-memory sheet (creating it) and returns the edit the sheet would report. */
function typeInto(w: World, ref: string, values: RawRow, oldValuesKnown = true): TypedEdit {
  let row = w.rows.find((r) => r.ref === ref);
  if (!row) {
    row = { ref, c: {} as Case };
    w.rows.push(row);
  }
  const cells = row.c as Record<string, unknown>;
  const changes = Object.keys(values).map((k) =>
    oldValuesKnown ? { key: k as CaseKey, oldValue: cells[k] ?? '' } : { key: k as CaseKey },
  );
  Object.assign(cells, values);
  return { ref, row: { ...cells } as RawRow, changes };
}
const cell = (w: World, ref: string, key: string): unknown =>
  (w.rows.find((r) => r.ref === ref)?.c as Record<string, unknown>)[key];

describe('a new row typed by hand', () => {
  const typed = { petitionerName: '李梅', petitionDate: '2026/3/2', source: '本级', form: '来信', demand: '噪声扰民' };
  test('gets a number, a registration line and a computed 办理期限; what was typed stays as typed', () => {
    const w = memoryWorld();
    const r = handleTypedEdits({ edits: [typeInto(w, 'row-2', typed)], actorEmail: office.email }, w.ports);
    expect(r).toEqual({ issues: [], assigned: [{ ref: 'row-2', caseNo: NO1 }], warnings: [] });
    expect(w.rows[0].c).toMatchObject({
      caseNo: NO1,
      state: '待签收',
      dueDate: '2026-05-06',
      dueSource: '计算',
      registeredBy: '王芳',
      groupVisit: false,
      petitionDate: '2026/3/2',
    });
    expect(w.audit).toEqual([
      expect.objectContaining({ caseNo: NO1, action: '登记', toState: '待签收', note: '在台账中手工录入' }),
    ]);
    expect(w.highWater.get(2026)).toBe(1);
  });
  test('two new rows in one batch get consecutive numbers', () => {
    const w = memoryWorld();
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', typed), typeInto(w, 'row-3', typed)], actorEmail: office.email },
      w.ports,
    );
    expect(r.assigned).toEqual([
      { ref: 'row-2', caseNo: NO1 },
      { ref: 'row-3', caseNo: '镜访〔2026〕002号' },
    ]);
    expect(cell(w, 'row-3', 'repeatOf')).toBe('');
  });
  test('a typed 办理期限 is 手填 and is never overwritten when 信访日期 changes later', () => {
    const w = memoryWorld();
    handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { ...typed, dueDate: '2026-03-31' })], actorEmail: office.email },
      w.ports,
    );
    expect(w.rows[0].c).toMatchObject({ dueDate: '2026-03-31', dueSource: '手填' });
    handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { petitionDate: '2026-03-05' })], actorEmail: office.email },
      w.ports,
    );
    expect(w.rows[0].c).toMatchObject({ dueDate: '2026-03-31', dueSource: '手填' });
  });
  test('a fully typed walk-in with its department starts in 办理中 and the department is told', () => {
    const w = memoryWorld();
    const walkIn = { ...typed, form: '来访', matterType: '投诉', visitRouting: '业务性较强', department: DEPT };
    handleTypedEdits({ edits: [typeInto(w, 'row-2', walkIn)], actorEmail: office.email }, w.ports);
    expect(w.rows[0].c).toMatchObject({ state: '办理中', assignedAt: w.clock.now });
    expect(w.sent.map((n) => n.text)).toEqual([`${NO1} 现场来访，请派员接待`]);
  });
});

describe('facts typed into an existing row', () => {
  test('a tracked field is logged old → new, and nothing else is written', () => {
    const w = memoryWorld({ cases: [existing] });
    handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { demand: '道路积水，影响出行' })], actorEmail: office.email },
      w.ports,
    );
    expect(w.audit).toEqual([
      expect.objectContaining({
        caseNo: NO1,
        action: '修改',
        field: '信访诉求',
        oldValue: '道路积水',
        newValue: '道路积水，影响出行',
        actorName: '王芳',
      }),
    ]);
    expect(w.saves).toEqual([]);
  });
  test('an empty 办理期限 is computed from a typed 信访日期; a typed one becomes 手填; clearing it recomputes', () => {
    const w = memoryWorld({ cases: [sealed({ ...existing, dueDate: undefined, dueSource: undefined })] });
    handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { petitionDate: '2026-03-09' })], actorEmail: office.email },
      w.ports,
    );
    expect(w.rows[0].c).toMatchObject({ dueDate: '2026-05-08', dueSource: '计算' });
    handleTypedEdits({ edits: [typeInto(w, 'row-2', { dueDate: '2026-04-01' })], actorEmail: office.email }, w.ports);
    expect(w.rows[0].c).toMatchObject({ dueDate: '2026-04-01', dueSource: '手填' });
    handleTypedEdits({ edits: [typeInto(w, 'row-2', { dueDate: '' })], actorEmail: office.email }, w.ports);
    expect(w.rows[0].c).toMatchObject({ dueDate: '2026-05-08', dueSource: '计算' });
  });
  test('人数 typed up to 6 sets the 集体访 flag', () => {
    const w = memoryWorld({ cases: [existing] });
    handleTypedEdits({ edits: [typeInto(w, 'row-2', { personCount: 6 })], actorEmail: office.email }, w.ports);
    expect(w.rows[0].c.groupVisit).toBe(true);
  });
  test('invalid values become issues and are kept as typed', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      {
        edits: [
          typeInto(w, 'row-2', { idNumber: '110105194912310021', petitionDate: '2026-02-30', personCount: '3人' }),
        ],
        actorEmail: office.email,
      },
      w.ports,
    );
    expect(r.issues).toEqual([
      { ref: 'row-2', caseNo: NO1, key: 'petitionDate', message: '「信访日期」：不存在的日期：2026年2月30日' },
      {
        ref: 'row-2',
        caseNo: NO1,
        key: 'personCount',
        message: '「人数」：只填数字，不要带文字（如「3人」应填「3」）',
      },
      { ref: 'row-2', caseNo: NO1, key: 'idNumber', message: '「身份证号码」：校验位不正确（应为 X）' },
    ]);
    expect(w.rows[0].c).toMatchObject({
      idNumber: '110105194912310021',
      petitionDate: '2026-02-30',
      personCount: '3人',
    });
  });
  test('an unreadable 办理期限 is flagged and not replaced by the computed one', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { dueDate: '下周五' })], actorEmail: office.email },
      w.ports,
    );
    expect(r.issues.map((i) => i.key)).toEqual(['dueDate']);
    expect(w.rows[0].c.dueDate).toBe('下周五');
    expect(w.saves).toEqual([]);
  });
  test('typing into a derived column the app fills is kept, flagged and logged', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { dueSource: '手填' })], actorEmail: office.email },
      w.ports,
    );
    expect(r.issues).toEqual([
      { ref: 'row-2', caseNo: NO1, key: 'dueSource', message: '「期限来源」由系统填写，手工修改已保留并记录' },
    ]);
    expect(w.audit[0]).toMatchObject({ action: '修改', field: '期限来源', newValue: '手填' });
  });
});

describe('a control typed into an existing row', () => {
  test('a legal step is completed: sign-off written, logged as the action, the next signer told', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '待交办签批' })], actorEmail: office.email },
      w.ports,
    );
    expect(r.issues).toEqual([]);
    expect(w.rows[0].c).toMatchObject({ state: '待交办签批', signedBy: '王芳', signedAt: w.clock.now });
    expect(w.saves[0][0].fields).toEqual({
      signedBy: '王芳',
      signedAt: w.clock.now,
      controlRecord: expect.any(String),
    });
    expect(decodeRecord(w.rows[0].c.controlRecord)).toMatchObject({ state: '待交办签批', signedBy: '王芳' });
    expect(w.audit).toEqual([
      expect.objectContaining({ action: '签收', fromState: '待签收', toState: '待交办签批', note: '在台账中直接修改' }),
    ]);
    expect(mailbox(w)).toEqual([[[petitionLeader.email], `${NO1} 待交办签批`]]);
    expect(w.sent[0]!.content.step?.node).toBe('交办签批');
  });
  test('an illegal step is put back to the recorded state, noted and logged with who typed what', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '已归档' })], actorEmail: office.email },
      w.ports,
    );
    const reason = `${NO1} 不能从「待签收」直接改为「已归档」，流程中没有这一步（可改为：「待交办签批」「已转送」）`;
    expect(r.issues).toEqual([
      {
        ref: 'row-2',
        caseNo: NO1,
        key: 'state',
        message: `未经流程的修改已恢复：「状态」填入的「已归档」已恢复为「待签收」。${reason}`,
      },
    ]);
    expect(w.rows[0].c.state).toBe('待签收');
    expect(w.audit).toEqual([
      expect.objectContaining({
        caseNo: NO1,
        action: '恢复原值',
        actorName: '王芳',
        note: `将「状态」改为「已归档」，未经流程，已恢复为「待签收」：${reason}`,
      }),
    ]);
  });
  test('the wrong person typing a sign-off state is put back with the rule', () => {
    const w = memoryWorld({ cases: [sealed({ ...existing, state: '待交办签批', matterType: '检举控告' })] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '待交办' })], actorEmail: petitionLeader.email },
      w.ports,
    );
    expect(r.issues[0].message).toContain(
      `${NO1} 检举控告类信访件的交办签批须由主职领导签批，李四的角色为信访工作分管领导`,
    );
    expect(w.rows[0].c.state).toBe('待交办签批');
  });
  test.each([
    ['an editor not in 人员', 'guest@example.com', 'guest@example.com'],
    ['an editor Apps Script hides', '', '身份未知的修改人（Google 未提供其账号）'],
  ])('%s holds no role: a legal-looking step is put back, the log names them', (_who, email, name) => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits({ edits: [typeInto(w, 'row-2', { state: '待交办签批' })], actorEmail: email }, w.ports);
    expect(w.rows[0].c).toMatchObject({ state: '待签收' });
    expect(w.rows[0].c.signedBy).toBeUndefined();
    expect(r.issues[0].message).toContain(`${name}没有「人员」表中的角色，不能修改流程信息`);
    expect(w.audit).toEqual([expect.objectContaining({ action: '恢复原值', actorEmail: email, actorName: name })]);
  });
  test('an unknown or cleared state is put back', () => {
    const w = memoryWorld({ cases: [existing] });
    handleTypedEdits({ edits: [typeInto(w, 'row-2', { state: '完成' })], actorEmail: office.email }, w.ports);
    expect(w.rows[0].c.state).toBe('待签收');
    const cleared = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '' })], actorEmail: office.email },
      w.ports,
    );
    expect(cleared.issues.map((i) => i.message)).toEqual([
      '未经流程的修改已恢复：「状态」填入的「（空）」已恢复为「待签收」。「状态」不能清空，只能通过流程改变',
    ]);
    expect(w.rows[0].c.state).toBe('待签收');
  });
  test('a changed or cleared 编号 comes back from the anchor', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { caseNo: '镜访〔2026〕099号' })], actorEmail: office.email },
      w.ports,
    );
    expect(r.issues.map((i) => i.message)).toEqual([
      `未经流程的修改已恢复：「编号」填入的「镜访〔2026〕099号」已恢复为「${NO1}」。编号一经分配不能修改或清空`,
    ]);
    expect(w.rows[0].c.caseNo).toBe(NO1);
    handleTypedEdits({ edits: [typeInto(w, 'row-2', { caseNo: '' })], actorEmail: office.email }, w.ports);
    expect(w.rows[0].c.caseNo).toBe(NO1);
    expect(w.highWater.get(2026)).toBeUndefined();
  });
  test('an opinion is its signer’s to type while they may sign; anyone else’s is put back', () => {
    const reviewing = sealed({ ...existing, state: '审核中', department: DEPT, handler: '周明', opinion: '已处理' });
    const w = memoryWorld({ cases: [reviewing] });
    handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { itemReviewOpinion: '同意' })], actorEmail: lineLeader.email },
      w.ports,
    );
    expect(w.rows[0].c.itemReviewOpinion).toBe('同意');
    expect(w.audit.pop()).toMatchObject({ action: '修改', field: '事项分管领导审核意见', newValue: '同意' });
    handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { itemReviewOpinion: '我来写' })], actorEmail: chief.email },
      w.ports,
    );
    expect(w.rows[0].c.itemReviewOpinion).toBe('同意');
    handleTypedEdits({ edits: [typeInto(w, 'row-2', { state: '信访审核中' })], actorEmail: lineLeader.email }, w.ports);
    expect(w.rows[0].c).toMatchObject({ state: '信访审核中', itemReviewBy: '钱进' });
    expect(w.audit.pop()).toMatchObject({ action: '事项分管领导审核', note: expect.stringContaining('意见：同意') });
  });
  test('a row whose visible 编号 is another case’s (a sort of some columns only) is left alone and flagged', () => {
    const other = sealed({ ...existing, caseNo: '镜访〔2026〕002号', petitionerName: '李四' });
    const w = memoryWorld({ cases: [{ ...existing, caseNo: other.caseNo, state: '办理中' }, other] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { demand: '新诉求' })], actorEmail: office.email },
      w.ports,
    );
    expect(r.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('与本行的系统编号 镜访〔2026〕001号 不一致'),
    ]);
    expect(w.saves).toEqual([]);
    expect(w.audit).toEqual([]);
  });
});

describe('the hidden anchor reached by a person', () => {
  test('one cell typed over it: what it held stands', () => {
    const w = memoryWorld({ cases: [existing] });
    handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { anchorNo: '镜访〔2026〕050号' })], actorEmail: office.email },
      w.ports,
    );
    expect(w.rows[0].c.anchorNo).toBe(NO1);
  });
  test('a whole row copied onto a new row: the copy is a new row, its anchor cleared, its 编号 a duplicate', () => {
    const w = memoryWorld({ cases: [existing] });
    const copy = { ...(existing as Record<string, unknown>) } as RawRow;
    const r = handleTypedEdits({ edits: [typeInto(w, 'row-3', copy, false)], actorEmail: office.email }, w.ports);
    expect(w.rows[1].c.caseNo).toBe(NO1);
    expect([w.rows[1].c.anchorNo, w.rows[1].c.controlRecord]).toEqual([undefined, undefined]);
    expect(r.issues.map((i) => i.message)).toEqual([
      `编号 ${NO1} 已被本台账中另一件信访件使用，本行未登记。请核对后改正编号，或清空编号由系统分配。`,
    ]);
    expect(w.rows[0].c.anchorNo).toBe(NO1);
  });
});

describe('a new row', () => {
  const row = { petitionerName: '李梅', petitionDate: '2026/3/2', source: '本级', form: '来信', demand: '噪声扰民' };
  test('by the 信访办 with a 状态: 补录 in that state, own number kept, the counter moved past it', () => {
    const w = memoryWorld();
    const r = handleTypedEdits(
      {
        edits: [typeInto(w, 'row-2', { ...row, caseNo: '镜访〔2026〕030号', state: '办理中', department: DEPT })],
        actorEmail: office.email,
      },
      w.ports,
    );
    expect(r.assigned).toEqual([{ ref: 'row-2', caseNo: '镜访〔2026〕030号' }]);
    expect(w.rows[0].c).toMatchObject({ state: '办理中', anchorNo: '镜访〔2026〕030号', registeredBy: '王芳' });
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: '补录',
        toState: '办理中',
        note: '补录原有台账，保留原编号',
        actorName: '王芳',
      }),
    ]);
    expect(w.highWater.get(2026)).toBe(30);
    expect(w.sent).toEqual([]);
  });
  test('by the 信访办, two rows pasted with one number: the first is taken, the second flagged', () => {
    const w = memoryWorld();
    const line = { ...row, caseNo: '镜访〔2025〕007号', state: '已归档' };
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', line, false), typeInto(w, 'row-3', line, false)], actorEmail: office.email },
      w.ports,
    );
    expect(r.assigned.map((a) => a.ref)).toEqual(['row-2']);
    expect(r.issues).toEqual([expect.objectContaining({ ref: 'row-3', key: 'caseNo' })]);
    expect(w.highWater.get(2025)).toBe(7);
  });
  test('by someone else: not registered; the 编号 and 状态 they typed put back, each logged', () => {
    const w = memoryWorld();
    const r = handleTypedEdits(
      {
        edits: [typeInto(w, 'row-2', { ...row, caseNo: '镜访〔2026〕030号', state: '已办结' })],
        actorEmail: chief.email,
      },
      w.ports,
    );
    expect(r.assigned).toEqual([]);
    expect(w.rows[0].c.petitionerName).toBe('李梅');
    expect([w.rows[0].c.caseNo, w.rows[0].c.state]).toEqual([undefined, undefined]);
    expect(r.issues[0]).toEqual({
      ref: 'row-2',
      key: 'caseNo',
      message:
        '本行尚未登记：登记信访件须由「信访办」办理，赵强的角色为主职领导。信访办在本行填写或修改任一格即可登记。',
    });
    expect(w.audit.map((a) => [a.caseNo, a.action, a.actorName])).toEqual([
      ['（未编号信访件）', '恢复原值', '赵强'],
      ['（未编号信访件）', '恢复原值', '赵强'],
    ]);
  });
  test('by the 信访办 without a 状态: 登记; a sign-off typed with it is the workflow’s and is put back', () => {
    const w = memoryWorld();
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { ...row, signedBy: '某人' })], actorEmail: office.email },
      w.ports,
    );
    expect(w.rows[0].c).toMatchObject({ caseNo: NO1, state: '待签收' });
    expect(w.rows[0].c.signedBy).toBeUndefined();
    expect(r.issues.map((i) => i.key)).toEqual(['signedBy']);
  });
});
