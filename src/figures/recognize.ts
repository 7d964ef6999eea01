import type { FigureConfig, FigureContext, Found } from './types.js';

/**
 * Runs every parser over `[ctx.from, ctx.to)`, then every refiner in order.
 * Results are sorted and never overlap.
 */
export function recognize(config: FigureConfig, context: FigureContext): Found[] {
  // A fresh context: parsers share work through it (number starts, quantities).
  const ctx: FigureContext = { input: context.input, from: context.from, to: context.to, year: context.year };
  let found: Found[] = [];
  for (const parser of config.parsers) found.push(...parser.find(ctx));
  for (const refiner of config.refiners) found = refiner.refine(found, ctx);
  return found.sort((a, b) => a.start - b.start);
}
