// Helpers for the forms' scenarios: a person generates a form from the selected rows through the menu, the sidebar's
// slices are run as google.script.run would, and the generated Google Doc is read back box by box.
import type { GasEnvironment } from '../../emulator/index';
import { allParagraphs, paragraphText, type DocModel, type Paragraph } from '../../emulator/docs/doc-model';
import { ANNEXES } from '../../src/core/forms';
import type { AnnexNo } from '../../src/core/model';
import { DOMAIN, PEOPLE, PEOPLE_ROWS, selectCase, startOffice, type Who } from './office';

/** The sidebar's status (src/gas/forms.ts FormBatchStatus). */
export interface FormBatchStatus {
  total: number;
  done: number;
  remaining: number;
  made: { caseNo: string; caption: string; url: string; pdfUrl: string }[];
  refused: { caseNo: string; caption: string; reason: string }[];
  pdf: boolean;
  finished: boolean;
  message: string;
}

/** A second officer of the 信访办 (the first, 王芳, owns the spreadsheet and the app's Drive folder). */
export const SECOND_OFFICER = {
  name: '陈静',
  email: `chenjing@${DOMAIN}`,
  role: '信访办',
  dept: '综合事务部',
} as const;

/** The office of office.ts plus a second officer of the 信访办. */
export function formsOffice(now?: string): GasEnvironment {
  const env = startOffice(now);
  const o = SECOND_OFFICER;
  env.typeInto('人员', `A${PEOPLE_ROWS.length + 2}`, [[o.name, o.email, o.role, o.dept, '', '']]);
  return env;
}

/** The status the last sidebar was opened with. */
export function sidebarStatus(env: GasEnvironment): FormBatchStatus {
  const d = env.ui.dialogs[env.ui.dialogs.length - 1];
  if (!d || d.kind !== 'sidebar') throw new Error('no sidebar is open');
  const m = /var DATA = (\{.*?\});\n/.exec(d.html);
  if (!m) throw new Error(`the last sidebar is not the forms sidebar: ${d.title}`);
  return JSON.parse(m[1]!) as FormBatchStatus;
}

/**
 * A person selects the cases' rows and clicks 生成表单 › 附件n; returns the sidebar's status (undefined when the
 * app answered with an alert instead).
 */
export function generate(
  env: GasEnvironment,
  who: Who,
  caseNos: string[],
  annex: AnnexNo,
): FormBatchStatus | undefined {
  const user = PEOPLE[who].email;
  env.open({ user });
  selectCase(env, who, ...caseNos);
  const before = env.ui.dialogs.length;
  env.clickMenu('信访台账', '生成表单', ANNEXES[annex].caption, { user });
  const d = env.ui.dialogs[env.ui.dialogs.length - 1];
  return env.ui.dialogs.length > before && d?.kind === 'sidebar' ? sidebarStatus(env) : undefined;
}

/** The sidebar asks for the next slice, as its script does. */
export function nextSlice(env: GasEnvironment, who: Who = 'office', opts: { pdf?: boolean } = {}): FormBatchStatus {
  return env.submitDialog('formsRunSlice', [opts], { user: PEOPLE[who].email }) as FormBatchStatus;
}

/** The Google Doc a link points at (the runtime's Drive, read as the owner). */
export function docAt(env: GasEnvironment, url: string): DocModel {
  const id = /\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';
  const f = env.drive.store.find(id);
  if (!f?.doc) throw new Error(`no Google Doc at ${url}`);
  return f.doc;
}

/** A paragraph's text, its line breaks (U+000B in Docs) as newlines. */
const textOf = (p: Paragraph): string => paragraphText(p).split('\u000b').join('\n');

/** Every paragraph's text (table cells included), one a line. */
export function docText(doc: DocModel): string {
  return allParagraphs(doc).map(textOf).join('\n');
}

/** The text of the cell right of the cell reading `label` (its paragraphs one a line). */
export function box(doc: DocModel, label: string): string {
  for (const b of doc.blocks) {
    if (b.type !== 'table') continue;
    for (const row of b.rows) {
      const i = row.findIndex((c) => c.content.map(textOf).join('\n') === label);
      if (i >= 0 && row[i + 1]) return row[i + 1]!.content.map(textOf).join('\n');
    }
  }
  throw new Error(`no box labelled ${label}`);
}

/** A placeholder or a fill marker left in the text. */
export const LEFTOVER = /\{\{[^{}]*\}\}|[\uE000-\uF8FF]/;
