// The DingTalk group robot channel: robots kept in Script Properties (decision 7: never in a sheet), and
// sendRobotDigests, which signs and posts each group's digest as markdown messages and reports per group.
import {
  answerProblem,
  normalizeMobile,
  parseStoredRobot,
  privacyProblem,
  redactRobotSecrets,
  robotMessages,
  robotPayload,
  robotPropertyKey,
  ROBOT_LIMITS,
  ROBOT_PROPERTY_PREFIX,
  sendBudget,
  signedUrl,
  utf8Bytes,
  type RobotConfig,
  type RobotCrypto,
  type RobotDigest,
  type RobotResult,
} from '../core/dingtalk';

export type { RobotDigest, RobotResult } from '../core/dingtalk';

/** Every group's robot as stored (one read of Script Properties); an unusable value counts as not set. */
export function storedRobots(): Map<string, RobotConfig> {
  const all = PropertiesService.getScriptProperties().getProperties();
  const robots = new Map<string, RobotConfig>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(ROBOT_PROPERTY_PREFIX)) continue;
    const robot = parseStoredRobot(value);
    if (robot) robots.set(key.slice(ROBOT_PROPERTY_PREFIX.length), robot);
  }
  return robots;
}

/** The groups that have a robot: a digest for any other group comes back `notSet`. */
export function configuredRobotGroups(): string[] {
  return [...storedRobots().keys()];
}

export function saveRobot(group: string, robot: RobotConfig): void {
  PropertiesService.getScriptProperties().setProperty(robotPropertyKey(group), JSON.stringify(robot));
}

export function deleteRobot(group: string): void {
  PropertiesService.getScriptProperties().deleteProperty(robotPropertyKey(group));
}

const appsScriptCrypto: RobotCrypto = {
  hmacSha256: (value, key) => Utilities.computeHmacSha256Signature(value, key, Utilities.Charset.UTF_8),
  base64: (bytes) => Utilities.base64Encode(bytes),
};

/** Script Cache key of when a group's robot sent its recent messages (ms), kept a minute. */
const sentKey = (group: string): string => `DINGTALK_SENT_${group}`;

/**
 * Posts each digest to its group's robot, in order, and says per digest what happened. A group without a robot is
 * `notSet` (robots are optional). A digest is refused whole by the privacy guard, split into messages that fit, and
 * sent until the robot's 20 messages a minute are used up — counted across executions in the Script Cache; the rest
 * is reported as deferred. It does not wait for the minute to pass (Utilities.sleep would spend a sixth of an
 * execution's 6 minutes, and of the trigger owner's daily trigger time, doing nothing): the caller sends the rest
 * later. A failure (DingTalk's refusal, no connection, a service error) never throws: it is the group's result, and
 * logged with console.warn. A cache evicted early only lets DingTalk refuse with 130101, which is reported the same
 * way; two executions sending at once may do the same.
 */
export function sendRobotDigests(digests: readonly RobotDigest[]): RobotResult[] {
  let robots: Map<string, RobotConfig>;
  let cache: GoogleAppsScript.Cache.Cache;
  try {
    robots = storedRobots();
    cache = CacheService.getScriptCache();
  } catch (e) {
    return digests.map((d) =>
      failed({ group: d.group, sent: 0 }, `「${d.group}」：读取钉钉机器人设置失败（${why(e)}）。`),
    );
  }
  const sentAt = new Map<string, number[]>();
  const results = digests.map((d): RobotResult => {
    const robot = robots.get(d.group);
    if (!robot) return { group: d.group, sent: 0, notSet: true };
    if (!sentAt.has(d.group)) sentAt.set(d.group, recentSends(cache, d.group));
    try {
      return sendDigest(d, robot, sentAt.get(d.group)!);
    } catch (e) {
      return failed({ group: d.group, sent: 0 }, `「${d.group}」：发送出错（${why(e)}）。`);
    }
  });
  for (const [group, times] of sentAt) {
    try {
      if (times.length) cache.put(sentKey(group), JSON.stringify(times), ROBOT_LIMITS.windowMs / 1000 + 1);
    } catch (e) {
      console.warn(`钉钉机器人「${group}」：未能记下本分钟已发条数（${why(e)}）`);
    }
  }
  return results;
}

