// The DingTalk group robot channel's pure parts: a robot's settings as typed (checked), the 加签 signature, the
// markdown messages a digest becomes (split to fit, numbered, @mentions in the text), the privacy guard, the send
// budget of 20 a minute, and what DingTalk's answers mean.

/** One robot message to post: the group it goes to ('信访办' or a department name), a title, markdown lines. */
export interface RobotDigest {
  group: string;
  title: string;
  lines: string[];
  atMobiles: string[];
}

/**
 * What happened per group: sent message count, or the failure (Chinese, for the 信访办 summary and the log).
 * `deferred`: messages not sent because the robot's 20 a minute were used up (the error says so too). `notSet`: the
 * group has no robot (robots are optional), so nothing was sent and nothing failed.
 */
export interface RobotResult {
  group: string;
  sent: number;
  deferred?: number;
  notSet?: true;
  error?: string;
}

/** A robot as stored in Script Properties (never in a sheet). */
export interface RobotConfig {
  url: string;
  secret: string;
}

/** One message as posted: the markdown title, text, and whom it @mentions. */
export interface RobotMessage {
  title: string;
  text: string;
  atMobiles: string[];
}

/** The 信访办's own group; every other group is a department of 部室. */
export const OFFICE_GROUP = '信访办';

export const ROBOT_URL_PREFIX = 'https://oapi.dingtalk.com/robot/send?access_token=';

/** Script Properties key of a group's robot: DINGTALK_规划建设部 → JSON {url, secret}. */
export const ROBOT_PROPERTY_PREFIX = 'DINGTALK_';
export const robotPropertyKey = (group: string): string => `${ROBOT_PROPERTY_PREFIX}${group}`;

/**
 * DingTalk's limits. 20 messages a minute per robot (exceeding it throttles the robot for 10 minutes): DingTalk's
 * custom robot guide. The request body: DingTalk refuses more than 20,000 bytes (errcode 460101 "message too long,
 * exceed 20000 bytes", as its answers report; the guide states no markdown limit). The 4,000-byte text is assumed:
 * well inside that body, and about as much as a phone screen shows of one message.
 */
export const ROBOT_LIMITS = { messagesPerMinute: 20, windowMs: 60_000, textBytes: 4_000, bodyBytes: 20_000 } as const;

const TOKEN_RE = /^[A-Za-z0-9_-]+$/;
const SECRET_RE = /^SEC[A-Za-z0-9]+$/;
const MOBILE_ONLY_RE = /^1[3-9]\d{9}$/;

/** A mobile as typed in 人员 (spaces, dashes, +86 allowed) as the 11 digits DingTalk wants, or null. */
export function normalizeMobile(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
  return MOBILE_ONLY_RE.test(digits) ? digits : null;
}

/** The robot typed into the dialog, trimmed and checked, or the reason it cannot be used (Chinese). */
export function parseRobotInput(input: {
  url?: unknown;
  secret?: unknown;
}): { ok: true; config: RobotConfig } | { ok: false; reason: string } {
  const url = String(input.url ?? '').trim();
  const secret = String(input.secret ?? '').trim();
  if (!url) return { ok: false, reason: '请填写 Webhook 地址。' };
  if (!url.startsWith(ROBOT_URL_PREFIX))
    return {
      ok: false,
      reason: `Webhook 地址应以 ${ROBOT_URL_PREFIX} 开头：请从钉钉群「智能群助手 › 自定义机器人」复制完整地址。`,
    };
  const token = url.slice(ROBOT_URL_PREFIX.length);
  if (/[&#]|timestamp=|sign=/.test(token))
    return { ok: false, reason: 'Webhook 地址只应带 access_token，不要带 timestamp、sign 等参数。' };
  if (!TOKEN_RE.test(token) || token.length < 16)
    return { ok: false, reason: 'Webhook 地址中的 access_token 不完整或含有多余字符，请重新复制。' };
  if (!secret) return { ok: false, reason: '请填写加签密钥（机器人安全设置选「加签」，密钥以 SEC 开头）。' };
  if (!secret.startsWith('SEC')) return { ok: false, reason: '加签密钥应以 SEC 开头，请从机器人安全设置中复制。' };
  if (!SECRET_RE.test(secret) || secret.length < 16)
    return { ok: false, reason: '加签密钥不完整或含有空格等多余字符，请重新复制。' };
  return { ok: true, config: { url, secret } };
}

/** A stored robot, or null when the property is missing or not a usable robot (then it counts as not set). */
export function parseStoredRobot(json: string | null | undefined): RobotConfig | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<RobotConfig>;
    const parsed = parseRobotInput({ url: v?.url, secret: v?.secret });
    return parsed.ok ? parsed.config : null;
  } catch {
    return null;
  }
}

