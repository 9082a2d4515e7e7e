// Cell styling values: colours normalised as Sheets reports them (lowercase #rrggbb), and the argument checks
// for weights, alignments and font styles. Junk colours are refused here, stricter than Google (see report).
import colorNames from 'color-name';
import type { SheetsContext } from './context';

/** The 148 CSS named colours (CSS Color 4, `rebeccapurple` included), lowercase name → '#rrggbb'. */
const NAMED: ReadonlyMap<string, string> = new Map(
  Object.entries(colorNames).map(([name, rgb]) => [
    name,
    `#${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}`,
  ]),
);

/** '#FFF', '#FF0000', 'red', 'Red' → '#ff0000' (any CSS colour name); null → null (reset). Throws on anything else. */
export function normalizeColor(ctx: SheetsContext, method: string, color: unknown): string | null {
  if (color === null) return null;
  if (typeof color !== 'string') throw ctx.paramsError(method, [color]);
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  const named = NAMED.get(c);
  if (named) return named;
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
