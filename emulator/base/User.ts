// User (https://developers.google.com/apps-script/reference/base/user): an account as Session returns it; its e-mail may be hidden.
import { GasObject } from '../host/kernel';

/** A Google account as Apps Script shows it (`getEmail()` is '' when policy hides it). */
export class UserHost extends GasObject implements Partial<GoogleAppsScript.Base.User> {
  readonly gasService = 'Session';
  readonly gasClass = 'User';
  constructor(readonly _email: string) {
    super();
  }
  getEmail(): string {
    return this._email;
  }
  toString(): string {
    return this._email;
  }
}
