import type { Figure } from '../tree/schema.js';

/** A figure found by a parser, before it becomes a node: `[start, end)` into the input. */
export type Found = { start: number; end: number } & DistributiveOmit<Figure, 'position'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/**
 * A found figure of one type with every key present, optional ones as `undefined`. The built-in
 * parsers type their literals with it (`satisfies Complete<'money'>`), so a field added to a
 * schema cannot be left out of them unnoticed, and every figure of a type has one shape (fast).
 */
export type Complete<T extends Found['type']> = {
  [K in keyof Required<Extract<Found, { type: T }>>]: Extract<Found, { type: T }>[K];
};

/**
 * What a parser sees (chrono-node's `ParsingContext`): the whole input, the span to read and the
 * report's reference year, all read-only. Offsets are into `text`; a figure must lie inside
 * `[from, to)`. Work the built-in parsers share (where numbers start, the quantity read at each)
 * is kept apart from the context (`SharedWork` in `quantity.ts`), so it is not part of this API.
 */
export interface FigureContext {
  /** The whole input. */
  readonly text: string;
  /** Start of the span to read. */
  readonly from: number;
  /** End of the span to read (exclusive): no figure may end after it. */
  readonly to: number;
  /** The report's fiscal year, for dates that do not state one. */
  readonly year: number | undefined;
}

/**
 * Finds one kind of figure in a span. Parsers are independent and may overlap each
 * other; refiners decide (chrono-node's parser → refiner pipeline).
 */
export interface FigureParser {
  readonly name: string;
  /**
   * The characters this parser starts reading at (a digit or numeral for a quantity or a date, `号`
   * for a document number): a span holding none of them holds none of its figures. When every
   * parser of a configuration gives them, such spans are skipped without running any parser
   * (micromark's dispatch table is its registration in the same way). Optional: a parser without
   * them runs on every span.
   */
  readonly firstChars?: string;
  find(ctx: FigureContext): Found[];
}

/**
 * Reworks the parsers' results: drops false positives, resolves overlaps, merges. Refiners run
 * only on spans where a parser could start; they refine what was found, they do not find.
 */
export interface FigureRefiner {
  readonly name: string;
  refine(found: Found[], ctx: FigureContext): Found[];
}

/** The recognisers to run, in order: a plain object users can clone and extend. */
export interface FigureConfig {
  parsers: FigureParser[];
  refiners: FigureRefiner[];
}
