import { charSet, inSet } from '../text/chars.js';
import { builtInOnly } from './config.js';
import { sortFound } from './refiners/overlaps.js';
import type { FigureConfig, FigureContext, Found } from './types.js';

/** Characters any built-in figure starts with: digits, numerals, brackets, relative-date words. */
const MAY_START = charSet(
  '0123456789０１２３４５６７８９〇零一二两兩三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾百上本今当去明下年第〔[【(（［〖',
);

/** True when nothing in `[from, to)` can start a built-in figure. */
function barren(input: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (inSet(MAY_START, input.charCodeAt(i))) return false;
  return true;
}

/** Nothing found: shared, never written to. */
const NONE: readonly Found[] = Object.freeze([]);

/** True when `found` is already sorted by start (the overlap refiner leaves it so). */
function inOrder(found: Found[]): boolean {
  for (let i = 1; i < found.length; i++) if (found[i - 1]!.start > found[i]!.start) return false;
  return true;
}

/**
 * Runs every parser over `[ctx.from, ctx.to)`, then every refiner in order.
 * Results are sorted and never overlap.
 */
export function recognize(
  config: FigureConfig,
  context: FigureContext,
  builtIn = builtInOnly(config),
): readonly Found[] {
  // Spans with nothing a figure can start with (`无`, a heading, a table cell) are
  // skipped cheaply, unless the user added parsers of their own.
  if (builtIn && barren(context.input, context.from, context.to)) return NONE;
  // A fresh context: parsers share work through it (number starts, quantities).
  const ctx: FigureContext = { input: context.input, from: context.from, to: context.to, year: context.year };
  let found: Found[] = [];
  for (const parser of config.parsers) {
    const more = parser.find(ctx);
    for (let k = 0; k < more.length; k++) found.push(more[k]!);
  }
  for (const refiner of config.refiners) found = refiner.refine(found, ctx);
  return inOrder(found) ? found : sortFound(found);
}
