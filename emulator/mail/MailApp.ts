// MailApp (https://developers.google.com/apps-script/reference/mail/mail-app): every sendEmail overload,
// recipient validation, per-message limits, the daily recipient quota on the simulated clock, and an outbox.
import { GasObject, NotImplementedError, type Kernel } from '../host/kernel';
import type { AccountType, EnvCore, ServiceModule } from '../host/env-core';
import { signatureMessage } from '../host/java-types';
import { BlobHost, blobOf } from '../base/Blob';
import { DailyQuota } from '../host/daily-quota';

/** Limits from https://developers.google.com/apps-script/guides/services/quotas. */
export const MAIL_LIMITS = {
  recipientsPerDay: { consumer: 100, workspace: 1500 } as Record<AccountType, number>,
  /** Recipients in the sender's own Workspace domain, counted apart (a consumer account has no domain: one 100). */
  recipientsPerDayWithinDomain: { workspace: 2000 },
  recipientsPerMessage: 50,
  bodyBytes: { consumer: 200 * 1024, workspace: 400 * 1024 } as Record<AccountType, number>,
  attachmentsPerMessage: 250,
  attachmentBytes: 25 * 1024 * 1024,
  /** "Argument too large: subject" (ErrorHandler's table); the 250-character threshold is unverified. */
  subjectChars: 250,
};

/** One sent message, as the outbox records it. */
export interface SentMail {
  /** The effective user the script ran as. */
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  attachments: BlobHost[];
  inlineImages: Record<string, BlobHost>;
  at: Date;
}

interface Message {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  replyTo?: unknown;
  noReply?: unknown;
  attachments?: unknown;
  inlineImages?: unknown;
}

const OPTION_KEYS = new Set(['attachments', 'bcc', 'cc', 'htmlBody', 'inlineImages', 'name', 'noReply', 'replyTo']);
const MESSAGE_KEYS = new Set([...OPTION_KEYS, 'to', 'subject', 'body']);
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GasObject);

/** The MailApp service. */
export class MailAppHost extends GasObject implements Partial<GoogleAppsScript.Mail.MailApp> {
  readonly gasService = 'MailApp';
  readonly gasClass = 'MailApp';
  constructor(
    private readonly _core: EnvCore,
    readonly _outbox: SentMail[],
  ) {
    super();
    this._quota = new DailyQuota(_core.kernel.clock, () => MAIL_LIMITS.recipientsPerDay[_core.options.accountType]);
    this._domainQuota = new DailyQuota(_core.kernel.clock, () => MAIL_LIMITS.recipientsPerDayWithinDomain.workspace);
  }
  /**
   * Host-only (env.mail.useQuota): recipients `user` already mailed today outside this script (other scripts of the
   * account share the quota), so a test can start a day with little quota left. Not an Apps Script member.
   */
  _useQuota(user: string, recipients: number, withinDomain = false): void {
    (withinDomain ? this._domainQuota : this._quota).use(user.toLowerCase(), recipients);
  }
  /** Recipients per effective user per day (every To, Cc and Bcc address counts); on Workspace, those outside the domain. */
  private readonly _quota: DailyQuota;
  /** Workspace only: recipients in the sender's domain per effective user per day. */
  private readonly _domainQuota: DailyQuota;
  private get _kernel(): Kernel {
    return this._core.kernel;
  }

  getRemainingDailyQuota(): number {
    return this._quota.remaining(this._sender());
  }

  sendEmail(...args: unknown[]): void {
    const message = this._overload(args);
    this._send(message);
  }

