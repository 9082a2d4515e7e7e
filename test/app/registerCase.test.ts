// 受理登记 through the registration use case, over in-memory ports.
import { registerCase } from '../../src/app/registerCase';
import { fromShanghai } from '../../src/core/dates';
import type { Case } from '../../src/core/model';
import {
  caseOf,
  DEPT,
  generalLiaison,
  lineLeader,
  liaison,
  liaisonB,
  mailbox,
  memoryWorld,
  office,
} from './memoryPorts';

const letter = {
  petitionerName: '张三',
  petitionDate: '2026-03-02',
  source: '上级',
  upstreamNo: 'ZLF-2026-000123',
  form: '网上信访',
  matterType: '投诉',
  demand: '小区门口道路积水',
  phone: '13812345678',
  idNumber: '11010519491231002X',
};
const PLATFORM_DEADLINE_FLAG =
  '镜访〔2026〕001号 已登记，请核对：上级平台办理期限未填，暂按默认时限计算（填入「办理期限」即改用平台期限）';
const visit = { ...letter, source: '本级', upstreamNo: '', form: '来访', visitRouting: '业务性较强', department: DEPT };

describe('a platform case', () => {
  test('gets the next number of the year, waits for 签收, and its 办理期限 is computed', () => {
    const w = memoryWorld();
    const r = registerCase({ fields: letter, actorEmail: office.email }, w.ports);
    // 接收必登: a platform case registered without the platform's own deadline is flagged, the default limit applies.
    expect(r).toEqual({
      ok: true,
      caseNo: '镜访〔2026〕001号',
      state: '待签收',
      warnings: [PLATFORM_DEADLINE_FLAG],
      forms: [],
    });
    // 2026-03-02 + 60 日 = 05-01, inside the 劳动节 days off (05-01…05-05): the next working day.
    expect(caseOf(w, '镜访〔2026〕001号')).toMatchObject({
      state: '待签收',
      dueDate: '2026-05-06',
      dueSource: '计算',
      dueProvisional: false,
      registeredBy: '王芳',
      registeredAt: w.clock.now,
      personCount: 1,
      groupVisit: false,
      repeatOf: '',
    });
    expect(w.highWater.get(2026)).toBe(1);
    expect(w.audit).toEqual([
      expect.objectContaining({
        caseNo: '镜访〔2026〕001号',
        action: '登记',
        toState: '待签收',
        actorName: '王芳',
        note: '网上信访，上级，办理期限 2026-05-06（计算）；签收时限至 2026-03-02',
      }),
    ]);
  });
  test('a number is never reused: the counter survives deleted rows', () => {
    const w = memoryWorld();
    w.highWater.set(2026, 12);
    const r = registerCase({ fields: letter, actorEmail: office.email }, w.ports);
    expect(r.ok && r.caseNo).toBe('镜访〔2026〕013号');
  });
  test('a typed 办理期限 is kept as 手填', () => {
    const w = memoryWorld();
    registerCase({ fields: { ...letter, dueDate: '2026-03-20' }, actorEmail: office.email }, w.ports);
    expect(caseOf(w, '镜访〔2026〕001号')).toMatchObject({ dueDate: '2026-03-20', dueSource: '手填' });
  });
  test('a deadline running into a year without an official schedule is marked provisional', () => {
    const w = memoryWorld({ now: fromShanghai(2026, 11, 20, 9) });
    const r = registerCase({ fields: { ...letter, petitionDate: '2026-11-20' }, actorEmail: office.email }, w.ports);
    expect(r.ok && r.warnings).toEqual([
      PLATFORM_DEADLINE_FLAG,
      '镜访〔2026〕001号 办理期限所在年份的节假日安排尚未公布，期限为暂定',
    ]);
    expect(caseOf(w, '镜访〔2026〕001号').dueProvisional).toBe(true);
  });
  test('a repeat petition names the earlier cases', () => {
    const earlier: Case = {
      caseNo: '镜访〔2025〕088号',
      state: '已归档',
      petitionDate: '2025-10-01',
      phone: '138-1234-5678',
    };
    const w = memoryWorld({ cases: [earlier] });
    const r = registerCase({ fields: letter, actorEmail: office.email }, w.ports);
    expect(r.ok && r.warnings).toEqual([
      PLATFORM_DEADLINE_FLAG,
      '镜访〔2026〕001号 可能为重复信访，此前有：镜访〔2025〕088号',
    ]);
    expect(caseOf(w, '镜访〔2026〕001号').repeatOf).toBe('镜访〔2025〕088号');
  });
});

