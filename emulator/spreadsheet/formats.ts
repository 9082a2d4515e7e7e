// Display values: a cell rendered with its number format (Sheets tokens, not Java's), the spreadsheet's
// locale, and the "general" default. Covers the formats an app sets; anything exotic renders best-effort.
import type { CellValue } from './model';
import { isDateFormat } from './values';
import { serialParts } from './zones';
import { MONTHS, WEEKDAYS } from '../base/format-date';

/** The text a cell shows (Range.getDisplayValue). */
export function displayValue(v: CellValue | undefined, fmt: string | undefined, locale: string): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (fmt === undefined || fmt === '@') return general(v);
  const sections = splitSections(fmt);
  let section = sections[0];
  let n = v;
  if (v < 0 && sections.length > 1) {
    section = sections[1];
    n = -v;
  } else if (v === 0 && sections.length > 2) {
    section = sections[2];
  }
  if (isDateFormat(section)) return formatDate(v, section, locale);
  return formatNumber(n, section, sections.length > 1 && v < 0);
}

/** Sheets' "general" rendering (unconfirmed in detail: integers in full, otherwise 10 significant digits). */
export function general(n: number): string {
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e15) return String(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mant, exp] = n.toExponential(5).split('e');
    const e = Number(exp);
    return `${String(parseFloat(mant))}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(parseFloat(n.toPrecision(10)));
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

type Tok = { lit: string } | { ph: string };

/** Literal text vs. placeholder characters of a number format. */
function tokenize(fmt: string, placeholders: RegExp): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      out.push({ lit: fmt.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      out.push({ lit: fmt[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      out.push({ lit: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i);
      const inner = fmt.slice(i + 1, end < 0 ? fmt.length : end);
      const cur = /^\$([^-\]]*)/.exec(inner);
      if (cur) out.push({ lit: cur[1] });
      else if (/^[hms]+$/i.test(inner)) out.push({ ph: `[${inner.toLowerCase()}]` });
      i = end < 0 ? fmt.length : end;
    } else if (placeholders.test(ch)) {
      out.push({ ph: ch });
    } else {
      out.push({ lit: ch });
    }
  }
  return out;
}

function roundHalfUp(x: number, digits: number): number {
  return Number(`${Math.round(Number(`${x}e${digits}`))}e-${digits}`);
}

function formatNumber(n: number, section: string, signInSection: boolean): string {
  const toks = tokenize(section, /[0#?.,%Ee+-]/);
  const first = toks.findIndex((t) => 'ph' in t && /[0#?.]/.test(t.ph));
  if (first < 0) return toks.map((t) => ('lit' in t ? t.lit : t.ph)).join('');
  let last = first;
  toks.forEach((t, i) => {
    if ('ph' in t && /[0#?.,]/.test(t.ph)) last = i;
  });
  const lit = (t: Tok) => ('lit' in t ? t.lit : t.ph === '%' ? '%' : t.ph);
  let prefix = toks.slice(0, first).map(lit).join('');
  const suffix = toks
    .slice(last + 1)
    .map(lit)
    .join('');
  let body = toks
    .slice(first, last + 1)
    .map((t) => ('ph' in t ? t.ph : ''))
    .join('');
  const percents = (section.replace(/"[^"]*"/g, '').match(/%/g) ?? []).length;
  let x = Math.abs(n) * 100 ** percents;
  const sci = /[Ee][+-]/.exec(body);
  let expText = '';
  if (sci) {
    const expDigits = (body.slice(sci.index + 2).match(/0/g) ?? []).length || 1;
    const e = x === 0 ? 0 : Math.floor(Math.log10(x));
    x = x / 10 ** e;
    expText = `E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(expDigits, '0')}`;
    body = body.slice(0, sci.index);
  }
  const [intPat, fracPat = ''] = body.split('.');
  const fracMin = (fracPat.match(/0/g) ?? []).length;
  const fracMax = (fracPat.match(/[0#?]/g) ?? []).length;
  const rounded = roundHalfUp(x, fracMax);
  const [intDigits, fracDigits = ''] = rounded.toFixed(fracMax).split('.');
  let frac = fracDigits;
  while (frac.length > fracMin && frac.endsWith('0')) frac = frac.slice(0, -1);
  const minInt = (intPat.match(/0/g) ?? []).length;
  let int = intDigits === '0' && minInt === 0 ? '' : intDigits.padStart(minInt, '0');
  if (intPat.includes(',')) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = n < 0 && !signInSection && (Number(int.replace(/,/g, '')) > 0 || Number(frac) > 0);
  if (negative) prefix = `-${prefix}`;
  const dot = body.includes('.') ? '.' : '';
  return `${prefix}${int}${dot}${frac}${expText}${suffix}`;
}

const ZH_NUM = ['日', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

interface DateTok {
  kind: 'lit' | 'y' | 'm' | 'd' | 'h' | 's' | 'ampm' | 'frac' | 'elapsed';
  text: string;
}

function dateTokens(fmt: string): DateTok[] {
  const out: DateTok[] = [];
  for (const t of tokenize(fmt, /[A-Za-z.0]/)) {
    if ('lit' in t) {
      out.push({ kind: 'lit', text: t.lit });
      continue;
    }
    const prev = out[out.length - 1];
    const ch = t.ph.toLowerCase();
    if (t.ph.startsWith('[')) out.push({ kind: 'elapsed', text: t.ph });
    else if (prev && prev.text[0]?.toLowerCase() === ch && 'ymdhs'.includes(ch) && prev.kind !== 'lit') prev.text += ch;
    else if ('ymdhs'.includes(ch)) out.push({ kind: ch as DateTok['kind'], text: ch });
    else if (t.ph === '.' || t.ph === '0') {
      if (prev && (prev.kind === 's' || prev.kind === 'frac')) {
        if (prev.kind === 'frac') prev.text += t.ph;
        else out.push({ kind: 'frac', text: t.ph });
      } else out.push({ kind: 'lit', text: t.ph });
    } else out.push({ kind: 'lit', text: t.ph });
  }
  return mergeAmPm(out);
}

/** `AM/PM`, `am/pm` and `A/P` arrive as letters and '/' literals; fold them into one token. */
function mergeAmPm(toks: DateTok[]): DateTok[] {
  const joined = toks.map((t) => (t.kind === 'lit' ? t.text : t.text)).join('');
  if (!/AM\/PM|A\/P/i.test(joined)) return toks;
  const out: DateTok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const five = toks
      .slice(i, i + 5)
      .map((t) => t.text)
      .join('');
    const three = toks
      .slice(i, i + 3)
      .map((t) => t.text)
      .join('');
    if (/^AM\/PM$/i.test(five)) {
      out.push({ kind: 'ampm', text: 'AM/PM' });
      i += 4;
    } else if (/^A\/P$/i.test(three)) {
      out.push({ kind: 'ampm', text: 'A/P' });
      i += 2;
    } else out.push(toks[i]);
  }
  return out;
}

function formatDate(serial: number, fmt: string, locale: string): string {
  const toks = dateTokens(fmt);
  const hasFrac = toks.some((t) => t.kind === 'frac');
  const twelve = toks.some((t) => t.kind === 'ampm');
  const s = hasFrac ? serial : Math.round(serial * 86400) / 86400;
  const p = serialParts(s);
  const zh = locale.startsWith('zh');
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const isMinute = (i: number) => {
    for (let j = i - 1; j >= 0; j--)
      if (toks[j].kind !== 'lit') return toks[j].kind === 'h' || toks[j].kind === 'elapsed';
    for (let j = i + 1; j < toks.length; j++) if (toks[j].kind !== 'lit') return toks[j].kind === 's';
    return false;
  };
  return toks
    .map((t, i) => {
      const w = t.text.length;
      switch (t.kind) {
        case 'y':
          return w <= 2 ? pad(p.y % 100, 2) : String(p.y);
        case 'm':
          if (w <= 2 && isMinute(i)) return pad(p.mi, w);
          if (w <= 2) return pad(p.m, w);
          if (w === 3) return zh ? `${p.m}月` : MONTHS[p.m - 1].slice(0, 3);
          if (w === 5) return MONTHS[p.m - 1][0];
          return zh ? `${ZH_NUM[p.m]}月` : MONTHS[p.m - 1];
        case 'd':
          if (w <= 2) return pad(p.d, w);
          if (w === 3) return zh ? `周${ZH_NUM[p.dow]}` : WEEKDAYS[p.dow].slice(0, 3);
          return zh ? `星期${ZH_NUM[p.dow]}` : WEEKDAYS[p.dow];
        case 'h':
          return pad(twelve ? ((p.h + 11) % 12) + 1 : p.h, Math.min(w, 2));
        case 's':
          return pad(p.s, Math.min(w, 2));
        case 'frac':
          return `.${pad(p.ms, 3).slice(0, w - 1)}`;
        case 'ampm':
          if (zh) return p.h < 12 ? '上午' : '下午';
          return t.text === 'A/P' ? (p.h < 12 ? 'A' : 'P') : p.h < 12 ? 'AM' : 'PM';
        case 'elapsed':
          return elapsed(serial, t.text);
        default:
          return t.text;
      }
    })
    .join('');
}

function elapsed(serial: number, tok: string): string {
  const secs = Math.round(serial * 86400);
  if (tok.startsWith('[h')) return String(Math.floor(secs / 3600));
  if (tok.startsWith('[m')) return String(Math.floor(secs / 60));
  return String(secs);
}
