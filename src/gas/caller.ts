// The first thing every handler does: judge who is calling and from where (decision 11), with the signals Apps
// Script gives — the visitor and the account the code runs as, the container, a trigger event's triggerUid.
import { callerProblem, maySeeCase, type CallSignals } from '../core/callers';
import type { Person } from '../core/model';
import { HANDLERS, audienceOf, type HandlerKind, type HandlerName } from '../handlers';
import { actingPerson } from './actions';
import { activeUserEmail } from './infra';
import { gasPorts, type GasPorts } from './ports';
import { LedgerError } from './table';
import { recordedTriggers } from './triggers';

/** The signals of this execution, read from Apps Script. */
function signals(): CallSignals {
  return {
    visitor: activeUserEmail(),
    runsAs: Session.getEffectiveUser().getEmail().trim().toLowerCase(),
    hasContainer: SpreadsheetApp.getActive() !== null,
  };
}

/**
 * Refuses a call to a menu, dialog or sidebar handler that does not come from the spreadsheet itself (a web app
 * runs every google.script.run call as its deployer, so the visitor must be the account the code runs as, and a
 * container must be there), unless the table marks the handler for the web app.
 */
export function checkSheetCaller(name: HandlerName): void {
  const h: HandlerKind = HANDLERS[name];
  const problem = callerProblem(audienceOf(h), h.kind === 'dialog' && h.webApp === true, signals());
  if (problem) throw new LedgerError('DENIED', problem);
  if (!OPEN_TO_ANYONE.includes(name)) requireRole(gasPorts());
}

/**
 * Sheet handlers a person without a role may run: the help (no case data) and 初始化/修复 (on a fresh sheet its
 * first run adds its runner to 人员; afterwards it admits only the 信访办 itself). Every other handler needs a role
 * before it reads anything, and then checks that role for what it does.
 */
const OPEN_TO_ANYONE: readonly HandlerName[] = ['showHelp', 'menuSetup'];

/**
 * For a trigger handler: 'run' when the event names one of this project's recorded triggers and the code runs as
 * their recorded owner; 'skip' (logged) when a recorded trigger fires for another account, which does nothing so
 * that nothing is done twice; a call without a recorded trigger's event (a page calling the handler by name, a
 * forged event) is refused with an error.
 */
export function checkTriggerCaller(name: HandlerName, event: unknown): 'run' | 'skip' {
  const uid = (event as { triggerUid?: unknown } | null | undefined)?.triggerUid;
  // The owner and the owner's triggers as installTriggers recorded them (one property read); only an event they do
  // not name is checked against the running account's own triggers (a call per trigger), to tell another account's
  // trigger (skipped quietly) from a forged call (refused).
  const { owner, uids: recorded } = recordedTriggers();
  const base = {
    ...signals(),
    triggerUid: typeof uid === 'string' || typeof uid === 'number' ? String(uid) : '',
    triggerOwner: owner,
  };
  if (
    base.triggerUid &&
    recorded.includes(base.triggerUid) &&
    !callerProblem(audienceOf(HANDLERS[name]), false, { ...base, recordedTriggerUids: recorded })
  )
    return 'run';
  const s: CallSignals = { ...base, recordedTriggerUids: ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()) };
  const problem = callerProblem(audienceOf(HANDLERS[name]), false, s);
  if (!problem) return 'run';
  if (s.triggerUid && s.recordedTriggerUids!.includes(s.triggerUid)) {
    console.log(`${name}: ${problem}`);
    return 'skip';
  }
  throw new LedgerError('DENIED', problem);
}

/** The caller as a person of 人员 holding one of `roles` (any role when none is given); refused otherwise. */
export function requireRole(p: GasPorts, roles: readonly string[] = []): Person {
  const person = actingPerson(p);
  if (person.roles.length === 0)
    throw new LedgerError('DENIED', `${person.email} 在「人员」表中没有角色，不能使用此功能。`);
  if (roles.length && !person.roles.some((r) => roles.includes(r)))
    throw new LedgerError('DENIED', `此功能只限「${roles.join('」「')}」使用。`);
  return person;
}

/** Refuses a case the caller may not see (another department's case, for a liaison or handler). */
export function requireMaySee(person: Person, caseNo: string, department: string): void {
  if (!maySeeCase(person, department)) throw new LedgerError('DENIED', `${caseNo} 不是您所在部室的信访件，不能查看。`);
}
