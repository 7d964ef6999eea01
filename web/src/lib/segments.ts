/**
 * Cuts a source text into runs for highlighting: where figures and findings start and end. Figures never overlap
 * one another (they are leaves of the tree); findings may overlap each other and any figure. Pure: no DOM.
 */

export interface Span {
  start: number;
  end: number;
}

/** A run of the text: which figure covers it (-1: none) and which findings. */
export interface Segment {
  start: number;
  end: number;
  figure: number;
  findings: number[];
}

/**
 * The runs of `[0, length)` between every start and end of `figures` and `findings` (and at `breaks`, such as line
 * starts), in order. A finding with an empty span (a missing section is reported at a point) gets an empty run at
 * its place, so it can be scrolled to.
 *
 * @example
 *   segments(6, [{ start: 1, end: 3 }], [{ start: 2, end: 5 }]).map((s) => [s.start, s.end, s.figure, s.findings])
 *   // [[0, 1, -1, []], [1, 2, 0, []], [2, 3, 0, [0]], [3, 5, -1, [0]], [5, 6, -1, []]]
 */
export function segments(
  length: number,
  figures: readonly Span[],
  findings: readonly Span[],
  breaks: readonly number[] = [],
): Segment[] {
  const clip = (n: number) => Math.max(0, Math.min(length, n));
  const cuts = new Set<number>([0, length]);
  for (const b of breaks) cuts.add(clip(b));
  for (const s of figures) cuts.add(clip(s.start)).add(clip(s.end));
  for (const s of findings) cuts.add(clip(s.start)).add(clip(s.end));
  const points = [...cuts].sort((a, b) => a - b);

  // Figures sorted by start, walked once: linear in figures plus runs.
  const order = figures.map((_, i) => i).sort((a, b) => figures[a]!.start - figures[b]!.start);
  let next = 0;
  let figure = -1;
  const out: Segment[] = [];
  for (let p = 0; p < points.length; p++) {
    const at = points[p]!;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (f.start === f.end && clip(f.start) === at) out.push({ start: at, end: at, figure: -1, findings: [i] });
    }
    if (p === points.length - 1) break;
    const to = points[p + 1]!;
    if (figure >= 0 && figures[figure]!.end <= at) figure = -1;
    while (next < order.length && figures[order[next]!]!.start <= at) {
      const candidate = order[next++]!;
      if (figures[candidate]!.end > at) figure = candidate;
    }
    const covering: number[] = [];
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (f.start <= at && f.end >= to && f.start < f.end) covering.push(i);
    }
    out.push({ start: at, end: to, figure, findings: covering });
  }
  return out;
}

/**
 * Where each line starts, lines ending at `\r\n`, `\r` or `\n` as in jixiao's positions, so line numbers shown
 * next to the source are the ones its findings give.
 *
 * @example
 *   lineStarts('一、\r\n保密\n') // [0, 4, 7]
 */
export function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
  return out;
}
