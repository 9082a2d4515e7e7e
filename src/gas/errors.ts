// The single catch of each handler: an error becomes a message for the person (alert, dialog failure, or log).
import { LedgerError } from './table';

/** The Chinese text a person reads for an error; unexpected errors keep Apps Script's message for the office. */
export function messageOf(e: unknown): string {
  if (e instanceof LedgerError) return e.message;
  const text = e instanceof Error ? e.message : String(e);
  if (/Lock timeout|too many LockService/i.test(text)) return '其他人正在办理，台账暂时被占用。请稍等片刻再试。';
  if (/Service invoked too many times/i.test(text)) return `今天的 Google 服务配额已用完，请明天再试。（${text}）`;
  if (/timed out|Too many simultaneous/i.test(text))
    return `Google 服务暂时没有响应，请稍后再试；已完成的操作不会重复。（${text}）`;
  return `出错了：${text}`;
}

/** Runs a menu handler; an error is shown as an alert and logged, never half-explained. */
export function forMenu(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(e);
    let ui: GoogleAppsScript.Base.Ui;
    try {
      ui = SpreadsheetApp.getUi();
    } catch {
      throw new Error(messageOf(e)); // no Ui (called from a page or a web app): the caller's failure handler gets it
    }
    ui.alert('信访台账', messageOf(e), ui.ButtonSet.OK);
  }
}

/** Runs a google.script.run target; an error reaches the page's failure handler with a Chinese message. */
export function forDialog<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    console.error(e);
    throw new Error(messageOf(e));
  }
}

/** Runs a trigger handler: nobody is watching, so log and rethrow (Apps Script mails the owner a failure summary). */
export function forTrigger(name: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(`${name}: ${messageOf(e)}`);
    throw e;
  }
}
