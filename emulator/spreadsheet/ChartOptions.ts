// ChartOptions (https://developers.google.com/apps-script/reference/charts/chart-options): the options of a built chart, read-only.
import { GasObject } from '../host/kernel';

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
