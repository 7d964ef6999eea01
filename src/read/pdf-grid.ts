import { closeUp, joinLines, type Grid, type GridCell } from './grid.js';

/**
 * A text item as pdf.js's `page.getTextContent()` gives it (the same through unpdf's
 * `getDocumentProxy`): the string, its transform (`[a, b, c, d, x, y]`, baseline at
 * `x, y` in PDF user space, y up) and its advance width.
 */
export interface PdfTextItem {
  str: string;
  transform: ArrayLike<number>;
  width: number;
  height?: number;
  hasEOL?: boolean;
}

/** A straight ruling line in PDF user space (y up). */
export interface PdfSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A box in PDF user space: `y0` the bottom, `y1` the top. */
export interface PdfBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A line of text outside any table, top to bottom in page order. */
export interface PdfLine {
  type: 'line';
  text: string;
  page: number;
  bbox: PdfBox;
}

/** A table rebuilt from a page: from its ruling lines (`ruled`), or from where its text stands. */
export interface PdfTable extends Grid {
  type: 'table';
  page: number;
  bbox: PdfBox;
  ruled: boolean;
}

export type PdfBlock = PdfLine | PdfTable;

/** Options of {@link pdfPageBlocks}. */
export interface PdfGridOptions {
  /** The page number to put on the blocks (1-based); 1 by default. */
  page?: number;
}

// Tolerances in PDF points, as pdfplumber's defaults: lines closer than SNAP are one line,
// collinear pieces closer than JOIN are joined, lines shorter than MIN_EDGE are dropped.
const SNAP = 3;
const JOIN = 3;
const MIN_EDGE = 3;
/** A filled rectangle thinner than this is a ruling line drawn as a box (Word does). */
const THIN = 2.5;

/**
 * The ruling lines a page draws, from its operator list (`page.getOperatorList()`:
 * `fnArray`, `argsArray`, and pdf.js's `OPS` table): stroked or filled straight path
 * pieces and rectangle edges, with the current transform applied. Both operator-list
 * shapes are read: pdf.js 4 (`constructPath` with operator and coordinate arrays, the
 * paint operator next) and pdf.js 5 (`constructPath` carrying its paint operator and a
 * flat path buffer). Curves, clipping paths and white fills draw no rules.
 *
 * @example
 *   const OPS = {save: 10, restore: 11, transform: 12, moveTo: 13, lineTo: 14, stroke: 20, constructPath: 91};
 *   pdfRulings([91, 20], [[[13, 14], [72, 700, 520, 700]], null], OPS) // [{x0: 72, y0: 700, x1: 520, y1: 700}]
 */
export function pdfRulings(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  OPS: Readonly<Record<string, number>>,
): PdfSegment[] {
  const out: PdfSegment[] = [];
  const stack: number[][] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  let white = false;
  let pending: Path[] = [];
  const paint = (op: number, paths: Path[]) => {
    if (op === OPS.endPath) return;
    const fill = op === OPS.fill || op === OPS.eoFill;
    if (fill && white) return;
    for (const path of paths) addPath(path, fill, out);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.setFillRGBColor && args) white = isWhite(args);
    else if (fn === OPS.constructPath && args) {
      if (typeof args[0] === 'number') {
        // pdf.js 5: [paint operator, [path buffer], bounds].
        const buffers = args[1] as ArrayLike<ArrayLike<number> | null> | null;
        const paths: Path[] = [];
        for (let k = 0; buffers && k < buffers.length; k++) if (buffers[k]) readBuffer(buffers[k]!, ctm, paths);
        paint(args[0], paths);
      } else {
        readOps(args[0] as ArrayLike<number>, args[1] as ArrayLike<number>, ctm, OPS, pending);
      }
    } else if (isPaint(fn, OPS)) {
      paint(fn, pending);
      pending = [];
    }
  }
  return out;
}

/** A subpath as points in page space, and whether it was closed. */
interface Path {
  points: number[];
  closed: boolean;
}

function isPaint(fn: number, OPS: Readonly<Record<string, number>>): boolean {
  return (
    fn === OPS.stroke ||
    fn === OPS.closeStroke ||
    fn === OPS.fill ||
    fn === OPS.eoFill ||
    fn === OPS.fillStroke ||
    fn === OPS.eoFillStroke ||
    fn === OPS.closeFillStroke ||
    fn === OPS.closeEOFillStroke ||
    fn === OPS.endPath
  );
}

