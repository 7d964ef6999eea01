import { charSet, inSet, type CharSet } from '../text/chars.js';
import { builtInOnly, defaultFigureConfig } from './config.js';
import { sharedWork, type SharedWork } from './quantity.js';
import { sortFound } from './refiners/overlaps.js';
import type { FigureConfig, FigureContext, FigureParser, Found } from './types.js';

/** A span of the input to read figures in, with the report's fiscal year. */
export interface FigureSpan {
  input: string;
  from: number;
  to: number;
  year?: number | undefined;
}

/**
 * The characters any parser of `parsers` starts reading at, from their `firstChars`, or
 * `undefined` when one of them does not say (it must then run on every span).
 */
function startSet(parsers: readonly FigureParser[]): CharSet | undefined {
  let chars = '';
  for (const parser of parsers) {
    if (parser.firstChars === undefined) return undefined;
    chars += parser.firstChars;
  }
  return charSet(chars);
}

/** The built-in parsers' start set, made once from their registration. */
const BUILT_IN_STARTS = startSet(defaultFigureConfig().parsers);

/** A configuration's start set, kept with the parser list it was made from (users may change the list). */
const STARTS = new WeakMap<FigureConfig, { parsers: FigureParser[]; set: CharSet | undefined }>();

function startsOf(config: FigureConfig): CharSet | undefined {
  const cached = STARTS.get(config);
  if (cached && sameList(cached.parsers, config.parsers)) return cached.set;
  const set = startSet(config.parsers);
  STARTS.set(config, { parsers: config.parsers.slice(), set });
  return set;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when nothing in `[from, to)` is in `set`. */
function barren(set: CharSet, input: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (inSet(set, input.charCodeAt(i))) return false;
  return true;
}

/** A parser as the built-in ones declare `find` (a user's ignores the second argument). */
interface WithShared {
  find(ctx: FigureContext, shared: SharedWork): Found[];
}

/** Nothing found: shared, never written to. */
const NONE: readonly Found[] = Object.freeze([]);

/** True when `found` is already sorted by start (the overlap refiner leaves it so). */
function inOrder(found: Found[]): boolean {
  for (let i = 1; i < found.length; i++) if (found[i - 1]!.start > found[i]!.start) return false;
  return true;
}

/**
 * Runs every parser over `[span.from, span.to)`, then every refiner in order.
 * Results are sorted and never overlap. `builtIn` says the configuration is jixiao's own
 * (see `builtInOnly`), whose start set is known without looking it up.
 */
export function recognize(config: FigureConfig, span: FigureSpan, builtIn = builtInOnly(config)): readonly Found[] {
  // Spans with nothing a parser starts at (`无`, a heading, a table cell) are skipped cheaply.
  const starts = builtIn ? BUILT_IN_STARTS : startsOf(config);
  if (starts && barren(starts, span.input, span.from, span.to)) return NONE;
  const ctx: FigureContext = { text: span.input, from: span.from, to: span.to, year: span.year };
  // The built-in parsers' shared work, as a second argument the plugin API does not name.
  const shared = sharedWork();
  let found: Found[] = [];
  for (const parser of config.parsers) {
    const more = (parser as WithShared).find(ctx, shared);
    for (let k = 0; k < more.length; k++) found.push(more[k]!);
  }
  for (const refiner of config.refiners) found = refiner.refine(found, ctx);
  return inOrder(found) ? found : sortFound(found);
}
