// Embedded charts kept as specs: Sheet.newChart() builders (as…Chart variants), EmbeddedChart, ContainerInfo,
// ChartOptions, and the small `Charts` enums the builders take. Nothing is drawn; getAs/getBlob are not emulated.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { ChartSpec, RangeRef, SheetModel } from './model';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

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

const AS: Record<string, [string, string]> = {
  asAreaChart: ['AREA', 'EmbeddedAreaChartBuilder'],
  asBarChart: ['BAR', 'EmbeddedBarChartBuilder'],
  asColumnChart: ['COLUMN', 'EmbeddedColumnChartBuilder'],
  asComboChart: ['COMBO', 'EmbeddedComboChartBuilder'],
  asHistogramChart: ['HISTOGRAM', 'EmbeddedHistogramChartBuilder'],
  asLineChart: ['LINE', 'EmbeddedLineChartBuilder'],
  asPieChart: ['PIE', 'EmbeddedPieChartBuilder'],
  asScatterChart: ['SCATTER', 'EmbeddedScatterChartBuilder'],
  asTableChart: ['TABLE', 'EmbeddedTableChartBuilder'],
};

function copyChart(s: ChartSpec): ChartSpec {
  return {
    ...s,
    ranges: s.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: { ...s.options },
    position: { ...s.position },
  };
}

/** A fresh chart spec for Sheet.newChart(). */
export function newChartSpec(): ChartSpec {
  return {
    id: 0,
    chartType: '',
    ranges: [],
    options: {},
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
    hiddenDimensionStrategy: 'IGNORE_BOTH',
    mergeStrategy: 'MERGE_COLUMNS',
  };
}

/** Anchor of a chart. */
export class ContainerInfoHost extends GasObject implements Partial<GoogleAppsScript.Spreadsheet.ContainerInfo> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'ContainerInfo';
  constructor(private readonly _pos: ChartSpec['position']) {
    super();
  }
  getAnchorRow(): number {
    return this._pos.row;
  }
  getAnchorColumn(): number {
    return this._pos.col;
  }
  getOffsetX(): number {
    return this._pos.offsetX;
  }
  getOffsetY(): number {
    return this._pos.offsetY;
  }
}

/** Chart options by name (`title`, `hAxis.title`, …). */
export class ChartOptionsHost extends GasObject implements Partial<GoogleAppsScript.Charts.ChartOptions> {
  readonly gasService = 'Charts';
  readonly gasClass = 'ChartOptions';
  constructor(private readonly _options: Record<string, unknown>) {
    super();
  }
  get(option: string): unknown {
    return option in this._options ? this._options[option] : null;
  }
}

/** A chart on a sheet (a copy of its spec at the time it was read). */
export class EmbeddedChartHost extends GasObject implements Partial<GasChart> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'EmbeddedChart';
  readonly _spec: ChartSpec;
  constructor(
    private readonly _ctx: SheetsContext,
    private readonly _sheet: SheetModel,
    spec: ChartSpec,
  ) {
    super();
    this._spec = copyChart(spec);
  }
  getChartId(): number | null {
    return this._spec.id || null;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return new ContainerInfoHost(this._spec.position) as never;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return new ChartOptionsHost(this._spec.options) as never;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._spec.ranges.map((r) => this._ctx.make.range(r.sheet, r.rect) as never);
  }
  getNumHeaders(): number {
    return this._spec.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._spec.transpose;
  }
  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return this._spec.hiddenDimensionStrategy as never;
  }
  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return this._spec.mergeStrategy as never;
  }
  modify(): Builder {
    return new EmbeddedChartBuilderHost(this._ctx, this._sheet, this._spec) as never;
  }
}

/** Sheet.newChart() and every as…Chart() variant (one class; gasClass names the variant). */
export class EmbeddedChartBuilderHost extends GasObject implements Partial<Builder> {
  readonly gasService = 'SpreadsheetApp';
  readonly _spec: ChartSpec;
  constructor(
    private readonly _ctx: SheetsContext,
    private readonly _sheet: SheetModel,
    spec: ChartSpec,
    readonly gasClass: string = 'EmbeddedChartBuilder',
  ) {
    super();
    this._spec = copyChart(spec);
  }

  private _as(method: string): never {
    const [type, cls] = AS[method];
    return new EmbeddedChartBuilderHost(this._ctx, this._sheet, { ...this._spec, chartType: type }, cls) as never;
  }
  private _opt(name: string, value: unknown): never {
    this._spec.options[name] = value;
    return this as never;
  }