function isWhite(args: unknown[]): boolean {
  const first = args[0];
  if (typeof first === 'string') return /^#?f{6}$/i.test(first);
  const color = (args.length === 1 && typeof first === 'object' ? first : args) as ArrayLike<number>;
  return color.length >= 3 && color[0] === 255 && color[1] === 255 && color[2] === 255;
}

function multiply(m: number[], n: number[]): number[] {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const [p, q, r, s, t, u] = n as [number, number, number, number, number, number];
  return [p * a + q * c, p * b + q * d, r * a + s * c, r * b + s * d, t * a + u * c + e, t * b + u * d + f];
}

function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

/** pdf.js 4: sub-operators (moveTo, lineTo, curveTo…, closePath, rectangle) with their coordinates. */
function readOps(
  ops: ArrayLike<number>,
  coords: ArrayLike<number>,
  ctm: number[],
  OPS: Readonly<Record<string, number>>,
  paths: Path[],
): void {
  let k = 0;
  let path: Path | null = null;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op === OPS.rectangle) {
      const [x, y, w, h] = [coords[k]!, coords[k + 1]!, coords[k + 2]!, coords[k + 3]!];
      k += 4;
      paths.push({ points: rect(ctm, x, y, w, h), closed: true });
      path = null;
    } else if (op === OPS.moveTo) {
      path = { points: apply(ctm, coords[k]!, coords[k + 1]!), closed: false };
      paths.push(path);
      k += 2;
    } else if (op === OPS.lineTo) {
      const p = apply(ctm, coords[k]!, coords[k + 1]!);
      k += 2;
      if (path) path.points.push(p[0], p[1]);
      else paths.push((path = { points: p, closed: false }));
    } else if (op === OPS.curveTo) {
      k += 6;
      path = null;
    } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
      k += 4;
      path = null;
    } else if (op === OPS.closePath) {
      if (path) path.closed = true;
    }
  }
}

/** pdf.js 5: a flat buffer of drawing operators (0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function readBuffer(buffer: ArrayLike<number>, ctm: number[], paths: Path[]): void {
  let path: Path | null = null;
  for (let i = 0; i < buffer.length;) {
    const op = buffer[i++];
    if (op === 0) {
      path = { points: apply(ctm, buffer[i]!, buffer[i + 1]!), closed: false };
      paths.push(path);
      i += 2;
    } else if (op === 1) {
      const p = apply(ctm, buffer[i]!, buffer[i + 1]!);
      i += 2;
      if (path) path.points.push(p[0], p[1]);
      else paths.push((path = { points: p, closed: false }));
    } else if (op === 2) {
      i += 6;
      path = null;
    } else if (op === 3) {
      i += 4;
      path = null;
    } else if (op === 4) {
      if (path) path.closed = true;
    } else break;
  }
}

function rect(ctm: number[], x: number, y: number, w: number, h: number): number[] {
  return [...apply(ctm, x, y), ...apply(ctm, x + w, y), ...apply(ctm, x + w, y + h), ...apply(ctm, x, y + h)];
}

/** The straight, axis-parallel pieces of a path; a thin filled box becomes the line through its middle. */
function addPath(path: Path, fill: boolean, out: PdfSegment[]): void {
  const p = path.points;
  if (fill && p.length === 8) {
    const x0 = Math.min(p[0]!, p[2]!, p[4]!, p[6]!);
    const x1 = Math.max(p[0]!, p[2]!, p[4]!, p[6]!);
    const y0 = Math.min(p[1]!, p[3]!, p[5]!, p[7]!);
    const y1 = Math.max(p[1]!, p[3]!, p[5]!, p[7]!);
    if (x1 - x0 <= THIN) return void out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
    if (y1 - y0 <= THIN) return void out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
  }
  const n = p.length / 2;
  const last = path.closed ? n : n - 1;
  for (let i = 0; i < last; i++) {
    const j = (i + 1) % n;
    const seg = { x0: p[2 * i]!, y0: p[2 * i + 1]!, x1: p[2 * j]!, y1: p[2 * j + 1]! };
    if (Math.abs(seg.x0 - seg.x1) < 1 || Math.abs(seg.y0 - seg.y1) < 1) out.push(seg);
  }
}

