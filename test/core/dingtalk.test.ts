// The DingTalk channel's pure parts: the robot as typed, the 加签 signature (checked against node:crypto), the
// messages a digest becomes, the privacy guard, the send budget and DingTalk's answers.
import { createHmac } from 'node:crypto';
import {
  answerProblem,
  normalizeMobile,
  parseRobotInput,
  parseStoredRobot,
  privacyProblem,
  redactRobotSecrets,
  robotLabel,
  robotMessages,
  robotPayload,
  ROBOT_LIMITS,
  ROBOT_URL_PREFIX,
  sendBudget,
  signedUrl,
  utf8Bytes,
  type RobotCrypto,
  type RobotDigest,
} from '../../src/core/dingtalk';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0wxyz';
const URL = ROBOT_URL_PREFIX + TOKEN;
const SECRET = 'SEC' + '0123456789abcdef'.repeat(4);

/** Apps Script's Utilities as the core sees them: HMAC as signed bytes (value first, key second), Base64 of bytes. */
const appsScriptLike: RobotCrypto = {
  hmacSha256: (value, key) => [...createHmac('sha256', key).update(value, 'utf8').digest()].map((b) => (b << 24) >> 24),
  base64: (bytes) => Buffer.from(bytes.map((b) => b & 0xff)).toString('base64'),
};

const digest = (lines: string[], extra: Partial<RobotDigest> = {}): RobotDigest => ({
  group: '规划建设部',
  title: '期限提醒',
  lines,
  atMobiles: [],
  ...extra,
});

describe('the robot as typed in the dialog', () => {
  it('takes a webhook with its access token and a SEC secret, trimmed', () => {
    expect(parseRobotInput({ url: ` ${URL} `, secret: ` ${SECRET}\n` })).toEqual({
      ok: true,
      config: { url: URL, secret: SECRET },
    });
  });

  it.each([
    ['no webhook', { url: '', secret: SECRET }, '请填写 Webhook 地址'],
    ['http', { url: 'http://oapi.dingtalk.com/robot/send?access_token=' + TOKEN, secret: SECRET }, '应以 https://'],
    [
      'another host',
      { url: 'https://evil.example.com/robot/send?access_token=' + TOKEN, secret: SECRET },
      '应以 https://',
    ],
    ['a signed URL', { url: URL + '&timestamp=1&sign=x', secret: SECRET }, '只应带 access_token'],
    ['a short token', { url: ROBOT_URL_PREFIX + 'abc', secret: SECRET }, 'access_token 不完整'],
    ['a token with a space', { url: URL + ' x', secret: SECRET }, 'access_token 不完整'],
    ['no secret', { url: URL, secret: '' }, '请填写加签密钥'],
    ['a secret not starting with SEC', { url: URL, secret: 'abc' + SECRET }, '加签密钥应以 SEC 开头'],
    ['a secret with a space', { url: URL, secret: 'SEC 123456789abcdef012' }, '加签密钥不完整'],
    ['a short secret', { url: URL, secret: 'SEC123' }, '加签密钥不完整'],
  ])('refuses %s with a Chinese reason', (_, input, reason) => {
    const r = parseRobotInput(input);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });

  it('reads back what was stored; a broken value counts as not set', () => {
    expect(parseStoredRobot(JSON.stringify({ url: URL, secret: SECRET }))).toEqual({ url: URL, secret: SECRET });
    expect(parseStoredRobot(null)).toBeNull();
    expect(parseStoredRobot('{')).toBeNull();
    expect(parseStoredRobot(JSON.stringify({ url: URL }))).toBeNull();
  });

  it('is shown only as 已设置 and the token’s last 4 characters', () => {
    expect(robotLabel({ url: URL, secret: SECRET })).toBe('已设置（…wxyz）');
  });
});

describe('加签', () => {
  it('signs timestamp + "\\n" + secret with HMAC-SHA256 keyed by the secret, Base64, URL-encoded', () => {
    const ts = 1791507600000;
    const expected = encodeURIComponent(createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64'));
    expect(expected).toBe('whVpXpa%2BhdWO91LRVUhc7jSf%2FA3OednRHIBp%2BE192%2Bo%3D'); // the vector has + / and =
    expect(signedUrl({ url: URL, secret: SECRET }, ts, appsScriptLike)).toBe(`${URL}&timestamp=${ts}&sign=${expected}`);
  });
});

describe('the messages of a digest', () => {
  it('a short digest is one markdown message headed by its title', () => {
    const [m, ...rest] = robotMessages(digest(['- 2026-001 明日到期', '- 2026-002 今日到期']));
    expect(rest).toEqual([]);
    expect(m).toEqual({
      title: '期限提醒',
      text: '#### 期限提醒\n- 2026-001 明日到期\n- 2026-002 今日到期',
      atMobiles: [],
    });
    expect(robotPayload(m!)).toEqual({
      msgtype: 'markdown',
      markdown: { title: '期限提醒', text: m!.text },
      at: { atMobiles: [], isAtAll: false },
    });
  });

  it('a long digest is split at line boundaries into numbered messages within the limit, nothing lost', () => {
    const lines = Array.from(
      { length: 300 },
      (_, i) => `- 2026-${String(i + 1).padStart(3, '0')} 城乡建设 办理期限将至`,
    );
    const messages = robotMessages(digest(lines));
    expect(messages.length).toBeGreaterThan(2);
    messages.forEach((m, i) => {
      expect(m.title).toBe(`期限提醒（${i + 1}/${messages.length}）`);
      expect(m.text.startsWith(`#### ${m.title}\n`)).toBe(true);
      expect(utf8Bytes(m.text)).toBeLessThanOrEqual(ROBOT_LIMITS.textBytes);
      expect(utf8Bytes(JSON.stringify(robotPayload(m)))).toBeLessThan(ROBOT_LIMITS.bodyBytes);
    });
    expect(messages.flatMap((m) => m.text.split('\n').slice(1))).toEqual(lines);
  });

  it('a line longer than a message is cut between characters, never inside one', () => {
    const line = '😀镜'.repeat(2000); // 4- and 3-byte characters
    const messages = robotMessages(digest([line]), 1000);
    expect(messages.length).toBeGreaterThan(14);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const m of messages) {
      expect(utf8Bytes(m.text)).toBeLessThanOrEqual(1000);
      expect(m.text).not.toMatch(loneSurrogate);
    }
    expect(messages.map((m) => m.text.split('\n')[1]).join('')).toBe(line);
  });

  it('each @mentioned mobile appears in the text as @138…; the one that mentions it carries it in `at`', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `- 2026-${i} 城乡建设 办理期限将至，请及时办理`);
    lines[3] += ' @13800000001';
    const messages = robotMessages(digest(lines, { atMobiles: ['13800000001', '13800000002'] }));
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]!.atMobiles).toEqual(['13800000001']);
    const last = messages.at(-1)!;
    expect(last.text.endsWith('\n@13800000002')).toBe(true);
    expect(last.atMobiles).toEqual(['13800000002']);
    expect(messages.slice(1, -1).every((m) => m.atMobiles.length === 0)).toBe(true);
  });
});

