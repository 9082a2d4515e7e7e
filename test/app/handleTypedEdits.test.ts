// Typing straight into the ledger: judged, completed, flagged and logged — never reverted.
import type { RawRow } from '../../src/app/coerce';
import { handleTypedEdits, type TypedEdit } from '../../src/app/handleTypedEdits';
import type { Case, CaseKey } from '../../src/core/model';
import { DEPT, memoryWorld, office, petitionLeader, type World } from './memoryPorts';

const NO1 = '镜访〔2026〕001号';
const existing: Case = {
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
};

/** Types values into a row of the in-memory sheet (creating it) and returns the edit the sheet would report. */
function typeInto(w: World, ref: string, values: RawRow): TypedEdit {
  let row = w.rows.find((r) => r.ref === ref);
  if (!row) {
    row = { ref, c: {} as Case };
    w.rows.push(row);
  }
  const cells = row.c as Record<string, unknown>;
  const changes = Object.keys(values).map((k) => ({ key: k as CaseKey, oldValue: cells[k] }));
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

describe('edits to an existing row', () => {
  test('a tracked field is logged old → new', () => {
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
    const w = memoryWorld({ cases: [{ ...existing, dueDate: undefined, dueSource: undefined }] });
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
  test('an unknown or cleared state is flagged and left as typed', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits({ edits: [typeInto(w, 'row-2', { state: '完成' })], actorEmail: office.email }, w.ports);
    expect(r.issues.map((i) => i.message)).toEqual([
      '「状态」：「完成」不是可选项（可选：待签收、待交办签批、待交办、办理中、已退单、已转送、审核中、信访审核中等）',
    ]);
    expect(w.rows[0].c.state).toBe('完成');
    const cleared = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '' })], actorEmail: office.email },
      w.ports,
    );
    expect(cleared.issues.map((i) => i.message)).toEqual([`${NO1} 状态为空`]);
    expect(w.rows[0].c.state).toBe('');
  });
  test('typing into a column the app fills is kept, flagged and logged', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { signedBy: '某人' })], actorEmail: office.email },
      w.ports,
    );
    expect(r.issues).toEqual([
      { ref: 'row-2', caseNo: NO1, key: 'signedBy', message: '「签收人」由系统填写，手工修改已保留并记录' },
    ]);
    expect(w.audit[0]).toMatchObject({ action: '修改', field: '签收人', newValue: '某人' });
  });
});

describe('a state typed into the ledger', () => {
  test('a legal step is completed: sign-off written, logged as the action, the next signer told', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '待交办签批' })], actorEmail: office.email },
      w.ports,
    );
    expect(r.issues).toEqual([]);
    expect(w.rows[0].c).toMatchObject({ state: '待交办签批', signedBy: '王芳', signedAt: w.clock.now });
    expect(w.saves[0][0].fields).toEqual({ signedBy: '王芳', signedAt: w.clock.now });
    expect(w.audit).toEqual([
      expect.objectContaining({ action: '签收', fromState: '待签收', toState: '待交办签批', note: '在台账中直接修改' }),
    ]);
    expect(w.sent).toEqual([{ to: [petitionLeader.email], caseNo: NO1, text: `${NO1} 待交办签批` }]);
  });
  test('an illegal step is kept and flagged as 未经流程的状态修改, never reverted', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '已归档' })], actorEmail: office.email },
      w.ports,
    );
    const reason = `${NO1} 不能从「待签收」直接改为「已归档」，流程中没有这一步（可改为：「待交办签批」）`;
    expect(r.issues).toEqual([{ ref: 'row-2', caseNo: NO1, key: 'state', message: `未经流程的状态修改：${reason}` }]);
    expect(w.rows[0].c.state).toBe('已归档');
    expect(w.audit).toEqual([
      expect.objectContaining({ action: '未经流程的状态修改', fromState: '待签收', toState: '已归档', note: reason }),
    ]);
  });
  test('the wrong person typing a sign-off state is flagged with the rule', () => {
    const w = memoryWorld({ cases: [{ ...existing, state: '待交办签批', matterType: '检举控告' }] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '待交办' })], actorEmail: petitionLeader.email },
      w.ports,
    );
    expect(r.issues[0].message).toBe(
      `未经流程的状态修改：${NO1} 检举控告类信访件的交办签批须由主职领导签批，李四的角色为信访工作分管领导`,
    );
  });
  test('an editor not in 人员: the path is judged, the log says who could not be identified', () => {
    const w = memoryWorld({ cases: [existing] });
    handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { state: '待交办签批' })], actorEmail: 'guest@example.com' },
      w.ports,
    );
    expect(w.rows[0].c.signedBy).toBe('（未识别修改人）');
    expect(w.audit[0]).toMatchObject({
      actorEmail: 'guest@example.com',
      note: '在台账中直接修改；修改人未在人员表登记，仅核对了流程和必填项',
    });
  });
  test('a changed 编号 is flagged', () => {
    const w = memoryWorld({ cases: [existing] });
    const r = handleTypedEdits(
      { edits: [typeInto(w, 'row-2', { caseNo: '镜访〔2026〕099号' })], actorEmail: office.email },
      w.ports,
    );
    expect(r.issues).toEqual([
      {
        ref: 'row-2',
        caseNo: '镜访〔2026〕099号',
        key: 'caseNo',
        message: `编号一经分配不应修改（原为 ${NO1}），修改已记录`,
      },
    ]);
  });
});