  /** Maps the four overloads onto one message object. */
  private _overload(args: unknown[]): Message {
    const mismatch = (): Error => this._kernel.error(signatureMessage('MailApp.sendEmail', args));
    const strings = (n: number): boolean => args.slice(0, n).every((a) => typeof a === 'string');
    if (args.length === 1 && isPlainObject(args[0])) return this._checkKeys(args[0], MESSAGE_KEYS);
    if (args.length === 3 && strings(3)) return { to: args[0], subject: args[1], body: args[2] };
    if (args.length === 4 && strings(3) && isPlainObject(args[3]))
      return { ...this._checkKeys(args[3], OPTION_KEYS), to: args[0], subject: args[1], body: args[2] };
    if (args.length === 4 && strings(4)) return { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
    throw mismatch();
  }

  /** Unknown keys are ignored by Apps Script; the local runtime refuses them so a typo ("bbc", "from") shows. */
  private _checkKeys(o: Record<string, unknown>, allowed: Set<string>): Message {
    for (const k of Object.keys(o)) {
      if (!allowed.has(k)) throw new NotImplementedError(`MailApp.sendEmail option "${k}" (MailApp ignores it)`);
    }
    return o as Message;
  }

  private _send(m: Message): void {
    const to = this._addresses(m.to);
    const cc = this._addresses(m.cc);
    const bcc = this._addresses(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw this._kernel.error('Failed to send email: no recipient');
    for (const a of all) if (!EMAIL.test(a)) throw this._kernel.error(`Invalid email: ${a}`);
    const replyTo = m.replyTo === undefined || m.replyTo === null || m.replyTo === '' ? null : String(m.replyTo).trim();
    if (replyTo !== null && !EMAIL.test(replyTo)) throw this._kernel.error(`Invalid email: ${replyTo}`);
    if (all.length > MAIL_LIMITS.recipientsPerMessage)
      throw this._kernel.error('Limit Exceeded: Email Recipients Per Message.');
    const subject = m.subject === undefined || m.subject === null ? '' : String(m.subject);
    if (subject.length > MAIL_LIMITS.subjectChars) throw this._kernel.error('Argument too large: subject');
    const body = m.body === undefined || m.body === null ? '' : String(m.body);
    const htmlBody = m.htmlBody === undefined || m.htmlBody === null ? null : String(m.htmlBody);
    const account = this._core.options.accountType;
    if (Buffer.byteLength(body) + Buffer.byteLength(htmlBody ?? '') > MAIL_LIMITS.bodyBytes[account])
      throw this._kernel.error('Limit Exceeded: Email Body Size.');
    const attachments = this._attachments(m.attachments);
    const inlineImages = this._inlineImages(m.inlineImages);
    const noReply = m.noReply === true;
    if (noReply && account !== 'workspace') {
      throw new NotImplementedError(
        'MailApp.sendEmail noReply on a consumer account (only Google Workspace accounts may use it)',
      );
    }
    const from = this._sender();
    this._takeQuota(from, all);
    const name = m.name === undefined || m.name === null ? null : String(m.name);
    this._outbox.push({
      from,
      to,
      cc,
      bcc,
      subject,
      body,
      htmlBody,
      name,
      replyTo,
      noReply,
      attachments,
      inlineImages,
      at: this._kernel.clock.now(),
    });
  }

  /**
   * Counts the recipients against the sender's daily quotas, all or nothing. On Workspace, addresses in the sender's
   * domain count against the within-domain quota and the others against the one getRemainingDailyQuota reports
   * (https://developers.google.com/apps-script/guides/services/quotas); on a consumer account all count against one.
   */
  private _takeQuota(from: string, recipients: string[]): void {
    const domain = (a: string): string => a.slice(a.lastIndexOf('@') + 1).toLowerCase();
    const inside =
      this._core.options.accountType === 'workspace' ? recipients.filter((a) => domain(a) === domain(from)).length : 0;
    const outside = recipients.length - inside;
    if (this._quota.remaining(from) < outside || this._domainQuota.remaining(from) < inside)
      throw this._kernel.error('Service invoked too many times for one day: email.');
    if (outside > 0) this._quota.take(from, outside);
    if (inside > 0) this._domainQuota.take(from, inside);
  }

  private _addresses(v: unknown): string[] {
    if (v === undefined || v === null) return [];
    if (typeof v !== 'string') throw this._kernel.error(`Invalid email: ${String(v)}`);
    return v
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
  }

  private _attachments(v: unknown): BlobHost[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw this._kernel.error('Invalid argument: attachments');
    const blobs = v.map((a) => {
      const b = blobOf(a);
      if (!b) throw this._kernel.error('Invalid argument: attachments');
      return new BlobHost(b._bytes.slice(), b._contentType, b._name);
    });
    if (blobs.length > MAIL_LIMITS.attachmentsPerMessage)
      throw this._kernel.error('Limit exceeded: Email Attachments Per Message.');
    const total = blobs.reduce((n, b) => n + b._bytes.length, 0);
    if (total > MAIL_LIMITS.attachmentBytes) throw this._kernel.error('Limit Exceeded: Email Total Attachments Size.');
    return blobs;
  }

  private _inlineImages(v: unknown): Record<string, BlobHost> {
    if (v === undefined || v === null) return {};
    if (!isPlainObject(v)) throw this._kernel.error('Invalid argument: inlineImages');
    const out: Record<string, BlobHost> = {};
    for (const [k, src] of Object.entries(v)) {
      const b = blobOf(src);
      if (!b) throw this._kernel.error('Invalid argument: inlineImages');
      out[k] = new BlobHost(b._bytes.slice(), b._contentType, b._name);
    }
    return out;
  }

  private _sender(): string {
    return this._kernel.current?.effectiveUser ?? this._core.options.owner;
  }
}

/** The MailApp module: the service (scope script.send_mail, refused in simple triggers) and its outbox. */
export function createMailModule(core: EnvCore): ServiceModule & { outbox: SentMail[] } {
  core.kernel.addScopeResolver((name) =>
    name.startsWith('MailApp.') ? { scopes: ['script.send_mail'], limitedRefused: true } : undefined,
  );
  const outbox: SentMail[] = [];
  return { globals: { MailApp: new MailAppHost(core, outbox) }, outbox };
}
