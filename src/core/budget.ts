// The spreadsheet's 10 million cells (decision 13): every grid cell of every sheet counts, used or not. What the help,
// the monthly analysis and the 信访办's daily summary say about it.

/** Google Sheets' limit: cells in one spreadsheet, counting every sheet's whole grid. */
export const CELL_LIMIT = 10_000_000;
/** From this share of the limit the 信访办's daily summary warns. */
export const CELL_WARNING_SHARE = 0.7;

/** `已用单元格 1,234,567 / 10,000,000（12.3%）`. */
export function cellUseText(used: number): string {
  const pct = Math.round((used / CELL_LIMIT) * 1000) / 10;
  return `已用单元格 ${used.toLocaleString('en-US')} / ${CELL_LIMIT.toLocaleString('en-US')}（${pct}%）`;
}

/** The daily summary's warning, or null below CELL_WARNING_SHARE. */
export function cellWarning(used: number): string | null {
  if (used < CELL_LIMIT * CELL_WARNING_SHARE) return null;
  return `表格${cellUseText(used)}，接近 Google 表格的上限。请在一月用「信访台账 › 标记与归档 › 归档往年…」把往年已归档的信访件移入归档表格。`;
}