describe('接收必登: what registration flags instead of refusing, and the little it refuses', () => {
  test('an unsigned petition registers as 匿名; a 上级 case without its number registers, flagged on the row', () => {
    const w = memoryWorld();
    const r = registerCase(
      { fields: { ...letter, petitionerName: '', upstreamNo: '' }, actorEmail: office.email },
      w.ports,
    );
    expect(r).toMatchObject({ ok: true, caseNo: '镜访〔2026〕001号', state: '待签收' });
    expect(r.ok && r.warnings).toEqual([
      '镜访〔2026〕001号 已登记，请核对：未署名，按匿名登记',
      '镜访〔2026〕001号 已登记，请核对：上级信访件编号未填',
      PLATFORM_DEADLINE_FLAG,
    ]);
    expect(caseOf(w, '镜访〔2026〕001号')).toMatchObject({
      petitionerName: '匿名',
      intakeFlags:
        '未署名，按匿名登记；上级信访件编号未填；上级平台办理期限未填，暂按默认时限计算（填入「办理期限」即改用平台期限）',
    });
  });
  test('an ID number with a wrong check character and a bad phone are kept as given and flagged', () => {
    const w = memoryWorld();
    const r = registerCase(
      {
        fields: { ...letter, idNumber: '110105194912310021', phone: '1381234', dueDate: '2026-04-01' },
        actorEmail: office.email,
      },
      w.ports,
    );
    expect(r.ok && r.warnings).toEqual([
      '镜访〔2026〕001号 已登记，请核对：身份证号码校验位不正确（应为 X）',
      '镜访〔2026〕001号 已登记，请核对：联系电话手机号应为 11 位（现为 7 位）',
    ]);
    expect(caseOf(w, '镜访〔2026〕001号')).toMatchObject({
      idNumber: '110105194912310021',
      phone: '1381234',
      dueDate: '2026-04-01',
      dueSource: '手填',
      intakeFlags: '身份证号码校验位不正确（应为 X）；联系电话手机号应为 11 位（现为 7 位）',
    });
  });
  test('without a 信访日期 the day it is received is taken, and said', () => {
    const w = memoryWorld();
    const r = registerCase({ fields: { ...letter, petitionDate: '' }, actorEmail: office.email }, w.ports);
    expect(r.ok && r.warnings).toContain('镜访〔2026〕001号 已登记，请核对：信访日期未填，按登记当天');
    expect(caseOf(w, '镜访〔2026〕001号').petitionDate).toBe('2026-03-02');
  });
  test('what it cannot do without: the source, the form and the demand; and a date that is no date', () => {
    const w = memoryWorld();
    const r = registerCase(
      { fields: { ...letter, source: '', form: '', demand: '' }, actorEmail: office.email },
      w.ports,
    );
    expect(r).toEqual({ ok: false, reasons: ['登记须填写：信访件来源、信访形式、信访诉求'] });
    expect(
      registerCase({ fields: { ...letter, petitionDate: '下周五' }, actorEmail: office.email }, w.ports),
    ).toMatchObject({
      ok: false,
    });
    expect(w.rows).toHaveLength(0);
    expect(w.highWater.size).toBe(0);
  });
  test('only 信访办 registers; an unknown person is told so', () => {
    const w = memoryWorld();
    expect(registerCase({ fields: letter, actorEmail: liaison.email }, w.ports)).toEqual({
      ok: false,
      reasons: ['登记信访件须由「信访办」办理，孙立的角色为部室联络员'],
    });
    expect(registerCase({ fields: letter, actorEmail: 'x@y' }, w.ports)).toEqual({
      ok: false,
      reasons: ['x@y 未在「人员」表登记，不能登记信访件'],
    });
  });
});

