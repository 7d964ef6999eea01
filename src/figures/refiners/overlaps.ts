import type { FigureRefiner, Found } from '../types.js';

/** Which kind wins when two figures claim the same characters. */
const PRIORITY: Record<Found['type'], number> = { docRef: 0, date: 1, money: 2, percent: 3, measure: 4, count: 5 };

/**
 * Keeps one figure where several overlap: a document number over the year inside it,
 * then dates, money, percentages, measures and counts; among equals the longer span.
 */
export const removeOverlaps: FigureRefiner = {
  name: 'remove-overlaps',
  refine(found) {
    const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Found[] = [];
    for (const f of sorted) {
      const last = kept[kept.length - 1];
      if (!last || f.start >= last.end) {
        kept.push(f);
        continue;
      }
      if (better(f, last)) kept[kept.length - 1] = f;
    }
    return kept;
  },
};

function better(a: Found, b: Found): boolean {
  if (PRIORITY[a.type] !== PRIORITY[b.type]) return PRIORITY[a.type] < PRIORITY[b.type];
  return a.end - a.start > b.end - b.start;
}
