// EmbeddedChart (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart): a chart kept as
// a spec on its sheet, and the sheet-side chart operations. Nothing is drawn; getAs/getBlob are not emulated.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { ChartSpec, SheetModel } from './model';
import { ChartOptionsHost } from './ChartOptions';
import { ContainerInfoHost } from './ContainerInfo';
import { Builder, EmbeddedChartBuilderHost } from './EmbeddedChartBuilder';

export type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export function copyChart(s: ChartSpec): ChartSpec {
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