describe('a walk-in visit (annex 2)', () => {
  test('business-heavy: the department receives it at once — 办理中, liaisons notified, annex 4 offered', () => {
    const w = memoryWorld();
    const r = registerCase({ fields: visit, actorEmail: office.email }, w.ports);
    expect(r).toEqual({
      ok: true,
      caseNo: '镜访〔2026〕001号',
      state: '办理中',
      warnings: [],
      forms: [{ caseNo: '镜访〔2026〕001号', annex: 4 }],
    });
    expect(caseOf(w, '镜访〔2026〕001号')).toMatchObject({
      department: DEPT,
      assignedAt: w.clock.now,
      visitRouting: '业务性较强',
    });
    expect(mailbox(w)).toEqual([[[liaison.email, liaisonB.email], '镜访〔2026〕001号 现场来访，请派员接待']]);
    // The notice is masked before it leaves the use case: the name masked, the phone and the ID number absent.
    expect(w.sent[0]!.content).toMatchObject({
      step: { node: '接收' },
      summary: expect.stringContaining('信访人：张*'),
      department: DEPT,
      dueDate: '2026-05-06',
    });
    expect(JSON.stringify(w.sent)).not.toMatch(/13812345678|138\*{4}5678|张三/);
    expect(w.sent.map((n) => n.text).join()).not.toContain('张三');
  });
  test('comprehensive: 综合事务部 receives it', () => {
    const w = memoryWorld();
    registerCase({ fields: { ...visit, visitRouting: '综合性', department: '' }, actorEmail: office.email }, w.ports);
    expect(caseOf(w, '镜访〔2026〕001号').department).toBe('综合事务部');
    expect(mailbox(w)[0]![0]).toEqual([generalLiaison.email]);
  });
  test('major: the 事项分管领导 receives it', () => {
    const w = memoryWorld();
    registerCase({ fields: { ...visit, visitRouting: '重大事项' }, actorEmail: office.email }, w.ports);
    expect(mailbox(w)).toEqual([
      [[lineLeader.email], '镜访〔2026〕001号 重大事项现场来访，请分管领导接待'],
      [[liaison.email, liaisonB.email], '镜访〔2026〕001号 现场来访，请派员接待'],
    ]);
  });
  test('the routing must be chosen', () => {
    const w = memoryWorld();
    expect(registerCase({ fields: { ...visit, visitRouting: '' }, actorEmail: office.email }, w.ports)).toEqual({
      ok: false,
      reasons: ['现场接访须选择接待方式（业务性较强 / 综合性 / 重大事项）'],
    });
  });
  test('more than 5 visitors: a warning citing Art. 20, and a group-visit flag', () => {
    const w = memoryWorld();
    const r = registerCase({ fields: { ...visit, personCount: 8 }, actorEmail: office.email }, w.ports);
    expect(r.ok && r.warnings).toEqual([
      '来访人数为8人，接待室的群众一般不超过5人；依《信访工作条例》第二十条，多人采用走访形式提出共同的信访事项的，应当推选代表，代表人数不超过5人',
      '镜访〔2026〕001号 人数为8人，已标记为集体访',
    ]);
    expect(caseOf(w, '镜访〔2026〕001号').groupVisit).toBe(true);
  });
  test('exactly 5 visitors is a group visit (default threshold) but within the reception limit', () => {
    const w = memoryWorld();
    const r = registerCase({ fields: { ...visit, personCount: '5' }, actorEmail: office.email }, w.ports);
    expect(r.ok && r.warnings).toEqual(['镜访〔2026〕001号 人数为5人，已标记为集体访']);
  });
  test('the office may choose to refuse more than 5 visitors', () => {
    const w = memoryWorld({ settings: { refuseOverReceptionLimit: true } });
    const r = registerCase({ fields: { ...visit, personCount: 6 }, actorEmail: office.email }, w.ports);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons[0]).toContain('代表人数不超过5人');
  });
});