/** The robot's access token (the part of the URL that is a secret too). */
export const robotToken = (url: string): string => url.slice(ROBOT_URL_PREFIX.length);

/** How the dialog shows a set robot: never the secret, only the token's last 4 characters. */
export const robotLabel = (config: RobotConfig): string => `已设置（…${robotToken(config.url).slice(-4)}）`;

/** Apps Script's HMAC and Base64, passed in (core names no Apps Script global). */
export interface RobotCrypto {
  /** `Utilities.computeHmacSha256Signature(value, key)`: signed bytes. */
  hmacSha256(value: string, key: string): number[];
  /** `Utilities.base64Encode(bytes)`. */
  base64(bytes: number[]): string;
}

/** DingTalk 加签: the string signed is the timestamp (ms), a newline and the secret; the key is the secret. */
export const stringToSign = (timestampMs: number, secret: string): string => `${timestampMs}\n${secret}`;

/** The webhook URL with `timestamp` and the URL-encoded Base64 HMAC-SHA256 `sign`. */
export function signedUrl(robot: RobotConfig, timestampMs: number, crypto: RobotCrypto): string {
  const sign = crypto.base64(crypto.hmacSha256(stringToSign(timestampMs, robot.secret), robot.secret));
  return `${robot.url}&timestamp=${timestampMs}&sign=${encodeURIComponent(sign)}`;
}

/** The JSON body of one markdown message. */
export function robotPayload(m: RobotMessage): {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
  at: { atMobiles: string[]; isAtAll: false };
} {
  return {
    msgtype: 'markdown',
    markdown: { title: m.title, text: m.text },
    at: { atMobiles: m.atMobiles, isAtAll: false },
  };
}

/** UTF-8 length of a string (Apps Script has no TextEncoder). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The widest part number a heading reserves room for: （999/999）. */
const PART_SUFFIX_ROOM = '（999/999）';
const mentionRe = (mobile: string): RegExp => new RegExp(`@${mobile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);

/**
 * The messages of one digest. Each text starts with the title as a heading; lines are joined with '\n' and kept
 * whole where they fit (a line longer than a message is cut at characters); every message's text stays within
 * `textBytes`. Several messages are titled 「标题（1/3）」…. Each @mentioned mobile must appear as `@138…` in the
 * text for DingTalk to highlight it (its guide says so), so mobiles the lines do not mention go on a last line; a
 * message's `at` names the mobiles its own text mentions.
 */
export function robotMessages(digest: RobotDigest, textBytes: number = ROBOT_LIMITS.textBytes): RobotMessage[] {
  const title = digest.title.replace(/\s+/g, ' ').trim();
  const mobiles = [...new Set(digest.atMobiles)];
  const body = digest.lines.flatMap((l) => l.split(/\r?\n/));
  const unmentioned = mobiles.filter((m) => !body.some((l) => mentionRe(m).test(l)));
  if (unmentioned.length) body.push(unmentioned.map((m) => `@${m}`).join(' '));
  const heading = (suffix: string): string => `#### ${title}${suffix}`;
  const room = Math.max(16, textBytes - utf8Bytes(heading(PART_SUFFIX_ROOM)));
  const parts = pack(body, room);
  return parts.map((lines, i) => {
    const suffix = parts.length > 1 ? `（${i + 1}/${parts.length}）` : '';
    const text = [heading(suffix), ...lines].join('\n');
    return { title: title + suffix, text, atMobiles: mobiles.filter((m) => mentionRe(m).test(text)) };
  });
}

