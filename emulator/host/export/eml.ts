// A sent mail of the runtime's outbox as an RFC 5322 message, composed by nodemailer's MailComposer: UTF-8
// throughout, RFC 2047 encoded-word headers (B encoding), multipart/alternative text + HTML
// (multipart/related for inline images), attachments in multipart/mixed, CRLF line ends. Date comes from
// the simulated clock; Message-ID and the MIME boundaries are derived from the mail, so the same outbox
// always exports the same bytes. Bcc is kept: the file is the sender's copy.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SentMail } from '../../mail/MailApp';

type Blob = SentMail['attachments'][number];

function part(
  blob: Blob,
  cid?: string,
): {
  filename: string;
  content: Buffer;
  contentType: string;
  contentDisposition: 'attachment' | 'inline';
  cid?: string;
} {
  return {
    filename: blob._name ?? 'attachment',
    content: Buffer.from(blob._bytes),
    contentType: blob._contentType ?? 'application/octet-stream',
    contentDisposition: cid ? 'inline' : 'attachment',
    ...(cid ? { cid } : {}),
  };
}

/** The message as .eml bytes. */
export async function mailToEml(mail: SentMail, index: number): Promise<Buffer> {
  const seed = createHash('sha256').update(`${index}:${mail.at.toISOString()}:${mail.subject}`).digest('hex');
  const inline = mail.htmlBody === null ? [] : Object.entries(mail.inlineImages).map(([cid, b]) => part(b, cid));
  const message = new MailComposer({
    from: mail.name ? { name: mail.name, address: mail.from } : mail.from,
    to: mail.to,
    ...(mail.cc.length ? { cc: mail.cc } : {}),
    ...(mail.bcc.length ? { bcc: mail.bcc } : {}),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    date: mail.at,
    messageId: `<${seed.slice(0, 24)}@local.apps-script>`,
    text: mail.body,
    ...(mail.htmlBody !== null ? { html: mail.htmlBody } : {}),
    attachments: [...inline, ...mail.attachments.map((b) => part(b))],
    textEncoding: 'B',
    baseBoundary: seed.slice(24, 40),
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  message.keepBcc = true;
  return message.build();
}
