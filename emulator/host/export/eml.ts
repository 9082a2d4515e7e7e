// A sent mail of the runtime's outbox as an RFC 5322 message: UTF-8 throughout, RFC 2047 encoded-word
// headers, multipart/alternative text + HTML (multipart/related for inline images), attachments in
// multipart/mixed; every body part base64 so any byte survives. CRLF line ends.
import { createHash } from 'node:crypto';
import type { SentMail } from '../../mail/MailApp';

const CRLF = '\r\n';

interface Part {
  headers: string[];
  body: string;
}

/** RFC 2047 encoded words (each ≤ 75 characters, never splitting a character); plain ASCII stays as is. */
export function encodeWords(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  const words: string[] = [];
  let chunk = '';
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

function base64Lines(bytes: Uint8Array | string): string {
  const b64 = Buffer.from(bytes as Uint8Array).toString('base64');
  return (b64.match(/.{1,76}/g) ?? ['']).join(CRLF);
}

function textPart(type: string, text: string): Part {
  return {
    headers: [`Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64'],
    body: base64Lines(Buffer.from(text, 'utf8')),
  };
}

function boundary(seed: string, n: number): string {
  return `=_part${n}_${createHash('sha256').update(seed).digest('hex').slice(0, 16)}`;
}

function multipart(kind: string, parts: Part[], b: string): Part {
  const body =
    parts.map((p) => `--${b}${CRLF}${p.headers.join(CRLF)}${CRLF}${CRLF}${p.body}${CRLF}`).join('') + `--${b}--`;
  return { headers: [`Content-Type: multipart/${kind}; boundary="${b}"`], body };
}

function fileName(name: string): string {
  return /^[\x20-\x7e]*$/.test(name)
    ? `filename="${name.replace(/"/g, "'")}"`
    : `filename*=UTF-8''${encodeURIComponent(name)}`;
}

function binaryPart(blob: SentMail['attachments'][number], disposition: 'attachment' | 'inline', cid?: string): Part {
  const name = blob._name ?? 'attachment';
  const headers = [
    `Content-Type: ${blob._contentType ?? 'application/octet-stream'}; name="${encodeWords(name)}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: ${disposition}; ${fileName(name)}`,
  ];
  if (cid) headers.push(`Content-ID: <${cid}>`);
  return { headers, body: base64Lines(blob._bytes) };
}

function address(name: string | null, email: string): string {
  return name ? `${encodeWords(name)} <${email}>` : email;
}

/** RFC 5322 date in UTC. */
function rfcDate(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

/** The message as .eml text. */
export function mailToEml(mail: SentMail, index: number): string {
  const seed = `${index}:${mail.at.toISOString()}:${mail.subject}`;
  let content: Part = textPart('text/plain', mail.body);
  if (mail.htmlBody !== null) {
    let html = textPart('text/html', mail.htmlBody);
    const inline = Object.entries(mail.inlineImages);
    if (inline.length)
      html = multipart('related', [html, ...inline.map(([cid, b]) => binaryPart(b, 'inline', cid))], boundary(seed, 3));
    content = multipart('alternative', [content, html], boundary(seed, 2));
  }
  if (mail.attachments.length)
    content = multipart(
      'mixed',
      [content, ...mail.attachments.map((b) => binaryPart(b, 'attachment'))],
      boundary(seed, 1),
    );
  const headers = [
    `From: ${address(mail.name, mail.from)}`,
    `To: ${mail.to.join(', ')}`,
    ...(mail.cc.length ? [`Cc: ${mail.cc.join(', ')}`] : []),
    ...(mail.bcc.length ? [`Bcc: ${mail.bcc.join(', ')}`] : []),
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeWords(mail.subject)}`,
    `Date: ${rfcDate(mail.at)}`,
    `Message-ID: <${createHash('sha256').update(seed).digest('hex').slice(0, 24)}@local.apps-script>`,
    'MIME-Version: 1.0',
    ...content.headers,
  ];
  return headers.join(CRLF) + CRLF + CRLF + content.body + CRLF;
}
