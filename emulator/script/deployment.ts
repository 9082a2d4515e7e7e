// The project's web-app deployment as the host decides it (env.webApp.deploy(), what `clasp deploy -i <id>` does):
// one versioned deployment whose /exec URL stays the same across versions, and the head deployment behind the
// development /dev URL. ScriptApp.getService() reads it.
import { createHash } from 'node:crypto';
import type { EnvCore } from '../host/env-core';

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** A deployment id shaped like Apps Script's ("AKfycb…", base64url), deterministic from the seed. */
function deploymentId(core: EnvCore, what: string, length: number): string {
  const hash = (n: number) => createHash('sha256').update(`${what}:${core.options.seed}:${n}`).digest('base64url');
  return ('AKfycb' + hash(0) + hash(1)).slice(0, length);
}

/** The web-app deployment of one environment: not deployed until the host deploys it. */
export class WebAppDeployment {
  /** 0 until the first deployment; each `deploy()` makes a new version of the same deployment. */
  version = 0;
  constructor(private readonly core: EnvCore) {}

  get deployed(): boolean {
    return this.version > 0;
  }

  /** Deploys a new version of the one deployment; its /exec URL does not change. */
  deploy(): string {
    this.version += 1;
    return this.execUrl() as string;
  }

  /**
   * `https://script.google.com/a/macros/<domain>/s/<deploymentId>/exec` for a Workspace owner,
   * `https://script.google.com/macros/s/<deploymentId>/exec` for a consumer account (the shapes public deployments
   * show); null before the first deployment.
   */
  execUrl(): string | null {
    return this.deployed ? `${this.base(deploymentId(this.core, 'deployment', 72))}/exec` : null;
  }

  /**
   * The development URL of the head deployment (the code as last pushed), which only the script's editors can open.
   * Assumed: the head deployment has an id of its own, shorter than a versioned one's (public /dev URLs show both).
   */
  devUrl(): string | null {
    return this.deployed ? `${this.base(deploymentId(this.core, 'head', 48))}/dev` : null;
  }

  private base(id: string): string {
    const o = this.core.options;
    return o.accountType === 'workspace'
      ? `https://script.google.com/a/macros/${domainOf(o.owner)}/s/${id}`
      : `https://script.google.com/macros/s/${id}`;
  }
}