/** Lines into groups whose `'\n' + line` bytes add up to at most `room`; an over-long line is cut at characters. */
function pack(lines: readonly string[], room: number): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const line of lines) {
    for (const piece of cut(line, room - 1)) {
      const cost = 1 + utf8Bytes(piece);
      if (current.length && used + cost > room) {
        parts.push(current);
        current = [];
        used = 0;
      }
      current.push(piece);
      used += cost;
    }
  }
  if (current.length || parts.length === 0) parts.push(current);
  return parts;
}

/** A line as pieces of at most `max` bytes, cut between characters (never inside one). */
function cut(line: string, max: number): string[] {
  if (utf8Bytes(line) <= max) return [line];
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const ch of line) {
    const b = utf8Bytes(ch);
    if (bytes + b > max && piece) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += ch;
    bytes += b;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** 18-character ID numbers, also written 6-8-4 with spaces or dashes. */
const ID_NUMBER_RE = /(?<!\d)\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx](?![\dXx])/;
/** Mainland mobiles, also with +86 / 0086 and spaced or dashed. */
const MOBILE_RE = /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;

const halfWidthDigits = (s: string): string =>
  s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * The last guard before anything leaves for a chat group (decision 7): a digest whose title or lines hold what looks
 * like an ID number, or a mobile that is not one of its `atMobiles` written as an @mention, is refused whole. The
 * reason names where, never the number.
 */
export function privacyProblem(digest: RobotDigest): string | null {
  const bad = digest.atMobiles.filter((m) => !MOBILE_ONLY_RE.test(m));
  if (bad.length) return `被 @ 的手机号中有 ${bad.length} 个格式不对（应为 11 位手机号），本组消息未发送。`;
  const texts = [digest.title, ...digest.lines];
  for (let i = 0; i < texts.length; i++) {
    const where = i === 0 ? '标题' : `第 ${i} 行`;
    const text = halfWidthDigits(texts[i]!);
    if (ID_NUMBER_RE.test(text)) return `${where}含有疑似身份证号：为保护个人信息，本组消息未发送。`;
    for (const m of text.matchAll(MOBILE_RE)) {
      const mention = text[m.index - 1] === '@' && digest.atMobiles.includes(m[0]);
      if (!mention)
        return `${where}含有疑似手机号：为保护个人信息，本组消息未发送（工作人员的手机号只能以 @ 提醒的方式出现）。`;
    }
  }
  return null;
}

/** How many more messages the robot may send now, given when it sent its recent ones (20 in any 60 seconds). */
export function sendBudget(sentAtMs: readonly number[], nowMs: number): number {
  const recent = sentAtMs.filter((t) => nowMs - t < ROBOT_LIMITS.windowMs).length;
  return Math.max(0, ROBOT_LIMITS.messagesPerMinute - recent);
}

/**
 * What DingTalk's answer means: null when it took the message (HTTP 200 and errcode 0), else the reason in Chinese.
 * DingTalk answers HTTP 200 with {errcode, errmsg} for refusals too.
 */
export function answerProblem(status: number, body: string): string | null {
  if (status !== 200) return `钉钉服务器返回 HTTP ${status}。`;
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    return '钉钉的答复无法识别。';
  }
  const code = Number(answer?.errcode);
  if (code === 0) return null;
  const msg = redactRobotSecrets(String(answer?.errmsg ?? ''));
  switch (code) {
    case 310000:
      return `钉钉拒收（310000 ${msg}）：请核对加签密钥是否与机器人一致；机器人若另设了关键词或 IP 地址限制，请取消。`;
    case 130101:
      return `钉钉限流（130101 ${msg}）：每个机器人每分钟最多发送 20 条，超出后限流 10 分钟。`;
    case 460101:
      return `钉钉拒收（460101 ${msg}）：消息过长。`;
    default:
      return `钉钉拒收（${Number.isFinite(code) ? code : '?'} ${msg}）。`;
  }
}

/** Hides a webhook's token, timestamp and signature in a text bound for a person or a log (UrlFetch errors name the URL). */
export function redactRobotSecrets(text: string): string {
  return text.replace(/\b(access_token|timestamp|sign)=[^&\s)）]*/g, '$1=…');
}