/** When the group's robot sent in the last minute (nothing when the cache is empty or unreadable). */
function recentSends(cache: GoogleAppsScript.Cache.Cache, group: string): number[] {
  try {
    const v: unknown = JSON.parse(cache.get(sentKey(group)) ?? '[]');
    const now = Date.now();
    return Array.isArray(v) ? v.map(Number).filter((t) => now - t < ROBOT_LIMITS.windowMs) : [];
  } catch {
    return [];
  }
}

/**
 * One digest: @mentions normalised (a mobile 人员 has in an unusable form is left out and noted), the privacy guard,
 * the split, then sending while the budget lasts; the first failure stops the rest of the digest.
 */
function sendDigest(d: RobotDigest, robot: RobotConfig, sentAt: number[]): RobotResult {
  const result: RobotResult = { group: d.group, sent: 0 };
  const mobiles = d.atMobiles.map(normalizeMobile);
  const skipped = mobiles.filter((m) => m === null).length;
  const digest = { ...d, atMobiles: [...new Set(mobiles.filter((m): m is string => m !== null))] };
  const refused = privacyProblem(digest);
  if (refused) return failed(result, `「${d.group}」：${refused}`);
  const messages = robotMessages(digest);
  for (let i = 0; i < messages.length; i++) {
    const left = messages.length - i;
    if (sendBudget(sentAt, Date.now()) === 0) {
      result.deferred = left;
      return failed(
        result,
        `「${d.group}」：钉钉机器人每分钟最多发送 ${ROBOT_LIMITS.messagesPerMinute} 条，` +
          `${result.sent ? `已发送 ${result.sent} 条，其余 ${left} 条` : `${left} 条消息`}推迟未发，请一分钟后再发送。`,
      );
    }
    const problem = post(robot, JSON.stringify(robotPayload(messages[i]!)));
    if (problem) {
      const rest = left - 1;
      return failed(
        result,
        `「${d.group}」：${result.sent ? `已发送 ${result.sent} 条，` : ''}` +
          `${messages.length > 1 ? `第 ${i + 1} 条` : '消息'}发送失败：${problem}` +
          (rest ? `其余 ${rest} 条未发送。` : ''),
      );
    }
    sentAt.push(Date.now());
    result.sent++;
  }
  if (skipped)
    return failed(
      result,
      `「${d.group}」：已发送，但有 ${skipped} 个手机号不是 11 位手机号，未能 @ 提醒：请核对「人员」表的「手机」列。`,
    );
  return result;
}

/** Signs and posts one message body; null when DingTalk took it, else why not (Chinese, secrets redacted). */
function post(robot: RobotConfig, body: string): string | null {
  if (utf8Bytes(body) > ROBOT_LIMITS.bodyBytes) return `消息超过钉钉的 ${ROBOT_LIMITS.bodyBytes} 字节限制。`;
  try {
    const res = UrlFetchApp.fetch(signedUrl(robot, Date.now(), appsScriptCrypto), {
      method: 'post',
      contentType: 'application/json; charset=utf-8',
      payload: body,
      muteHttpExceptions: true,
    });
    return answerProblem(res.getResponseCode(), res.getContentText());
  } catch (e) {
    return `无法连接钉钉（${why(e)}）。`;
  }
}

/** An exception's message for a person or the log, with any webhook secret hidden. */
const why = (e: unknown): string => redactRobotSecrets(e instanceof Error ? e.message : String(e));

function failed(result: RobotResult, error: string): RobotResult {
  console.warn(`钉钉机器人 ${error}`);
  return { ...result, error };
}
