// ContentService.MimeType's names and the Content-Type a browser is served for each.

/**
 * ContentService.MimeType (https://developers.google.com/apps-script/reference/content/mime-type) → the type a browser
 * is served. The reference lists these six (older typings also have ATOM, RSS and XML: not offered here, so a script
 * using them fails at setMimeType). text/plain and application/json are what public web apps show; the others are
 * the standard types, assumed.
 */
export const CONTENT_MIME_TYPES = Object.freeze({
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
});
