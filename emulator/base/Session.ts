// Session (https://developers.google.com/apps-script/reference/base/session): who is at the keyboard, who the
// script runs as, and when Apps Script hides an e-mail.
import { createHash } from 'node:crypto';
import { GasObject, type ExecutionKind } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import { currentScope } from '../host/executions';
import { UserHost } from './User';

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * What `Session.getActiveUser().getEmail()` (and a simple trigger's `e.user`) shows for `person`
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()): the person when they are the
 * owner ("the developer runs the script themselves") or share the owner's Workspace domain; outside a simple trigger
 * also when the code runs as them. '' for anyone else: always for other people on a consumer account, and in a simple
 * trigger (which runs without the person's authorization) for anyone outside the owner's domain.
 */
export function visibleActiveUser(core: EnvCore, kind: ExecutionKind, person: string, effectiveUser: string): string {
  if (person === '') return '';
  const owner = core.options.owner;
  if (person === owner || (kind !== 'simpleTrigger' && person === effectiveUser)) return person;
  if (core.options.accountType === 'workspace' && domainOf(person) === domainOf(owner)) return person;
  return '';
}

/** The account the running code runs as (the owner outside any execution): whose user stores and locks apply. */
export function runningAs(core: EnvCore): string {
  return core.kernel.current?.effectiveUser ?? core.options.owner;
}

/** The value kept for `user` in a per-user table, made on first use (user properties, caches). */
export function perUser<V>(table: Map<string, V>, user: string, make: () => V): V {
  let v = table.get(user);
  if (v === undefined) table.set(user, (v = make()));
  return v;
}

/** The real person behind the running execution (never hidden), or the owner outside any execution. */
export function currentPerson(core: EnvCore): string {
  return currentScope(core.kernel)?.person ?? core.options.owner;
}

/** The Session service. */
export class SessionHost extends GasObject implements Partial<GoogleAppsScript.Base.Session> {
  readonly gasService = 'Session';
  readonly gasClass = 'Session';
  constructor(private readonly _core: EnvCore) {
    super();
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    const ex = this._core.kernel.current;
    return new UserHost(ex ? ex.user : this._core.options.owner) as unknown as GoogleAppsScript.Base.User;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    const ex = this._core.kernel.current;
    // A simple trigger runs without the user's authorization, so no identity is available to it.
    const email = !ex ? this._core.options.owner : ex.authMode === 'LIMITED' ? '' : ex.effectiveUser;
    return new UserHost(email) as unknown as GoogleAppsScript.Base.User;
  }
  getScriptTimeZone(): string {
    return this._core.options.timeZone;
  }
  getActiveUserLocale(): string {
    return this._core.options.locale;
  }
  getTemporaryActiveUserKey(): string {
    const digest = createHash('sha256')
      .update(`${this._core.options.seed}:${currentPerson(this._core)}`)
      .digest('base64');
    return digest.replace(/[^A-Za-z0-9]/g, '').slice(0, 43);
  }
}

/** The Session module: the service and the userinfo.email scope its e-mail getters need. */
export function createSessionModule(core: EnvCore): ServiceModule {
  core.kernel.addScopeResolver((name) =>
    name === 'Session.User.getEmail' ? { scopes: ['userinfo.email'] } : undefined,
  );
  return { globals: { Session: new SessionHost(core) } };
}
