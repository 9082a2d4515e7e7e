// EmbeddedChartBuilder (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder) and its as…Chart variants: a chart spec built up and inserted by Sheet.insertChart.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { ChartSpec, RangeRef, SheetModel } from './model';
import { CHART_TYPES } from './Charts';
import { ContainerInfoHost } from './ContainerInfo';
import { EmbeddedChartHost, GasChart, copyChart } from './EmbeddedChart';

export type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
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
