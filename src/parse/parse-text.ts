import { inferFiscalYear } from '../figures/fiscal-year.js';
import { assembler, type Assembler } from '../outline/assemble.js';
import type { Fragment } from '../outline/blocks.js';
import { findCandidates } from '../outline/candidates.js';
import { findTitle, findTocs, type TitleBlock } from '../outline/front-matter.js';
import { decideHeadings, type Heading } from '../outline/sequence.js';
import { skipSpace, trimEnd } from '../text/chars.js';
import { splitLines, type Line } from '../text/lines.js';
import { pushAll } from '../tree/arrays.js';
import type { Builder } from '../tree/builder.js';
import { locator } from '../tree/position.js';
import type { FlowContent, Report, Section, SectionTitle } from '../tree/schema.js';
import { textLayouts } from '../table/text.js';
import type { TableLayout } from '../read/grid.js';
import { builder } from './build.js';
import type { ParseSettings } from './options.js';
import { tableAt, tableNode } from './tables.js';

/** Punctuation that closes a run-in title and belongs to the heading, not the body. */
const TITLE_DELIMITER = new Set([...'。：:，,；;、．.']);

/** Most lines open no section: one shared empty list for them. */
const NO_HEADINGS: readonly Heading[] = Object.freeze([]);

/**
 * Reads a report written as plain text: the title block, tables of contents, tables (a
 * reader's, or found in the text: delimited lines, flattened forms), numbered headings
 * decided over the whole text (outline/) outside them, content between them as blocks.
 */
export function parseText(text: string, settings: ParseSettings): Report {
  const lines = splitLines(text);
  // The lines' starts are the locator's, and the tables' lines are these: the input is split once.
  const at = locator(
    text,
    lines.map((line) => line.start),
  );

  const layouts = settings.tables ?? textLayouts(text, lines);
  // A table's first row is no title, though its header may read like one (`| 绩效指标 | 一级指标 |`);
  // a flattened form starts where its header words do, after whatever title runs into it.
  let title = findTitle(text, lines);
  if (title) {
    const k = tableAt(layouts, title.spans[0]![0]);
    if (k >= 0 && layouts[k]!.source !== 'flattened') title = undefined;
  }
  const titleText = title ? title.spans.map(([s, e]) => text.slice(s, e).trim()).join('') : undefined;
  const fiscalYear = inferFiscalYear(text, titleText, settings.year);
  const b = builder(text, at, { figures: settings.figures, ...(fiscalYear ? { year: fiscalYear.year } : {}) });
  const tocs = findTocs(text, lines, titleText);
  const titleEnd = title ? title.spans[title.spans.length - 1]![1] : 0;
  // Per line, not a search of every table per line: a text of many tables was quadratic.
  const tocEnds = new Map(tocs);
  // Made only for a text that has one: a typed array of a byte per line costs more to make
  // than a report's lines take to walk.
  const tocLines = tocs.length > 0 ? new Uint8Array(lines.length) : undefined;
  for (const [a, z] of tocs) tocLines!.fill(1, a, z + 1);
  const inToc = (line: number) => tocLines !== undefined && tocLines[line] === 1;
  // The line of an offset: the locator's search over line starts (the same lines as splitLines).
  const taken = (offset: number) => offset < titleEnd || (tocs.length > 0 && inToc(at.point(offset).line - 1));

  // Tables are claimed first: no heading, list or paragraph is made of what is in one.
  const tables = layouts.filter((t) => !taken(t.start) && !(tocs.length > 0 && inToc(at.point(t.end).line - 1)));
  const candidates = findCandidates(text, lines, taken).filter((c) => tableAt(tables, c.start) < 0);
  const { headings, items } = decideHeadings(candidates);
  const itemStarts = new Set(items.map((c) => c.start));

  // Walk the lines once, cutting them into title, table of contents, headings and content.
  const tree = assembler(b, titleText, title?.lastLine ?? -1);
  const byLine = groupByLine(headings);
  let next = 0;
  let resume = -1;
  // An index, not `for…of`: this function is too large for V8 to optimise the iterator away, and
  // made an iterator result a line (50,000 one-character lines: 3.8 MB a parse).
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.blank || line.to <= resume) continue;
    const tocEnd = tocEnds.get(line.index);
    if (tocEnd !== undefined) {
      tree.block(tocNode(b, lines.slice(line.index, tocEnd + 1)), line);
      continue;
    }
    if (inToc(line.index)) continue;

    let cursor = Math.max(line.from, resume);
    if (title && line.index <= title.lastLine && cursor < titleEnd) {
      cursor = skipSpace(text, emitTitle(b, title, line, tree), line.to);
    }
    const onLine = byLine.get(line.index) ?? NO_HEADINGS;
    // The line's content, cut at the tables that start on it (a flattened form: text, table, text).
    for (;;) {
      const table: TableLayout | undefined = tables[next];
      const to = table && table.start < line.to ? table.start : line.to;
      content(b, tree, line, onLine, cursor, to, itemStarts);
      if (to === line.to) break;
      tree.block(tableNode(b, table!), line);
      next++;
      resume = table!.end;
      if (resume >= line.to) break;
      cursor = skipSpace(text, resume, line.to);
    }
  }
  const { children, data } = tree.finish(fiscalYear);
  return { type: 'report', data: { format: 'text', ...data }, children, position: at.position(0, text.length) };
}

