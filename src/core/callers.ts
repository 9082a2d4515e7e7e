// Who may call a handler, judged from the only signals Apps Script gives the server (decision 11): whether the
// visitor differs from the account the code runs as, whether a container is there, whether a trigger's event
// names one of the recorded triggers. Server code cannot see which button called it, so nothing else is trusted.
import type { Person, Role } from './model';

/**
 * Where a handler is meant to be called from: `open` the simple onOpen trigger, `sheet` a menu item or a dialog /
 * sidebar of the spreadsheet, `trigger` an installable trigger (edit or time), `webApp` the 部室工作台's page.
 */
export type Audience = 'open' | 'sheet' | 'trigger' | 'webApp';

/** What Apps Script lets the server see about a call. Emails lower-cased; '' when Apps Script hides one. */
export interface CallSignals {
  /** `Session.getActiveUser()`: the person at the keyboard or visiting the web app. */
  visitor: string;
  /** `Session.getEffectiveUser()`: the account the code runs as (the web app's deployer, a trigger's owner). */
  runsAs: string;
  /** `SpreadsheetApp.getActive()` is there: a web app has no container. */
  hasContainer: boolean;
  /** The `triggerUid` of the event the handler got, if any. */
  triggerUid?: string;
  /** The unique ids of this project's installed triggers (read only for trigger handlers). */
  recordedTriggerUids?: readonly string[];
  /** The recorded trigger owner (Script Properties). */
  triggerOwner?: string;
}

/** True when the call comes from the web app: the code runs as someone other than the visitor, or has no container. */
export function isWebAppCall(s: CallSignals): boolean {
  return !s.hasContainer || s.visitor !== s.runsAs;
}

/**
 * Why this call may not run, in Chinese, or null. `webAppAllowed` marks the handlers the web app's page may call;
 * those check the visitor's role and department themselves for each case they touch.
 */
export function callerProblem(audience: Audience, webAppAllowed: boolean, s: CallSignals): string | null {
  if (audience === 'trigger') {
    if (!s.triggerUid || !(s.recordedTriggerUids ?? []).includes(s.triggerUid))
      return '此功能只由本台账已安装的触发器运行，不能直接调用。';
    if (!s.triggerOwner || s.runsAs !== s.triggerOwner)
      return `触发器属于 ${s.triggerOwner || '（未设置）'}，当前账号 ${s.runsAs || '（未知）'} 不执行，以免重复。`;
    return null;
  }
  if (isWebAppCall(s) && !(audience === 'webApp' || webAppAllowed))
    return '此功能只能在「信访台账」表格中使用，不能从部室工作台或其他网页调用。';
  return null;
}

/** Roles that see every case of the ledger. */
const SEE_ALL: readonly Role[] = ['信访办', '主职领导', '信访工作分管领导'];

/** True for the 信访办 and the two office leaders: they see every case, its petitioner included. */
export function seesEveryCase(person: Person): boolean {
  return person.roles.some((r) => SEE_ALL.includes(r));
}
/** Roles that see the cases of their department(s). */
const BY_DEPARTMENT: readonly Role[] = ['事项分管领导', '部室负责人', '部室联络员', '承办人'];

/**
 * True when `person` may see a case handled by `department`: the 信访办 and the two office leaders see every case;
 * a 事项分管领导 the departments they oversee (all when none is listed); a department's head, liaison or handler their
 * own department's.
 */
export function maySeeCase(person: Person, department: string): boolean {
  if (seesEveryCase(person)) return true;
  if (!person.roles.some((r) => BY_DEPARTMENT.includes(r))) return false;
  if (person.roles.includes('事项分管领导') && person.departments.length === 0) return true;
  const dept = department.trim();
  return dept !== '' && person.departments.includes(dept);
}
