// Small Apps Script adapters for the ports: the script lock, the clock, the 编号 counter in Script Properties,
// mail notices (masked), and who is acting.
import type { CaseCounter, Clock, Lock, Notice, Notifier } from '../app/ports';
import { maskText } from '../core/mask';
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

/** Script Properties key of a year's 编号 high-water mark. */
export const counterKey = (year: number): string => `CASE_SEQ_${year}`;

export const propertyCounter: CaseCounter = {
  highWater(year: number): number {
    return Number(PropertiesService.getScriptProperties().getProperty(counterKey(year)) ?? 0) || 0;
  },
  setHighWater(year: number, seq: number): void {
    PropertiesService.getScriptProperties().setProperty(counterKey(year), String(seq));
  },
};

/**
 * Sends each notice as one mail; the text is masked again here, since it leaves the spreadsheet. A mail that
 * fails (quota, outage) never undoes the action already saved: it is noted in `failures` for the person.
 */
export function mailNotifier(failures: string[]): Notifier {
  return {
    send(notices: readonly Notice[]): void {
      for (const n of notices) {
        if (n.to.length === 0) continue;
        try {
          MailApp.sendEmail({
            to: n.to.join(','),
            subject: `【信访台账】${n.caseNo}`,
            body: `${maskText(n.text)}\n\n（本邮件由信访台账自动发送，个人信息已脱敏。）`,
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

/** The e-mail of the person acting, or '' where Apps Script hides it (outside the owner's domain). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}