  asAreaChart() {
    return this._as('asAreaChart');
  }
  asBarChart() {
    return this._as('asBarChart');
  }
  asColumnChart() {
    return this._as('asColumnChart');
  }
  asComboChart() {
    return this._as('asComboChart');
  }
  asHistogramChart() {
    return this._as('asHistogramChart');
  }
  asLineChart() {
    return this._as('asLineChart');
  }
  asPieChart() {
    return this._as('asPieChart');
  }
  asScatterChart() {
    return this._as('asScatterChart');
  }
  asTableChart() {
    return this._as('asTableChart');
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    const h = range as unknown as { _sheet?: SheetModel; _rect?: RangeRef['rect'] };
    if (!h._sheet || !h._rect) throw this._ctx.paramsError('EmbeddedChartBuilder.addRange', [range]);
    this._spec.ranges.push({ sheet: h._sheet, rect: { ...h._rect } });
    return this as never;
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    const h = range as unknown as { _sheet?: SheetModel; _rect?: RangeRef['rect'] };
    this._spec.ranges = this._spec.ranges.filter(
      (r) => !(r.sheet === h._sheet && JSON.stringify(r.rect) === JSON.stringify(h._rect)),
    );
    return this as never;
  }
  clearRanges(): Builder {
    this._spec.ranges = [];
    return this as never;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._spec.ranges.map((r) => this._ctx.make.range(r.sheet, r.rect) as never);
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return (this._spec.chartType || null) as never;
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return new ContainerInfoHost(this._spec.position) as never;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): Builder {
    if (!(CHART_TYPES as readonly unknown[]).includes(type))
      throw this._ctx.paramsError('EmbeddedChartBuilder.setChartType', [type]);
    this._spec.chartType = type as unknown as string;
    return this as never;
  }
  setOption(option: string, value: unknown): Builder {
    if (typeof option !== 'string') throw this._ctx.paramsError('EmbeddedChartBuilder.setOption', [option, value]);
    return this._opt(option, value);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    this._ctx.requireInt('EmbeddedChartBuilder.setPosition', args, ...args);
    this._spec.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this as never;
  }
  setNumHeaders(headers: number): Builder {
    this._ctx.requireInt('EmbeddedChartBuilder.setNumHeaders', [headers], headers);
    this._spec.numHeaders = headers;
    return this as never;
  }
  setTransposeRowsAndColumns(transpose: boolean): Builder {
    this._spec.transpose = !!transpose;
    return this as never;
  }
  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): Builder {
    this._spec.hiddenDimensionStrategy = strategy as unknown as string;
    return this as never;
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): Builder {
    this._spec.mergeStrategy = mergeStrategy as unknown as string;
    return this as never;
  }
  setTitle(title: string) {
    return this._opt('title', title);
  }
  setXAxisTitle(title: string) {
    return this._opt('hAxis.title', title);
  }
  setYAxisTitle(title: string) {
    return this._opt('vAxis.title', title);
  }
  setLegendPosition(position: unknown) {
    return this._opt('legend.position', position);
  }
  setColors(colors: string[]) {
    return this._opt('colors', [...colors]);
  }
  setStacked() {
    return this._opt('isStacked', true);
  }
  set3D() {
    return this._opt('is3D', true);
  }
  setDimensions(width: number, height: number) {
    this._opt('width', width);
    return this._opt('height', height);
  }

  /** Needs a chart type and at least one range, like Sheets. */
  build(): GasChart {
    if (!this._spec.chartType) throw this._ctx.error('Chart type must be set before building the chart.');
    return new EmbeddedChartHost(this._ctx, this._sheet, this._spec) as never;
  }
}

/** Sheet.insertChart / updateChart / removeChart / getCharts. */
export const chartOps = {
  insert(ctx: SheetsContext, sheet: SheetModel, chart: unknown): void {
    if (!(chart instanceof EmbeddedChartHost)) throw ctx.paramsError('Sheet.insertChart', [chart]);
    const spec = copyChart(chart._spec);
    spec.id = sheet.parent.nextChartId++;
    sheet.charts.push(spec);
  },
  update(ctx: SheetsContext, sheet: SheetModel, chart: unknown): void {
    if (!(chart instanceof EmbeddedChartHost)) throw ctx.paramsError('Sheet.updateChart', [chart]);
    const i = sheet.charts.findIndex((c) => c.id === chart._spec.id);
    if (i < 0) throw ctx.error('The chart does not exist on this sheet.');
    sheet.charts[i] = copyChart(chart._spec);
  },
  remove(ctx: SheetsContext, sheet: SheetModel, chart: unknown): void {
    if (!(chart instanceof EmbeddedChartHost)) throw ctx.paramsError('Sheet.removeChart', [chart]);
    const i = sheet.charts.findIndex((c) => c.id === chart._spec.id);
    if (i >= 0) sheet.charts.splice(i, 1);
  },
  list(ctx: SheetsContext, sheet: SheetModel): GasChart[] {
    return sheet.charts.map((c) => new EmbeddedChartHost(ctx, sheet, c) as never);
  },
};
