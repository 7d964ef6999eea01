import type { Event, InlineLeaf, Position } from './schema.js';

/**
 * Makes nodes over spans of the original input: what the outline stage needs to turn
 * the spans it decides into blocks, without knowing how leaves are read. The parse
 * stage implements it (`src/parse/build.ts`, which runs figure recognition), so the
 * outline never imports a layer above it. Every leaf's `value` is exactly
 * `input.slice(start, end)`: nothing the user wrote is rewritten.
 */
export interface Builder {
  /** The original input, which every offset points into. */
  readonly input: string;
  position(start: number, end: number): Position;
  /**
   * Leaves covering `[start, end)` (outer white space left out): text, template text and figures.
   * `lookback` (before `start`) is context figures may be read with, never part of a leaf.
   */
  inline(start: number, end: number, lookback?: number): InlineLeaf[];
  /** Like `inline`, with clauses headed by a date wrapped in `event` nodes (for prose). */
  prose(start: number, end: number): Array<InlineLeaf | Event>;
}
