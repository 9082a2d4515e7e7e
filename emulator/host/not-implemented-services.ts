// Built-in services the app must not use (decisions.md: documents go through the Drive/Docs advanced
// services): their globals exist, as in Apps Script, and every member Apps Script gives them throws the runtime's
// "not implemented in the local runtime: DocumentApp.openById", so a slip is caught at once (other names read
// undefined, as there: gas-members.ts).
import { GasObject } from './kernel';
import type { ServiceModule } from './env-core';

/** Services whose every member is loud. Other modules' globals of the same name win over these. */
export const LOUD_SERVICES = [
  'DocumentApp',
  'DriveApp',
  'GmailApp',
  'SlidesApp',
  'FormApp',
  'CalendarApp',
  'ContactsApp',
  'GroupsApp',
  'LanguageApp',
  'Maps',
  'SitesApp',
  'XmlService',
  'Jdbc',
  'CardService',
] as const;

/** A service object with no members: the kernel's guard throws "not implemented" for each of Apps Script's. */
export class NotImplementedServiceHost extends GasObject {
  constructor(
    readonly gasService: string,
    readonly gasClass: string = gasService,
  ) {
    super();
  }
}

/** The loud globals, by Apps Script name. */
export function createNotImplementedServices(): ServiceModule {
  const globals: Record<string, object> = {};
  for (const name of LOUD_SERVICES) globals[name] = new NotImplementedServiceHost(name);
  return { globals };
}
