// Docs API v1 batchUpdate requests: the payload checks Google's JSON front end makes (unknown names, wrong
// types, oneof), the per-request checks of the Docs API, and the edits they make to the document model.
// https://developers.google.com/docs/api/reference/rest/v1/documents/request
import { NotImplementedError } from '../host/kernel';
import type { DocModel } from './doc-model';
import { bodyEndIndex } from './doc-json';
import { DocsRequestError, insertText, parseStyleFields, replaceAllText, updateTextStyle } from './doc-edit';

/** A 400 from the Docs API; docs.ts wraps it as GoogleJsonResponseException. */
export class DocsBadRequest extends Error {}

/** Every request kind the Docs API defines (Request is a oneof of these). */
const KNOWN_KINDS = new Set(
  (
    'replaceAllText insertText updateTextStyle createParagraphBullets deleteParagraphBullets createNamedRange deleteNamedRange ' +
    'updateParagraphStyle deleteContentRange insertInlineImage insertTable insertTableRow insertTableColumn deleteTableRow ' +
    'deleteTableColumn insertPageBreak deletePositionedObject updateTableColumnProperties updateTableCellStyle ' +
    'updateTableRowStyle replaceImage updateDocumentStyle mergeTableCells unmergeTableCells createHeader createFooter ' +
    'createFootnote replaceNamedRangeContent updateSectionStyle insertSectionBreak deleteHeader deleteFooter ' +
    'pinTableHeaderRows addDocumentTab deleteTab updateDocumentTabProperties insertPerson insertDate'
  ).split(' '),
);

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** The JSON front end's complaint about a name it does not know. */
function unknownName(name: string, at: string): DocsBadRequest {
  return new DocsBadRequest(`Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`);
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], at: string): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) throw unknownName(k, at);
}

function checkType(v: unknown, type: 'TYPE_STRING' | 'TYPE_BOOL' | 'TYPE_INT32', at: string): void {
  const ok =
    type === 'TYPE_STRING'
      ? typeof v === 'string'
      : type === 'TYPE_BOOL'
        ? typeof v === 'boolean'
        : Number.isInteger(v);
  if (v !== undefined && !ok) throw new DocsBadRequest(`Invalid value at '${at}' (${type}), ${JSON.stringify(v)}`);
}

function asObject(v: unknown, at: string): Record<string, unknown> {
  if (v === undefined) return {};
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw new DocsBadRequest(
      `Invalid value at '${at}' (type.googleapis.com/google.apps.docs.v1.${at.split('.').pop()}), ${JSON.stringify(v)}`,
    );
  return v as Record<string, unknown>;
}

/** The kind of request `req` is, after the oneof checks. */
export function requestKind(req: unknown, i: number): string {
  const at = `requests[${i}]`;
  const obj = asObject(req, at);
  const keys = Object.keys(obj);
  for (const k of keys) if (!KNOWN_KINDS.has(k)) throw unknownName(k, at);
  if (keys.length > 1)
    throw new DocsBadRequest(
      `Invalid value at '${at}' (oneof), oneof field 'request' is already set. Cannot set '${snake(keys[1])}'`,
    );
  if (!keys.length) throw new DocsBadRequest(`Invalid requests[${i}]: No request set.`);
  return keys[0];
}

/** Applies request `i` to `doc`; returns its reply. */
export function applyRequest(doc: DocModel, req: Record<string, unknown>, i: number): Record<string, unknown> {
  const kind = requestKind(req, i);
  const at = `requests[${i}].${snake(kind)}`;
  const body = asObject(req[kind], at);
  try {
    if (kind === 'replaceAllText') return replaceAll(doc, body, at);
    if (kind === 'insertText') return insert(doc, body, at);
    if (kind === 'updateTextStyle') return style(doc, body, at);
  } catch (e) {
    if (e instanceof DocsRequestError) throw new DocsBadRequest(`Invalid requests[${i}].${kind}: ${e.message}`);
    throw e;
  }
  throw new NotImplementedError(`Docs.Documents.batchUpdate request ${kind}`);
}

