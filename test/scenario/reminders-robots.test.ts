// The morning digest on DingTalk too: each department's robot (and the 信访办's) gets the digest in markdown, signed,
// with the liaisons @-mentioned by their mobiles and no petitioner's data; a robot that refuses is named in the
// 信访办's summary mail, and the mail goes out regardless.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { GasEnvironment } from '../../emulator/index';
import { startLoopbackServer, type LoopbackServer } from '../../emulator/url-fetch/loopback-server';
import { act, PEOPLE, PLATFORM_CASE, register, startOffice } from './office';

const START = '2026-10-12T07:00:00+08:00'; // a Monday
const SECRET = 'SEC' + '0f1e2d3c4b5a6978'.repeat(4);
const WRONG = 'SEC' + '9999999999999999'.repeat(4);
const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=';

let robot: LoopbackServer;
let env: GasEnvironment;
const tokens = { 规划建设部: '', 信访办: '', 综合事务部: '' };

beforeAll(async () => {
  robot = await startLoopbackServer(path.join(__dirname, '../fixtures/dingtalk-group-robot.ts'), {
    env: { DINGTALK_SECRET: SECRET, DINGTALK_NOW_MS: String(Date.parse('2026-10-12T08:30:00+08:00')) },
  });
  env = startOffice(START);
  env.http.forward('https://oapi.dingtalk.com', robot.url);
  const assigned = (department: string, fields: Record<string, string>): void => {
    const { caseNo } = register(env, { ...PLATFORM_CASE, ...fields });
    act(env, 'office', caseNo, ['受理交办', '签收']);
    act(env, fields.matterType === '检举控告' ? 'principal' : 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
    act(env, 'office', caseNo, ['受理交办', '交办…'], { department });
  };
  assigned('规划建设部', { petitionerName: '赵一' });
  assigned('规划建设部', { petitionerName: '钱二', matterType: '检举控告' });
  assigned('综合事务部', { petitionerName: '孙三' });
  for (const group of Object.keys(tokens) as (keyof typeof tokens)[]) {
    tokens[group] = randomBytes(32).toString('hex');
    const secret = group === '综合事务部' ? WRONG : SECRET; // this one was copied wrong: DingTalk refuses its signature
    const r = env.submitDialog('saveDingTalkRobot', [{ group, url: WEBHOOK + tokens[group], secret }], {
      user: PEOPLE.office.email,
    }) as { ok: boolean };
    expect(r.ok).toBe(true);
  }
  env.clock.set('2026-10-12T08:59:00+08:00');
  env.runDueTriggers();
});
afterAll(async () => {
  env.http.close();
  await robot.close();
});

const posts = (token: string) =>
  env.http.log
    .filter((e) => e.url.includes(`access_token=${token}`))
    .map((e) => ({ status: e.status, body: JSON.parse(e.payload!) as { markdown: { title: string; text: string } } }));

it('posts the department’s digest to its robot, the liaisons @-mentioned, 匿名保护 for the 检举控告 case', () => {
  const [post, ...more] = posts(tokens.规划建设部);
  expect(more).toEqual([]);
  expect(post!.body.markdown.title).toContain('【信访提醒】规划建设部 今日到期2件 2026-10-12');
  const text = post!.body.markdown.text;
  expect(text).toContain('镜访〔2026〕001号｜接收｜期限 10月12日｜今日到期');
  expect(text).toContain(`@${PEOPLE.liaison.mobile}`);
  expect(text).toContain(`@${PEOPLE.liaisonB.mobile}`);
  expect(text).toContain('信访人：匿名保护');
  expect(text).not.toMatch(/钱二|钱\*|11010519491231002X|13812345678|138\*{4}5678/);
});

it('posts the 信访办 summary to its robot; the refused robot is named in the summary mail, which still goes out', () => {
  expect(posts(tokens.信访办).map((p) => p.body.markdown.title)).toEqual([
    expect.stringContaining('【信访提醒】信访办'),
  ]);
  const summary = env.outbox.find((m) => m.subject.startsWith('【信访提醒】信访办'))!;
  expect(summary.body).toContain('钉钉提醒未能发出：综合事务部');
  expect(summary.body).not.toContain(tokens.综合事务部);
  // The department's mail went out although its robot refused.
  expect(env.outbox.some((m) => m.subject.startsWith('【信访提醒】综合事务部'))).toBe(true);
  for (const p of [...posts(tokens.规划建设部), ...posts(tokens.信访办)]) {
    expect(p.body.markdown.text).not.toMatch(/11010519491231002X|13812345678|138\*{4}5678/);
  }
});