/** One glyph (or a run that stays in one place) in top-down page coordinates: `top` grows downwards. */
interface Glyph {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, negated PDF y. */
  base: number;
  size: number;
}

/**
 * A page rebuilt as blocks in reading order: tables (from the ruling lines where the page
 * has them, from where the text stands where it does not) and the lines of text between
 * them. Text a cell wraps over several lines is joined back with no space between CJK
 * characters, and the spaces a PDF puts inside figures and words (`260 万元`, `自 评`) are
 * closed up; merged cells keep their `rowSpan`/`colSpan` (a ruling line that is missing
 * inside a box merges the cells on either side).
 *
 * @example
 *   const item = (str: string, x: number, width: number) => ({str, transform: [10, 0, 0, 10, x, 700], width});
 *   pdfPageBlocks([item('项目全年预算', 72, 60), item('180', 134, 18), item('万元。', 154, 30)], [])
 *   // [{type: 'line', text: '项目全年预算180万元。', page: 1}]
 */
export function pdfPageBlocks(
  items: readonly PdfTextItem[],
  segments: readonly PdfSegment[],
  options: PdfGridOptions = {},
): PdfBlock[] {
  const page = options.page ?? 1;
  const glyphs = toGlyphs(items);
  const blocks: Array<{ top: number; block: PdfBlock }> = [];
  const taken = new Set<Glyph>();
  for (const table of ruledTables(segments)) {
    const grid = ruledGrid(table, glyphs, taken);
    if (grid) blocks.push({ top: table.top, block: { type: 'table', page, ...grid, ruled: true } });
  }
  const free = glyphs.filter((g) => !taken.has(g));
  for (const block of looseBlocks(free, page)) blocks.push(block);
  blocks.sort((a, b) => a.top - b.top);
  return blocks.map((b) => b.block);
}

/** Splits items into glyphs, each placed by its share of the item's width (CJK counted as two Latin letters). */
function toGlyphs(items: readonly PdfTextItem[]): Glyph[] {
  const out: Glyph[] = [];
  for (const item of items) {
    const t = item.transform;
    const str = item.str;
    if (!str || !str.trim()) continue;
    const size = Math.hypot(t[2]!, t[3]!) || item.height || 10;
    const x = t[4]!;
    const base = -t[5]!;
    let units = 0;
    for (const ch of str) units += weight(ch);
    let at = x;
    for (const ch of str) {
      const w = units > 0 ? (item.width * weight(ch)) / units : 0;
      if (ch.trim()) out.push({ text: ch, x0: at, x1: at + w, base, size });
      at += w;
    }
  }
  return out;
}

function weight(ch: string): number {
  const code = ch.codePointAt(0)!;
  return code >= 0x2e80 ? 2 : 1;
}

// ---------------------------------------------------------------------------------------
// Ruled tables: lines → edges → crossings → cells → tables (pdfplumber's lattice method).

/** A ruling line along one axis: `at` is where it stands across that axis, `from`–`to` its extent along it. */
interface Edge {
  at: number;
  from: number;
  to: number;
}
/** A cell box in top-down coordinates. */
interface Box {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}
interface RuledTable {
  cells: Box[];
  top: number;
}