describe('a mobile as typed in 人员', () => {
  it('becomes the 11 digits DingTalk wants, or null', () => {
    expect(normalizeMobile('138 0000 0009')).toBe('13800000009');
    expect(normalizeMobile('+86 138-0000-0009')).toBe('13800000009');
    expect(normalizeMobile('008613800000009')).toBe('13800000009');
    expect(normalizeMobile('1380000')).toBeNull();
    expect(normalizeMobile('0575-88001234')).toBeNull();
  });
});

describe('the privacy guard', () => {
  const at = ['13800000001'];
  it.each([
    ['an 18-digit ID number', '张* 330602199001011234 逾期', '第 1 行含有疑似身份证号'],
    ['an ID number ending in X, spaced', '证件 11010519491231 002X', '第 1 行含有疑似身份证号'],
    ['an ID number in full-width digits', '３３０６０２１９９００１０１１２３４', '第 1 行含有疑似身份证号'],
    ['a petitioner’s mobile', '来电 13812345678 催办', '第 1 行含有疑似手机号'],
    ['a mobile with +86 and dashes', '电话 +86 138-1234-5678', '第 1 行含有疑似手机号'],
    ['a staff mobile written bare, not as an @mention', '联系 13800000001', '第 1 行含有疑似手机号'],
    ['an @mention of a mobile not in atMobiles', '@13812345678 请处理', '第 1 行含有疑似手机号'],
  ])('refuses %s', (_, line, reason) => {
    expect(privacyProblem(digest(['今日提醒', line], { atMobiles: at }))).toContain(reason.replace('第 1', '第 2'));
  });

  it('refuses a number in the title, and a malformed atMobiles entry', () => {
    expect(privacyProblem(digest([], { title: '13812345678 的件' }))).toContain('标题含有疑似手机号');
    expect(privacyProblem(digest([], { atMobiles: ['138'] }))).toContain('格式不对');
  });

  it('lets through masked numbers, case numbers, dates, upstream numbers and staff @mentions', () => {
    const lines = [
      '- 2026-001 张* 138****5678 330602********1234',
      '- 上级编号 ZJ2026100900123，2026-10-09 到期',
      '- 请 @13800000001 办理',
    ];
    expect(privacyProblem(digest(lines, { atMobiles: at }))).toBeNull();
  });

  it('never names the number it found', () => {
    expect(privacyProblem(digest(['13812345678']))).not.toContain('13812345678');
  });
});

describe('20 messages a minute', () => {
  it('counts only what the robot sent in the last 60 seconds', () => {
    const now = 1_000_000;
    expect(sendBudget([], now)).toBe(20);
    expect(sendBudget(Array(19).fill(now - 59_999), now)).toBe(1);
    expect(sendBudget(Array(20).fill(now - 1), now)).toBe(0);
    expect(sendBudget([...Array(20).fill(now - 60_000), now - 5], now)).toBe(19);
  });
});

describe('DingTalk’s answers', () => {
  it('errcode 0 is success; anything else, or a non-200 status, is a reason', () => {
    expect(answerProblem(200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(answerProblem(200, '{"errcode":310000,"errmsg":"sign not match"}')).toContain('请核对加签密钥');
    expect(answerProblem(200, '{"errcode":130101,"errmsg":"send too fast"}')).toContain('每分钟最多发送 20 条');
    expect(answerProblem(200, '{"errcode":460101,"errmsg":"message too long"}')).toContain('消息过长');
    expect(answerProblem(200, '{"errcode":400001,"errmsg":"x"}')).toBe('钉钉拒收（400001 x）。');
    expect(answerProblem(200, 'not json')).toBe('钉钉的答复无法识别。');
    expect(answerProblem(502, '')).toBe('钉钉服务器返回 HTTP 502。');
  });

  it('a URL in an error keeps no token, timestamp or signature', () => {
    expect(redactRobotSecrets(`Address unavailable: ${URL}&timestamp=1791507600000&sign=whVpXpa%2Bh`)).toBe(
      'Address unavailable: https://oapi.dingtalk.com/robot/send?access_token=…&timestamp=…&sign=…',
    );
  });
});
