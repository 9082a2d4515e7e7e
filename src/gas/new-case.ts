// 新建信访件: the registration sidebar (annexes 3 and 4) and its server side — checked again here, whatever the
// page checked, then registered under the lock with a new 编号, the computed deadline and a log line.
import { registerCase, type RegisterResult } from '../app/registerCase';
import { toShanghaiDate } from '../core/dates';
import { findEarlierCases } from '../core/duplicates';
import { FORMS, MATTER_TYPES, SOURCES, VISIT_ROUTINGS, type Case } from '../core/model';
import { actingPerson } from './actions';
import { requireRole } from './caller';
import { gasPorts } from './ports';
import { formPage } from './pages';

/** What the sidebar gets back. */
export type NewCaseResult = RegisterResult;

/** Sidebar fields (keys of the case model) the form sends. */
const FORM_KEYS = [
  'petitionDate',
  'petitionerName',
  'personCount',
  'phone',
  'idNumber',
  'address',
  'source',
  'upstreamNo',
  'form',
  'matterType',
  'category',
  'demand',
  'visitRouting',
  'department',
  'dueDate',
] as const;

export function showNewCaseSidebar(): void {
  const p = gasPorts();
  requireRole(p, ['信访办']);
  const options = {
    sources: SOURCES,
    forms: FORMS,
    matterTypes: MATTER_TYPES,
    routings: VISIT_ROUTINGS,
    departments: p.directory.departments(),
    categories: p.settings.load().values.categories,
    today: toShanghaiDate(new Date()),
  };
  SpreadsheetApp.getUi().showSidebar(formPage('NewCase', { options }).setTitle('新建信访件'));
}

/** Registers the case typed into the sidebar; on success selects its new row. */
export function submitNewCaseForm(form: Record<string, string>): NewCaseResult {
  const p = gasPorts();
  const actor = actingPerson(p);
  const fields: Record<string, string> = {};
  for (const k of FORM_KEYS) {
    const v = form?.[k];
    if (typeof v === 'string' && v.trim() !== '') fields[k] = v;
  }
  const result = registerCase({ fields, actorEmail: actor.email }, p);
  if (result.ok) result.warnings.push(...p.noticeFailures);
  if (result.ok) {
    const row = p.ledger.rowOf(result.caseNo);
    if (row) p.ledger.sheet.setActiveRange(p.ledger.sheet.getRange(row, 1));
    p.ss.toast(`已登记 ${result.caseNo}（${result.state}）`, '信访台账', 6);
  }
  return result;
}

/** Earlier cases with the same ID number or phone (重复信访), as a hint while the person types. */
export function checkRepeatHint(form: { idNumber?: string; phone?: string }): string {
  const p = gasPorts();
  requireRole(p, ['信访办']);
  const rules = p.settings.rules();
  const probe = {
    state: '待签收',
    idNumber: form?.idNumber,
    phone: form?.phone,
    petitionDate: toShanghaiDate(new Date()),
  } as Case;
  const earlier = findEarlierCases(
    probe,
    p.ledger.repeatPeers(probe, rules.settings.repeatWindowDays),
    rules.settings.repeatWindowDays,
  );
  return earlier.length ? `可能是重复信访：${earlier.join('、')}` : '';
}