function ruledTables(segments: readonly PdfSegment[]): RuledTable[] {
  // Horizontal lines stand at a y (top-down) and run along x; vertical ones the other way.
  const hs: Edge[] = [];
  const vs: Edge[] = [];
  for (const s of segments) {
    if (Math.abs(s.y0 - s.y1) < 1)
      hs.push({ at: -(s.y0 + s.y1) / 2, from: Math.min(s.x0, s.x1), to: Math.max(s.x0, s.x1) });
    else if (Math.abs(s.x0 - s.x1) < 1) {
      vs.push({ at: (s.x0 + s.x1) / 2, from: Math.min(-s.y0, -s.y1), to: Math.max(-s.y0, -s.y1) });
    }
  }
  const h = merge(hs);
  const v = merge(vs);
  if (h.length < 2 || v.length < 2) return [];
  // Crossings, each with the edges through it.
  const points = new Map<string, { x: number; y: number; h: Set<Edge>; v: Set<Edge> }>();
  for (const ve of v) {
    for (const he of h) {
      if (ve.at >= he.from - 1 && ve.at <= he.to + 1 && he.at >= ve.from - 1 && he.at <= ve.to + 1) {
        const key = `${ve.at},${he.at}`;
        let p = points.get(key);
        if (!p) points.set(key, (p = { x: ve.at, y: he.at, h: new Set(), v: new Set() }));
        p.h.add(he);
        p.v.add(ve);
      }
    }
  }
  const list = [...points.values()].sort((a, b) => a.y - b.y || a.x - b.x);
  const shareV = (a: (typeof list)[0], b: (typeof list)[0]) => [...a.v].some((e) => b.v.has(e));
  const shareH = (a: (typeof list)[0], b: (typeof list)[0]) => [...a.h].some((e) => b.h.has(e));
  // Crossings by column and by row, in order: the candidates below and to the right of a
  // point without a scan of all points for each (a page ruled into a dense grid was quadratic).
  const byX = new Map<number, typeof list>();
  const byY = new Map<number, typeof list>();
  for (const p of list) {
    if (!byX.has(p.x)) byX.set(p.x, []);
    byX.get(p.x)!.push(p);
    if (!byY.has(p.y)) byY.set(p.y, []);
    byY.get(p.y)!.push(p);
  }
  const cells: Box[] = [];
  for (const p of list) {
    const below = byX.get(p.x)!.filter((q) => q.y > p.y);
    const right = byY.get(p.y)!.filter((q) => q.x > p.x);
    search: for (const b of below) {
      if (!shareV(p, b)) continue;
      for (const r of right) {
        if (!shareH(p, r)) continue;
        const corner = points.get(`${r.x},${b.y}`);
        if (corner && shareV(corner, r) && shareH(corner, b)) {
          cells.push({ x0: p.x, top: p.y, x1: r.x, bottom: b.y });
          break search;
        }
      }
    }
  }
  // Cells touching at a corner belong to one table.
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const key of [`${c.x0},${c.top}`, `${c.x1},${c.top}`, `${c.x0},${c.bottom}`, `${c.x1},${c.bottom}`]) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Box[]>();
  cells.forEach((c, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(c);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({ cells: g, top: g.reduce((top, c) => Math.min(top, c.top), Infinity) }));
}

/**
 * Makes the lines of one orientation seamless, as pdfplumber does: lines closer than SNAP
 * across move to their mean, collinear pieces closer than JOIN along join up, and what is
 * shorter than MIN_EDGE is dropped.
 */
function merge(edges: Edge[]): Edge[] {
  const sorted = edges.map((e) => ({ ...e })).sort((a, b) => a.at - b.at);
  let group: Edge[] = [];
  const flush = () => {
    const mean = group.reduce((sum, e) => sum + e.at, 0) / group.length;
    for (const e of group) e.at = Math.round(mean * 100) / 100;
    group = [];
  };
  for (const e of sorted) {
    if (group.length && e.at - group[group.length - 1]!.at > SNAP) flush();
    group.push(e);
  }
  if (group.length) flush();
  sorted.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Edge[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.at === e.at && e.from <= last.to + JOIN) last.to = Math.max(last.to, e.to);
    else out.push(e);
  }
  return out.filter((e) => e.to - e.from >= MIN_EDGE);
}

