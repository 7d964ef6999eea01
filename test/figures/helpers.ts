import { extract, type FigureRecord } from '../../src/index.js';

/** Figures of `text` read with a pinned fiscal year (never the clock). */
export function figures(text: string, year = 2020): FigureRecord[] {
  return extract(text, { year }).filter((r): r is FigureRecord => 'text' in r && r.kind !== 'event');
}

/** The one figure of a kind in `text`; fails when there is not exactly one. */
export function only(text: string, kind: FigureRecord['kind'], year = 2020): FigureRecord {
  const found = figures(text, year).filter((r) => r.kind === kind);
  if (found.length !== 1)
    throw new Error(`expected one ${kind} in ${text}, got ${JSON.stringify(found.map((f) => f.text))}`);
  return found[0]!;
}
