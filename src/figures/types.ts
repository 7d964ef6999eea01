import type { Figure } from '../tree/schema.js';

/** A figure found by a parser, before it becomes a node: `[start, end)` into the input. */
export type Found = { start: number; end: number } & DistributiveOmit<Figure, 'position'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** What a parser sees: the whole input, the span to read, and what is known of the report. */
export interface FigureContext {
  input: string;
  from: number;
  to: number;
  /** The report's fiscal year, for dates that do not state one. */
  year?: number;
  /** Shared work between parsers, filled on demand: where numbers start, and the quantity read at each. */
  starts?: number[];
  /** The quantity read at each of `starts` (same index), `null` where none is. */
  quantities?: Array<unknown>;
}

/**
 * Finds one kind of figure in a span. Parsers are independent and may overlap each
 * other; refiners decide (chrono-node's parser → refiner pipeline).
 */
export interface FigureParser {
  name: string;
  find(ctx: FigureContext): Found[];
}

/** Reworks the parsers' results: drops false positives, resolves overlaps, merges. */
export interface FigureRefiner {
  name: string;
  refine(found: Found[], ctx: FigureContext): Found[];
}

/** The recognisers to run, in order: a plain object users can clone and extend. */
export interface FigureConfig {
  parsers: FigureParser[];
  refiners: FigureRefiner[];
}
