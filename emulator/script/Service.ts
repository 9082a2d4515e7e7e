// Service (https://developers.google.com/apps-script/reference/script/service): the web app's URL and whether it is
// deployed, as ScriptApp.getService() returns them.
import { GasObject, type Kernel } from '../host/kernel';
import type { WebAppDeployment } from './deployment';

/** `ScriptApp.getService()`; `disable()` (deprecated) stays "not implemented". */
export class ServiceHost extends GasObject implements Partial<GoogleAppsScript.Script.Service> {
  readonly gasService = 'ScriptApp';
  readonly gasClass = 'Service';
  constructor(
    private readonly _kernel: Kernel,
    private readonly _deployment: WebAppDeployment,
  ) {
    super();
  }

  /**
   * null until the web app is deployed (reference). Inside a web-app execution (doGet/doPost, or google.script.run
   * from its page) the /exec URL it was served from. In any other execution (menu, dialog, trigger, editor) the head
   * deployment's development /dev URL: assumed from public reports that under V8 getUrl() "returns the /dev URL when
   * the head deployment executes" (issuetracker.google.com/issues/170799249, seen in editor runs and some trigger
   * contexts, the issue left open/won't-fix), which is why apps record the /exec URL from a request served there.
   */
  getUrl(): string {
    const kind = this._kernel.current?.kind;
    const url = kind === undefined || kind === 'webApp' ? this._deployment.execUrl() : this._deployment.devUrl();
    return url as string;
  }

  /** true once the script is deployed as a web app. */
  isEnabled(): boolean {
    return this._deployment.deployed;
  }
}
