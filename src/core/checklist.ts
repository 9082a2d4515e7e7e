// 七个到位: the seven measures required before closing the file on an unreasonable demand (seed 三、2).
import { caseLabel, fieldLabel, type Case, type CaseKey } from './model';

/** The seven checklist columns, in the seed's order (each column's label is the item's name). */
export const SEVEN_IN_PLACE: readonly CaseKey[] = [
  'procedureEnded',
  'channelsTold',
  'legalAid',
  'partlySolved',
  'hardshipAid',
  'measuresUsed',
  'localEducation',
];

/** The items' names: 信访程序终结到位 … 就地教育稳控到位. */
export const SEVEN_IN_PLACE_LABELS: readonly string[] = SEVEN_IN_PLACE.map(fieldLabel);

/** Names of the items not ticked yet. */
export function missingChecklistItems(c: Case): string[] {
  return SEVEN_IN_PLACE.filter((k) => c[k] !== true).map(fieldLabel);
}

/**
 * Why a case may not be archived yet: a case marked 不合理诉求 needs all seven ticked. Null when
 * the case is not so marked or the list is complete.
 */
export function checklistProblem(c: Case): string | null {
  if (c.unreasonable !== true) return null;
  const missing = missingChecklistItems(c);
  if (missing.length === 0) return null;
  return `${caseLabel(c)} 为不合理诉求，归档前须做到“七个到位”，尚未勾选：${missing.join('、')}`;
}
