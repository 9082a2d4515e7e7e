// The ledger's form pages: an HtmlService template with the shared styles and the page's data in one place.

/** Evaluates `src/ui/<name>.html` with the shared form styles and `data` as JSON safe inside a <script>. */
export function formPage(name: string, data: Record<string, unknown>): GoogleAppsScript.HTML.HtmlOutput {
  const t = HtmlService.createTemplateFromFile(name);
  t.styles = HtmlService.createHtmlOutputFromFile('FormStyles').getContent();
  for (const [key, value] of Object.entries(data)) t[key] = JSON.stringify(value).replace(/</g, '\\u003c');
  return t.evaluate();
}