function replaceAll(doc: DocModel, body: Record<string, unknown>, at: string): Record<string, unknown> {
  checkKeys(body, ['containsText', 'replaceText', 'tabsCriteria'], at);
  if (body.tabsCriteria !== undefined) throw new NotImplementedError('Docs replaceAllText tabsCriteria');
  const crit = asObject(body.containsText, `${at}.contains_text`);
  checkKeys(crit, ['text', 'matchCase', 'searchByRegex'], `${at}.contains_text`);
  if (crit.searchByRegex) throw new NotImplementedError('Docs replaceAllText searchByRegex');
  checkType(crit.text, 'TYPE_STRING', `${at}.contains_text.text`);
  checkType(crit.matchCase, 'TYPE_BOOL', `${at}.contains_text.match_case`);
  checkType(body.replaceText, 'TYPE_STRING', `${at}.replace_text`);
  const text = (crit.text as string | undefined) ?? '';
  if (!text) throw new DocsRequestError('The containsText text must not be empty.');
  if (body.replaceText === undefined)
    throw new DocsRequestError('replacement text parameter is required but not specified.');
  if (text.includes('\n')) throw new NotImplementedError('Docs replaceAllText with a newline in containsText');
  const n = replaceAllText(doc, text, body.replaceText as string, crit.matchCase === true);
  // Google's JSON leaves out zero values: no occurrence gives `{ replaceAllText: {} }`.
  return { replaceAllText: n ? { occurrencesChanged: n } : {} };
}

function segmentCheck(loc: Record<string, unknown>): void {
  if (loc.segmentId) throw new NotImplementedError('Docs requests on headers, footers or footnotes (segmentId)');
  if (loc.tabId) throw new NotImplementedError('Docs requests on a tab (tabId)');
}

function insert(doc: DocModel, body: Record<string, unknown>, at: string): Record<string, unknown> {
  checkKeys(body, ['text', 'location', 'endOfSegmentLocation'], at);
  checkType(body.text, 'TYPE_STRING', `${at}.text`);
  if (body.location !== undefined && body.endOfSegmentLocation !== undefined) {
    throw new DocsBadRequest(
      `Invalid value at '${at}' (oneof), oneof field 'insertion_location' is already set. Cannot set 'endOfSegmentLocation'`,
    );
  }
  let index: number;
  if (body.location !== undefined) {
    const loc = asObject(body.location, `${at}.location`);
    checkKeys(loc, ['index', 'segmentId', 'tabId'], `${at}.location`);
    checkType(loc.index, 'TYPE_INT32', `${at}.location.index`);
    segmentCheck(loc);
    index = (loc.index as number | undefined) ?? 0;
  } else if (body.endOfSegmentLocation !== undefined) {
    const loc = asObject(body.endOfSegmentLocation, `${at}.end_of_segment_location`);
    checkKeys(loc, ['segmentId', 'tabId'], `${at}.end_of_segment_location`);
    segmentCheck(loc);
    index = bodyEndIndex(doc) - 1;
  } else throw new DocsRequestError('Must specify either a location or an end of segment location.');
  if (index < 1)
    throw new DocsRequestError(
      'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
    );
  insertText(doc, index, (body.text as string | undefined) ?? '');
  return {};
}

function style(doc: DocModel, body: Record<string, unknown>, at: string): Record<string, unknown> {
  checkKeys(body, ['range', 'textStyle', 'fields'], at);
  checkType(body.fields, 'TYPE_STRING', `${at}.fields`);
  const range = asObject(body.range, `${at}.range`);
  checkKeys(range, ['startIndex', 'endIndex', 'segmentId', 'tabId'], `${at}.range`);
  segmentCheck(range);
  checkType(range.startIndex, 'TYPE_INT32', `${at}.range.start_index`);
  checkType(range.endIndex, 'TYPE_INT32', `${at}.range.end_index`);
  const fields = (body.fields as string | undefined) ?? '';
  if (!fields.trim())
    throw new DocsRequestError("At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)");
  const start = (range.startIndex as number | undefined) ?? 0;
  const end = (range.endIndex as number | undefined) ?? 0;
  if (start < 1 || end <= start) throw new DocsRequestError('The range should not be empty.');
  const { set, clear } = parseStyleFields(asObject(body.textStyle, `${at}.text_style`), fields);
  updateTextStyle(doc, start, end, set, clear);
  return {};
}
