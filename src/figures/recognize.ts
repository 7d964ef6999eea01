import type { FigureConfig, FigureContext, Found } from './types.js';

const BUILT_IN = new Set(['docRef', 'date', 'money', 'percent', 'measure', 'count']);

/**
 * Runs every parser over `[ctx.from, ctx.to)`, then every refiner in order.
 * Results are sorted and never overlap.
 */
/** Characters any built-in figure starts with: digits, numerals, brackets, relative-date words. */
const MAY_START = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) MAY_START[c] = 1;
for (let c = 0xff10; c <= 0xff19; c++) MAY_START[c] = 1;
for (const ch of '〇零一二两兩三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾百上本今当去明下年第〔[【(（［〖') MAY_START[ch.charCodeAt(0)] = 1;

/** True when nothing in `[from, to)` can start a built-in figure. */
function barren(input: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (MAY_START[input.charCodeAt(i)]) return false;
  return true;
}

export function recognize(config: FigureConfig, context: FigureContext): Found[] {
  // Most spans of a report hold figures; the rest (`无`, a heading, a table cell) are
  // skipped cheaply, unless the user added parsers of their own.
  if (config.parsers.every((p) => BUILT_IN.has(p.name)) && barren(context.input, context.from, context.to)) return [];
  // A fresh context: parsers share work through it (number starts, quantities).
  const ctx: FigureContext = { input: context.input, from: context.from, to: context.to, year: context.year };
  let found: Found[] = [];
  for (const parser of config.parsers) found.push(...parser.find(ctx));
  for (const refiner of config.refiners) found = refiner.refine(found, ctx);
  return found.sort((a, b) => a.start - b.start);
}
