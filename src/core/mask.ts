// Masking of personal data (names, ID numbers, phones) for anything that leaves the spreadsheet.

const MASK = '*';
const stars = (n: number): string => MASK.repeat(Math.max(0, n));

/** Keeps the first character: '张三' → '张*', '欧阳小明' → '欧***'; '' stays ''. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + stars(Math.max(1, chars.length - 1));
}

/** Keeps the first 6 and last 4 characters: '330602199001011234' → '330602********1234'. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return stars(s.length);
  return s.slice(0, 6) + stars(s.length - 10) + s.slice(-4);
}

const MOBILE_RE = /^(?:(?:\+|00)?86)?(1[\d*]{2})[\d*]{4}([\d*]{4})$/;
const LANDLINE_RE = /^(?:[(（]?(0(?:10|2\d|[3-9]\d{2}))[)）]?-?)?([\d*]{7,8})(?:(?:-|转|分机|ext\.?|#)[\d*]{1,6})?$/i;

/**
 * '13812345678' → '138****5678' (also +86 and spaced forms); landlines keep the area code and the
 * last 4 digits ('0575-88001234' → '0575-****1234', extension dropped); anything else keeps only its
 * last 4 digits.
 */
export function maskPhone(phone: string): string {
  const compact = phone.trim().replace(/[\s-]/g, '');
  const mobile = MOBILE_RE.exec(compact);
  if (mobile) return `${mobile[1]}****${mobile[2]}`;
  const land = LANDLINE_RE.exec(phone.trim().replace(/\s+/g, ''));
  if (land) return (land[1] ? `${land[1]}-` : '') + stars(land[2].length - 4) + land[2].slice(-4);
  let digitsLeft = (phone.match(/\d/g) ?? []).length;
  return phone.replace(/\d/g, (d) => (digitsLeft-- > 4 ? MASK : d));
}

interface TextRule {
  re: RegExp;
  /** Offsets within the match to replace by '*'. */
  hide: (m: RegExpExecArray) => number[];
}

const digitOffsets = (text: string, from = 0): number[] => {
  const offsets: number[] = [];
  for (let i = from; i < text.length; i++) if (text[i] >= '0' && text[i] <= '9') offsets.push(i);
  return offsets;
};

const TEXT_RULES: TextRule[] = [
  {
    // ID numbers (15/18), bank cards (16–19) and any longer run of digits: keep the first 6 and last 4
    re: /(?<![\d*])\d{14,}[\dXx](?![\d*])/g,
    hide: (m) => digitOffsets(m[0]).filter((i) => i >= 6 && i < m[0].length - 4),
  },
  {
    // mobiles, possibly +86 and spaced/dashed: hide the 4th–7th digit
    re: /(?<![\d*])((?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\d*])/g,
    hide: (m) => digitOffsets(m[0], (m[1] ?? '').length).slice(3, 7),
  },
  {
    // landlines written with an area code and a dash: hide all but the last 4 digits
    re: /(?<![\d*])(0(?:10|2\d|[3-9]\d{2})-)\d{7,8}(?![\d*])/g,
    hide: (m) => digitOffsets(m[0], m[1].length).slice(0, -4),
  },
];

/**
 * Masks ID numbers, bank-card-like numbers (any run of 15 or more digits), mobiles and landlines
 * (with area code) inside free text such as 信访诉求. Full-width digits are recognised too; the text keeps its length and layout.
 */
export function maskText(text: string): string {
  const chars = text.split('');
  let work = text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const rule of TEXT_RULES) {
    const hidden: number[] = [];
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(work); m; m = rule.re.exec(work)) {
      for (const offset of rule.hide(m)) hidden.push(m.index + offset);
    }
    if (hidden.length === 0) continue;
    const next = work.split('');
    for (const i of hidden) next[i] = chars[i] = MASK;
    work = next.join('');
  }
  return chars.join('');
}
