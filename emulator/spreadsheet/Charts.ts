// The Charts service as the runtime has it: its enums only (the chart builders live on Sheet.newChart()).

export const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;

/** The `Charts` global's enums the Sheets builders use. */
export const CHARTS_ENUMS = {
  ChartType: Object.freeze(Object.fromEntries(CHART_TYPES.map((t) => [t, t]))),
  Position: Object.freeze({ TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE', LEFT: 'LEFT', IN: 'IN' }),
  ChartHiddenDimensionStrategy: Object.freeze({
    IGNORE_BOTH: 'IGNORE_BOTH',
    IGNORE_ROWS: 'IGNORE_ROWS',
    IGNORE_COLUMNS: 'IGNORE_COLUMNS',
    SHOW_BOTH: 'SHOW_BOTH',
  }),
  ChartMergeStrategy: Object.freeze({ MERGE_COLUMNS: 'MERGE_COLUMNS', MERGE_ROWS: 'MERGE_ROWS' }),
};