/** The grid of a ruled table: spans from the cells' extents, text from the glyphs inside each cell. */
function ruledGrid(
  table: RuledTable,
  glyphs: Glyph[],
  taken: Set<Glyph>,
): Omit<PdfTable, 'type' | 'page' | 'ruled'> | null {
  const xs = [...new Set(table.cells.flatMap((c) => [c.x0, c.x1]))].sort((a, b) => a - b);
  const ys = [...new Set(table.cells.flatMap((c) => [c.top, c.bottom]))].sort((a, b) => a - b);
  const box = { x0: xs[0]!, x1: xs[xs.length - 1]!, top: ys[0]!, bottom: ys[ys.length - 1]! };
  const inside = new Map<Box, Glyph[]>();
  for (const g of glyphs) {
    const cx = (g.x0 + g.x1) / 2;
    const cy = g.base - g.size * 0.35;
    if (cx < box.x0 || cx >= box.x1 || cy < box.top || cy >= box.bottom) continue;
    const cell = table.cells.find((c) => cx >= c.x0 && cx < c.x1 && cy >= c.top && cy < c.bottom);
    if (!cell) continue;
    if (!inside.has(cell)) inside.set(cell, []);
    inside.get(cell)!.push(g);
    taken.add(g);
  }
  const rows: GridCell[][] = ys.slice(1).map(() => []);
  const filled = ys.slice(1).map(() => new Array<boolean>(xs.length - 1).fill(false));
  const placed: Array<{ r: number; c: number; cell: GridCell }> = [];
  for (const c of table.cells) {
    const r = ys.indexOf(c.top);
    const col = xs.indexOf(c.x0);
    const rowSpan = ys.indexOf(c.bottom) - r;
    const colSpan = xs.indexOf(c.x1) - col;
    for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) filled[r + dr]![col + dc] = true;
    placed.push({ r, c: col, cell: { text: cellText(inside.get(c) ?? []), rowSpan, colSpan } });
  }
  // A slot no cell covers (a box the lines left open) gets an empty cell, so later cells keep their column.
  filled.forEach((row, r) =>
    row.forEach((f, c) => {
      if (!f) placed.push({ r, c, cell: { text: '', rowSpan: 1, colSpan: 1 } });
    }),
  );
  placed.sort((a, b) => a.r - b.r || a.c - b.c);
  for (const p of placed) rows[p.r]!.push(p.cell);
  return { rows, bbox: { x0: box.x0, y0: -box.bottom, x1: box.x1, y1: -box.top } };
}

/** The text of some glyphs: lines top to bottom, each left to right, joined back together. */
function cellText(glyphs: Glyph[]): string {
  return joinLines(textLines(glyphs).map((line) => line.text));
}

interface TextLine {
  text: string;
  base: number;
  x0: number;
  x1: number;
  size: number;
  glyphs: Glyph[];
}

/**
 * The text of glyphs on one line, left to right: a gap wider than a quarter em is a space,
 * then the spaces a PDF puts inside CJK words and figures are closed up (`closeUp`); those
 * between Latin words and numbers stay (`Budget execution 2020`).
 */
function spacedText(glyphs: readonly Glyph[]): string {
  let text = '';
  for (let i = 0; i < glyphs.length; i++) {
    if (i > 0 && glyphs[i]!.x0 - glyphs[i - 1]!.x1 > glyphs[i]!.size * 0.25) text += ' ';
    text += glyphs[i]!.text;
  }
  return closeUp(text);
}

/** Groups glyphs into lines by baseline; within a line a gap wider than a quarter em is a space. */
function textLines(glyphs: Glyph[]): TextLine[] {
  const sorted = glyphs.slice().sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: Glyph[][] = [];
  for (const g of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(g.base - line[0]!.base) <= g.size * 0.4) line.push(g);
    else lines.push([g]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x0 - b.x0);
    return {
      text: spacedText(line),
      base: line[0]!.base,
      x0: line[0]!.x0,
      x1: line[line.length - 1]!.x1,
      size: line[0]!.size,
      glyphs: line,
    };
  });
}

// ---------------------------------------------------------------------------------------
// Text outside ruled tables: lines, and tables found from where the text stands.

/** A run of a line's glyphs with no gap wider than CHUNK_GAP em: one cell's line in a table. */
interface Chunk {
  x0: number;
  x1: number;
  glyphs: Glyph[];
}
const CHUNK_GAP = 0.8;

function chunksOf(line: TextLine): Chunk[] {
  const out: Chunk[] = [];
  for (const g of line.glyphs) {
    const last = out[out.length - 1];
    if (last && g.x0 - last.x1 <= g.size * CHUNK_GAP) {
      last.glyphs.push(g);
      last.x1 = Math.max(last.x1, g.x1);
    } else out.push({ x0: g.x0, x1: g.x1, glyphs: [g] });
  }
  return out;
}

