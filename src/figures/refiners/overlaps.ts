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
    const sorted = sortFound(found.slice());
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

/**
 * Sorts by start, longer first, in place. A paragraph has a handful of figures:
 * insertion sort on them allocates nothing, where `Array#sort` allocates a work array
 * per call (a tenth of parsing's garbage).
 */
export function sortFound(list: Found[]): Found[] {
  if (list.length > 32) return list.sort(byPlace);
  for (let i = 1; i < list.length; i++) {
    const f = list[i]!;
    let j = i - 1;
    while (j >= 0 && byPlace(list[j]!, f) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = f;
  }
  return list;
}

function byPlace(a: Found, b: Found): number {
  return a.start - b.start || b.end - a.end;
}

function better(a: Found, b: Found): boolean {
  if (PRIORITY[a.type] !== PRIORITY[b.type]) return PRIORITY[a.type] < PRIORITY[b.type];
  return a.end - a.start > b.end - b.start;
}
