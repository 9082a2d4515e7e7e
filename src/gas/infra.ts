// Small Apps Script adapters for the ports: the script lock, the clock, the 编号 counter in Script Properties,
// mail notices (masked, signed with the office's name, linked to where each person acts), and who is acting.
import type { CaseCounter, Clock, Lock, Notice, Notifier, NumberSeries } from '../app/ports';
import { caseLinkTarget, composeNotice, type CaseLinkTarget } from '../core/notices';
import type { CaseLink } from './links';
import { LedgerError } from './table';
import { holdProps } from './script-props';

/** How long a menu action waits for another person's action to finish. */
const LOCK_WAIT_MS = 30_000;

export const scriptLock: Lock = {
  withLock<T>(fn: () => T): T {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) {
      throw new LedgerError('BUSY', '其他人正在办理，台账暂时被占用。请稍等片刻再试。');
    }
    // What another execution wrote before the lock was ours is read afresh, once.
    holdProps(true);
    try {
      const result = fn();
      SpreadsheetApp.flush();
      return result;
    } finally {
      holdProps(false);
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
 * Sends each notice as mail with a plain-text and an HTML part (src/core/notices.ts writes both, masked), signed
 * with the office's name (设置「单位名称」, read only when a mail goes out); recipients given different links (the
 * 台账 row, or the 部室工作台) get a mail each. A mail that fails (quota, outage) never undoes the action already
 * saved: it is noted in `failures` for the person.
 */
export function mailNotifier(failures: string[], officeName: () => string, caseLink: CaseLink): Notifier {
  return {
    send(notices: readonly Notice[]): void {
      const sendable = notices.filter((n) => n.to.length > 0);
      if (sendable.length === 0) return;
      const office = officeName();
      for (const n of sendable) {
        try {
          const byLink = new Map<string, { link: string | null; linkTo: CaseLinkTarget; to: string[] }>();
          for (const p of n.to) {
            const link = caseLink(p, n.caseNo);
            const linkTo = caseLinkTarget(p);
            const key = `${linkTo}|${link ?? ''}`;
            const group = byLink.get(key) ?? { link, linkTo, to: [] };
            group.to.push(p.email);
            byLink.set(key, group);
          }
          for (const { link, linkTo, to } of byLink.values()) {
            const mail = composeNotice(n.content, { officeName: office, link, linkTo });
            MailApp.sendEmail({ to: to.join(','), subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody });
          }
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