/**
 * Lines and borderless tables. A table is a run of lines of two or more chunks whose
 * chunks start at shared column positions; a line continues the row above when each of
 * its chunks stands in a column whose text on the line before ran to the column's end
 * (the cell wrapped), otherwise it starts a new row.
 */
function looseBlocks(glyphs: Glyph[], page: number): Array<{ top: number; block: PdfBlock }> {
  const lines = textLines(glyphs).map((line) => ({ line, chunks: chunksOf(line) }));
  const out: Array<{ top: number; block: PdfBlock }> = [];
  let i = 0;
  while (i < lines.length) {
    // A form's last rows may stand alone at the top of the next page: there one row will do.
    const end = tableRun(lines, i, i === 0);
    if (end > i) {
      const table = looseTable(lines.slice(i, end), page, i === 0);
      if (table) {
        out.push({ top: lines[i]!.line.base - lines[i]!.line.size, block: table });
        i = end;
        continue;
      }
    }
    const { line, chunks } = lines[i]!;
    out.push({
      top: line.base - line.size,
      block: {
        type: 'line',
        text: chunks.map((c) => spacedText(c.glyphs)).join(' '),
        page,
        bbox: { x0: line.x0, y0: -line.base, x1: line.x1, y1: -line.base + line.size },
      },
    });
    i++;
  }
  return out;
}

type LooseLine = { line: TextLine; chunks: Chunk[] };

/** Where the table starting at line `i` ends (exclusive); `i` when none starts there. `alone`: one row will do. */
function tableRun(lines: LooseLine[], i: number, alone: boolean): number {
  if (lines[i]!.chunks.length < 3) return i;
  const block: Block = { starts: lines[i]!.chunks.map((c) => c.x0), gutter: Infinity, right: -Infinity };
  widen(block, lines[i]!);
  let end = i + 1;
  let rows = 1;
  while (end < lines.length) {
    const { line, chunks } = lines[end]!;
    const prev = lines[end - 1]!;
    if (line.base - prev.line.base > line.size * 2.5) break;
    const aligned = chunks.filter((c) => block.starts.some((s) => Math.abs(s - c.x0) <= SNAP)).length;
    const continues = continuation(lines, end, block);
    if (!continues && (chunks.length < 2 || aligned < 2)) break;
    if (!continues) rows++;
    widen(block, lines[end]!);
    end++;
  }
  return rows >= 2 || alone ? end : i;
}

/** What is known of a borderless table while reading it: column starts, the gap between columns, its right edge. */
interface Block {
  starts: number[];
  gutter: number;
  right: number;
}

function widen(block: Block, { line, chunks }: LooseLine): void {
  for (const c of chunks) if (!block.starts.some((s) => Math.abs(s - c.x0) <= SNAP)) block.starts.push(c.x0);
  block.starts.sort((a, b) => a - b);
  for (let k = 1; k < chunks.length; k++) block.gutter = Math.min(block.gutter, chunks[k]!.x0 - chunks[k - 1]!.x1);
  block.right = Math.max(block.right, line.x1);
}

/**
 * True when line `k` continues the row above: each of its chunks stands where a chunk of
 * an earlier line started, and that chunk's text stopped short of its column's end by
 * less than the new chunk's first word (the word wrapped because it did not fit).
 * Narrow columns filled to the brim make text ambiguous, so figures decide when the line
 * has any: a figure goes on a figure whose digits were cut (`96.` then `8`, `18000` as
 * `1800` then `0`), never on a word, and a short whole number (`15` under `15`) is a new value.
 */
function continuation(lines: LooseLine[], k: number, block: Block): boolean {
  const { chunks, line } = lines[k]!;
  const gutter = Math.min(Math.max(block.gutter, line.size * 0.3), line.size * 1.5);
  let figures = 0;
  let cut = false;
  for (const c of chunks) {
    const found = above(lines, k, c);
    if (!found) return false;
    const { chunk: up, row, at } = found;
    const neighbour = row[at + 1]?.x0 ?? block.right + gutter;
    // A chunk that runs over a column start is a merged cell: its end is where its neighbour starts.
    const spans = block.starts.some((s) => s > up.x0 + SNAP && s < up.x1 - SNAP);
    const next = block.starts.find((s) => s > up.x1 + SNAP) ?? neighbour;
    const room = (spans ? neighbour : Math.min(neighbour, next)) - gutter - up.x1;
    if (NUMBER.test(text(c))) {
      const head = text(up);
      const glyph = c.glyphs[0]!.x1 - c.glyphs[0]!.x0;
      figures++;
      if (!/[\d.,-]$/.test(head) || room >= glyph * 1.3) return false;
      if (/[.,]$/.test(head) || room < glyph * 0.7 || (head.match(/\d/g) ?? []).length >= 3) cut = true;
      else return false;
    } else if (room >= firstWord(c) + line.size * 0.3) return false;
  }
  return figures === 0 || cut;
}

