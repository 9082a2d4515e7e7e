// Cell styling values: colours normalised as Sheets reports them (lowercase #rrggbb), and the argument checks
// for weights, alignments and font styles. Junk colours are refused here, stricter than Google (see report).
import type { SheetsContext } from './context';

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  cyan: '#00ffff',
  aqua: '#00ffff',
  magenta: '#ff00ff',
  fuchsia: '#ff00ff',
  pink: '#ffc0cb',
  brown: '#a52a2a',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  olive: '#808000',
};

/** '#FFF', '#FF0000', 'red' → '#ff0000'; null → null (reset). Throws on anything else. */
export function normalizeColor(ctx: SheetsContext, method: string, color: unknown): string | null {
  if (color === null) return null;
  if (typeof color !== 'string') throw ctx.paramsError(method, [color]);
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  if (NAMED[c]) return NAMED[c];
  throw ctx.error(`Invalid color "${color}" (the local runtime refuses colours Sheets would silently ignore).`);
}

/** Validates a style value for one of the enumerated style setters; null resets. */
export function checkChoice(ctx: SheetsContext, method: string, v: unknown, allowed: string[]): string | null {
  if (v === null) return null;
  if (typeof v !== 'string' || !allowed.includes(v)) throw ctx.paramsError(method, [v]);
  return v;
}

export const FONT_WEIGHTS = ['bold', 'normal'];
export const FONT_STYLES = ['italic', 'normal'];
export const FONT_LINES = ['underline', 'line-through', 'none'];
export const H_ALIGNS = ['left', 'center', 'normal', 'right'];
export const V_ALIGNS = ['top', 'middle', 'bottom'];
