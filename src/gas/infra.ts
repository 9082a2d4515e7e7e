// Small Apps Script adapters for the ports: the script lock, the clock, the 编号 counter in Script Properties,
// mail notices (masked, signed with the office's name), and who is acting.
import type { CaseCounter, Clock, Lock, Notice, NoticeFacts, Notifier, NumberSeries } from '../app/ports';
import { fieldLabel } from '../core/model';
import { maskName, maskPhone, maskText } from '../core/mask';
import { LedgerError } from './table';

/** How long a menu action waits for another person's action to finish. */
const LOCK_WAIT_MS = 30_000;

export const scriptLock: Lock = {
  withLock<T>(fn: () => T): T {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) {
      throw new LedgerError('BUSY', '其他人正在办理，台账暂时被占用。请稍等片刻再试。');
    }
    try {
      const result = fn();
      SpreadsheetApp.flush();
      return result;
    } finally {
      lock.releaseLock();
    }
  },
};

export const systemClock: Clock = { now: () => new Date() };

/** Script Properties key of a year's high-water mark: 编号 (CASE_SEQ_2026) or 联系函编号 (LETTER_SEQ_2026). */
export const counterKey = (year: number, series: NumberSeries = 'case'): string =>
  `${series === 'case' ? 'CASE' : 'LETTER'}_SEQ_${year}`;

export const propertyCounter: CaseCounter = {
  highWater(year: number, series?: NumberSeries): number {
    return Number(PropertiesService.getScriptProperties().getProperty(counterKey(year, series)) ?? 0) || 0;
  },
  setHighWater(year: number, seq: number, series?: NumberSeries): void {
    PropertiesService.getScriptProperties().setProperty(counterKey(year, series), String(seq));
  },
};

/**
 * Sends each notice as one mail, titled and signed with the office's name (设置「单位名称」, read only when a mail
 * goes out). Masking happens here, where the data leaves the spreadsheet: the petitioner's name and phone among the
 * case's facts, and any ID number or phone in the text. A mail that fails (quota, outage) never undoes the action
 * already saved: it is noted in `failures` for the person.
 */
export function mailNotifier(failures: string[], officeName: () => string): Notifier {
  return {
    send(notices: readonly Notice[]): void {
      const sendable = notices.filter((n) => n.to.length > 0);
      if (sendable.length === 0) return;
      const office = officeName();
      for (const n of sendable) {
        try {
          MailApp.sendEmail({
            to: n.to.join(','),
            subject: `【${office}信访台账】${n.caseNo}`,
            body: [maskText(n.text), ...factLines(n.facts), '', `${office}信访台账`, MASK_FOOTER].join('\n'),
          });
        } catch (e) {
          console.error(e);
          failures.push(
            `${n.caseNo}：通知邮件未能发出（${e instanceof Error ? e.message : String(e)}），请另行告知相关人员`,
          );
        }
      }
    },
  };
}

const MASK_FOOTER = '（本邮件由信访台账自动发送，个人信息已脱敏；完整信息请在台账中查看。）';

/** The case's facts as mail lines, the petitioner's name and phone masked here, where they leave the spreadsheet. */
function factLines(f: NoticeFacts | undefined): string[] {
  if (!f) return [];
  const pair = (key: Parameters<typeof fieldLabel>[0], v: string | undefined): string =>
    v ? `${fieldLabel(key)}：${v}` : '';
  const line = (...parts: string[]): string => parts.filter(Boolean).join('　');
  return [
    line(
      pair('petitionerName', f.petitionerName && maskName(f.petitionerName)),
      pair('phone', f.phone && maskPhone(f.phone)),
    ),
    line(pair('matterType', f.matterType), pair('category', f.category)),
    line(pair('department', f.department), pair('dueDate', f.dueDate)),
  ].filter(Boolean);
}

/** The e-mail of the person acting, or '' where Apps Script hides it (outside the owner's domain). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}