/** The chunk starting where `c` starts on the nearest earlier line (up to six back), with its line's chunks. */
function above(lines: LooseLine[], k: number, c: Chunk): { chunk: Chunk; row: Chunk[]; at: number } | null {
  for (let j = k - 1; j >= 0 && j >= k - 6; j--) {
    const row = lines[j]!.chunks;
    const at = row.findIndex((a) => Math.abs(a.x0 - c.x0) <= SNAP);
    if (at >= 0) return { chunk: row[at]!, row, at };
  }
  return null;
}

const NUMBER = /^[-+]?[\d.,]+%?$/;

function text(chunk: Chunk): string {
  let out = '';
  for (const g of chunk.glyphs) out += g.text;
  return out;
}

/** Width of what a line break cannot split at a chunk's start: a bracketed group, an ASCII word, one character. */
function firstWord(chunk: Chunk): number {
  const g = chunk.glyphs;
  const first = g[0]!;
  let k = 0;
  if ('（(【“《'.includes(first.text)) {
    while (k < g.length - 1 && !'）)】”》'.includes(g[k]!.text)) k++;
  } else if (/[A-Za-z0-9]/.test(first.text)) {
    while (k < g.length - 1 && /[A-Za-z0-9.%,-]/.test(g[k + 1]!.text)) k++;
  }
  while (k < g.length - 1 && '，。、；：）)%％”'.includes(g[k + 1]!.text)) k++;
  return g[k]!.x1 - first.x0;
}

function looseTable(lines: LooseLine[], page: number, alone: boolean): PdfTable | null {
  const block: Block = { starts: [], gutter: Infinity, right: -Infinity };
  for (const line of lines) widen(block, line);
  const starts = block.starts;
  // Logical rows: a line that does not continue the row above starts one.
  const groups: LooseLine[][] = [];
  lines.forEach((l, k) => {
    if (k > 0 && continuation(lines, k, block)) groups[groups.length - 1]!.push(l);
    else groups.push([l]);
  });
  if ((groups.length < 2 && !alone) || starts.length < 3) return null;
  const col = (x: number) => {
    let best = 0;
    for (let k = 0; k < starts.length; k++) if (starts[k]! <= x + SNAP) best = k;
    return best;
  };
  const rows: GridCell[][] = groups.map((group) => {
    const parts = new Map<number, { glyphs: Glyph[]; last: number }>();
    for (const { chunks } of group) {
      for (const c of chunks) {
        const k = col(c.x0);
        let last = k;
        while (last + 1 < starts.length && starts[last + 1]! < c.x1 - SNAP) last++;
        const part = parts.get(k) ?? { glyphs: [], last: k };
        for (const g of c.glyphs) part.glyphs.push(g);
        part.last = Math.max(part.last, last);
        parts.set(k, part);
      }
    }
    const cells: GridCell[] = [];
    for (let k = 0; k < starts.length;) {
      const part = parts.get(k);
      const colSpan = part ? part.last - k + 1 : 1;
      cells.push({ text: part ? cellText(part.glyphs) : '', rowSpan: 1, colSpan });
      k += colSpan;
    }
    return cells;
  });
  const x0 = lines.reduce((x, l) => Math.min(x, l.line.x0), Infinity);
  const x1 = lines.reduce((x, l) => Math.max(x, l.line.x1), -Infinity);
  const first = lines[0]!.line;
  const last = lines[lines.length - 1]!.line;
  return { type: 'table', page, rows, bbox: { x0, y0: -last.base, x1, y1: -first.base + first.size }, ruled: false };
}