/** The headings and content fragments of `[cursor, to)`, part of one line; returns where it stopped. */
function content(
  b: Builder,
  tree: Assembler,
  line: Line,
  onLine: readonly Heading[],
  cursor: number,
  to: number,
  itemStarts: Set<number>,
): number {
  const text = b.input;
  for (let k = 0; k < onLine.length; k++) {
    const h = onLine[k]!;
    if (h.cand.start < cursor || h.cand.start >= to) continue;
    if (cursor < h.cand.start) tree.emit(fragment(text, line, cursor, h.cand.start, itemStarts));
    const { node, bodyStart } = sectionFor(b, h, Math.min(to, nextHeadingStart(onLine, h)));
    tree.open(node);
    cursor = skipSpace(text, bodyStart, to);
    // A glued heading's body may be inside its title: the body runs in, whatever follows.
    node.runIn = cursor < line.to || h.cand.place === 'glued';
  }
  if (cursor < to) tree.emit(fragment(text, line, cursor, to, itemStarts));
  return to;
}

function fragment(input: string, line: Line, start: number, end: number, items: Set<number>): Fragment {
  return { start, end: trimEnd(input, start, end), line, item: items.has(start) };
}

function emitTitle(b: Builder, title: TitleBlock, line: Line, tree: Assembler): number {
  let end = line.from;
  if (title.stray && title.stray[0] >= line.from && title.stray[1] <= line.to) {
    const [s, e] = title.stray;
    tree.root({ type: 'label', kind: 'chrome', children: b.inline(s, e), position: b.position(s, e) });
    end = e;
  }
  const span = title.spans.find(([s]) => s >= line.from && s <= line.to);
  if (!span) return end;
  // A title over several lines is one node; each of its lines adds a leaf.
  const first = title.spans[0]!;
  if (span === first) {
    const last = title.spans[title.spans.length - 1]!;
    const leaves = title.spans.flatMap(([s, e]) => b.inline(s, e));
    tree.root({ type: 'reportTitle', children: leaves, position: b.position(first[0], last[1]) });
  }
  return span[1];
}

function tocNode(b: Builder, lines: Line[]): FlowContent {
  const content = lines.filter((l) => !l.blank);
  const children = content.flatMap((l) => b.inline(l.from, l.to));
  return { type: 'toc', children, position: b.position(content[0]!.from, content[content.length - 1]!.to) };
}

function groupByLine(headings: Heading[]): Map<number, Heading[]> {
  const map = new Map<number, Heading[]>();
  for (const h of headings) {
    const list = map.get(h.cand.line.index);
    if (list) list.push(h);
    else map.set(h.cand.line.index, [h]);
  }
  return map;
}

function nextHeadingStart(onLine: readonly Heading[], h: Heading): number {
  const i = onLine.indexOf(h);
  return i + 1 < onLine.length ? onLine[i + 1]!.cand.start : h.cand.line.to;
}

/** Builds the section node for a heading; its body is filled in when it closes. */
function sectionFor(b: Builder, h: Heading, limit: number): { node: Section; bodyStart: number } {
  const { cand } = h;
  const input = b.input;
  let titleEnd = trimEnd(input, cand.titleStart, Math.min(cand.titleEnd, limit));
  // A report with no breaks glues a placeholder body to its title: `其他需要说明的问题暂无`.
  if (cand.place === 'glued') titleEnd -= gluedPlaceholder(input.slice(cand.titleStart, titleEnd));
  let bodyStart = titleEnd;
  if (titleEnd < limit && TITLE_DELIMITER.has(input[titleEnd]!)) bodyStart = titleEnd + 1;
  const raw = input.slice(cand.start, cand.end);
  const children: SectionTitle['children'] = [
    { type: 'marker', value: raw, position: b.position(cand.start, cand.end) },
  ];
  pushAll(children, b.inline(cand.titleStart, bodyStart));
  const headEnd = children[children.length - 1]!.position.end.offset;
  const head: SectionTitle = { type: 'sectionTitle', children, position: b.position(cand.start, headEnd) };
  const node: Section = {
    type: 'section',
    depth: h.depth,
    marker: { raw, style: cand.style, ordinal: cand.ordinal },
    runIn: false,
    children: [head],
    position: b.position(cand.start, headEnd),
  };
  return { node, bodyStart };
}

const GLUED_PLACEHOLDER = ['暂无', '無', '无'];

/** Length of a placeholder word ending a glued title, or 0. */
function gluedPlaceholder(title: string): number {
  const word = GLUED_PLACEHOLDER.find((w) => title.endsWith(w) && title.length >= w.length + 4);
  return word ? word.length : 0;
}
