// The error advanced services throw when the Google API answers with an error: `String(e)` reads
// "GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: <id>."
// (wording seen in public Apps Script logs and fakes, e.g. ericyd/gdrive-copy#186).

/** An advanced-service API error; `details` mirrors what Apps Script attaches (`{ code, message }`). */
export class GoogleJsonResponseException extends Error {
  readonly details: { code: number; message: string };
  constructor(apiMethod: string, code: number, apiMessage: string) {
    super(`API call to ${apiMethod} failed with error: ${apiMessage}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message: apiMessage };
  }
}

/** Drive v3 / Docs v1 messages, verbatim as the APIs return them. */
export const API_MESSAGES = {
  fileNotFound: (id: string) => `File not found: ${id}.`,
  insufficientScopes: 'Request had insufficient authentication scopes.',
  entityNotFound: 'Requested entity was not found.',
  invalidFieldSelection: (field: string) => `Invalid field selection ${field}`,
};
