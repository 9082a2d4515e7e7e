// Notice mails through the real bundle, read back as a mail client would (.eml parsed by mailparser): the subject
// names the case, the step it waits on and by when; the body says what to do in text and HTML, masked, with the
// ledger row for the office and the leaders and the 部室工作台 for departments; a 检举控告 case's petitioner is
// 匿名保护 to the department; the ID number and the phone never leave.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { GasEnvironment } from '../../emulator/index';
import { mailToEml } from '../../emulator/host/export/eml';
import { act, PEOPLE, PLATFORM_CASE, register, rowNumberOf, startOffice, type Who } from './office';

const ID = '330602199001011234';
const PHONE = '13812345678';
/** Everything of these values that could identify the petitioner, in clear or masked. */
const NEVER = [ID, PHONE, '138****5678', '330602********1234', '身份证', '联系电话'];

let env: GasEnvironment;
beforeEach(() => {
  env = startOffice();
});

/** A step that must succeed. */
function done(who: Who, caseNo: string, path: [string, string], fields?: Record<string, string>): void {
  const r = act(env, who, caseNo, path, fields);
  if (r) expect([path[1], r]).toMatchObject([path[1], { ok: true }]);
}

/** The last mail a person received, exported as .eml and parsed back. */
async function lastMailTo(who: Who): Promise<ParsedMail> {
  const i = env.outbox.map((m) => m.to.includes(PEOPLE[who].email)).lastIndexOf(true);
  if (i < 0) throw new Error(`no mail to ${who}`);
  return simpleParser(await mailToEml(env.outbox[i]!, i));
}

/** Where the ledger row of a case is: `<spreadsheet url>#gid=<台账 sheetId>&range=A<row>`. */
function rowLink(caseNo: string): string {
  const ss = env.globals.SpreadsheetApp.getActive();
  return `${ss.getUrl()}#gid=${ss.getSheetByName('台账')!.getSheetId()}&range=A${rowNumberOf(env, caseNo)}`;
}

describe('a notice mail', () => {
  let caseNo: string;
  beforeEach(() => {
    // Another case first: the notices' case is not on the first data row.
    register(env, { ...PLATFORM_CASE, upstreamNo: 'ZJ1', idNumber: '', phone: '13900001111' });
    caseNo = register(env, { ...PLATFORM_CASE, idNumber: ID, phone: PHONE, dueDate: '2026-11-08' }).caseNo;
  });

  it('to a leader: the step and its deadline, the case masked, and the ledger row, in text and HTML', async () => {
    done('office', caseNo, ['受理交办', '签收']);
    const m = await lastMailTo('petitionLeader');
    // Signed Friday 10-09; 交办签批 within 1 working day: Saturday 10-10 is a working day (国庆调休).
    expect(m.subject).toBe(`【信访】${caseNo} 待交办签批 · 期限 10月10日`);
    const text = m.text ?? '';
    const html = String(m.html);
    expect(text).toContain('镜湖新区开发办信访台账');
    expect(text).toContain(`${caseNo} 待交办签批`);
    expect(text).toContain('当前环节：交办签批');
    expect(text).toContain('环节期限：2026年10月10日（星期六）');
    expect(text).toContain('摘要：投诉｜城乡建设｜信访人：张*｜诉求：小区旁工地夜间施工，噪音扰民，要求限制施工时间。');
    expect(text).not.toContain('承办部室');
    expect(text).toContain(`在台账中打开：${rowLink(caseNo)}`);
    expect(rowNumberOf(env, caseNo)).toBe(3);
    expect(html).toContain(`<a href="${rowLink(caseNo).replace('&', '&amp;')}">`);
    expect(html).toContain('环节期限');
    expect(html).toContain('2026年10月10日（星期六）');
    expect(html).toContain('信访人：张*');
  });

  it('to the 信访办: the next step, linked to the row', async () => {
    done('office', caseNo, ['受理交办', '签收']);
    done('petitionLeader', caseNo, ['受理交办', '交办签批…']);
    const m = await lastMailTo('office');
    expect(m.subject).toBe(`【信访】${caseNo} 待交办 · 期限 10月9日`);
    expect(m.text).toContain(`${caseNo} 已签批，待交办`);
    expect(m.text).toContain(`在台账中打开：${rowLink(caseNo)}`);
  });

  it('to a liaison: what to do by when, the department, and the 部室工作台 instead of a link', async () => {
    done('office', caseNo, ['受理交办', '签收']);
    done('petitionLeader', caseNo, ['受理交办', '交办签批…']);
    done('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    const m = await lastMailTo('liaison');
    expect(m.to).toMatchObject({ text: `${PEOPLE.liaison.email}, ${PEOPLE.liaisonB.email}` });
    expect(m.subject).toBe(`【信访】${caseNo} 待接收 · 期限 10月9日`);
    expect(m.text).toContain(`${caseNo} 已交办，请当天接处`);
    expect(m.text).toContain('环节期限：2026年10月9日（星期五）');
    expect(m.text).toContain('信访人：张*');
    expect(m.text).toContain('承办部室：规划建设部');
    expect(m.text).toContain('请打开部室工作台办理（工作台链接请向信访办索取）');
    expect(String(m.html)).toContain('请打开部室工作台办理（工作台链接请向信访办索取）');
    expect(`${m.text}${String(m.html)}`).not.toMatch(/docs\.google\.com|<a /);
  });

  it('never carries the ID number or the phone, not even masked', async () => {
    done('office', caseNo, ['受理交办', '签收']);
    done('petitionLeader', caseNo, ['受理交办', '交办签批…']);
    done('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    expect(env.outbox.length).toBeGreaterThanOrEqual(3);
    for (const [i, sent] of env.outbox.entries()) {
      const m = await simpleParser(await mailToEml(sent, i));
      expect(m.text).toBeTruthy();
      expect(m.html).toBeTruthy();
      const all = `${m.subject}\n${m.text}\n${String(m.html)}`;
      for (const v of NEVER) expect(all).not.toContain(v);
      expect(all).not.toContain('张三');
    }
  });
});

describe('a 检举控告 case (信访工作条例 Art. 30)', () => {
  it('shows its petitioner to the department and its line leader as 匿名保护, to the office masked', async () => {
    const { caseNo } = register(env, {
      ...PLATFORM_CASE,
      petitionerName: '李四华',
      idNumber: ID,
      phone: PHONE,
      matterType: '检举控告',
      demand: '李四华举报规划建设部某科室违规审批。',
      dueDate: '2026-11-08',
    });
    done('office', caseNo, ['受理交办', '签收']);
    // A 检举控告 case is signed by the 主职领导.
    expect((await lastMailTo('principal')).text).toContain('信访人：李*');
    done('principal', caseNo, ['受理交办', '交办签批…']);
    expect((await lastMailTo('office')).text).toContain('信访人：李*');
    done('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    done('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已核查。' });
    for (const who of ['liaison', 'lineLeader'] as const) {
      const m = await lastMailTo(who);
      const all = `${m.subject}\n${m.text}\n${String(m.html)}`;
      expect(m.text).toContain('信访人：匿名保护');
      expect(String(m.html)).toContain('信访人：匿名保护');
      expect(all).not.toMatch(/李\*|李四华|330602|138/);
      expect(m.text).toContain('诉求：某某举报规划建设部某科室违规审批。');
    }
  });
});
