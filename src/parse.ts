import { defaultFigureConfig } from './figures/config.js';
import { inferFiscalYear } from './figures/fiscal-year.js';
import type { FigureConfig } from './figures/types.js';
import { bodyBlocks, frontBlocks, type Fragment } from './outline/blocks.js';
import { findCandidates } from './outline/candidates.js';
import { findTitle, findTocs, type TitleBlock } from './outline/front-matter.js';
import { placeholderKind } from './outline/placeholders.js';
import { decideHeadings, type Heading } from './outline/sequence.js';
import { isSpace, skipSpace } from './text/chars.js';
import { splitLines, type Line } from './text/lines.js';
import { builder, type Builder } from './tree/build.js';
import { locator } from './tree/position.js';
import type { FlowContent, Report, ReportData, Section, SectionTitle } from './tree/schema.js';

/** Options for {@link parse}. */
export interface ParseOptions {
  /** Reserved for the input format; plain text is the default. */
  format?: 'text';
  /** The report's fiscal year, when the caller knows it better than the text says. */
  year?: number;
  /** Figure recognisers (see `defaultFigureConfig()`), or `false` to leave figures as plain text. */
  figures?: FigureConfig | false;
}

/** Punctuation that closes a run-in title and belongs to the heading, not the body. */
const TITLE_DELIMITER = new Set([...'。：:，,；;、．.']);

/**
 * Parses a performance self-evaluation report (plain text) into a report tree.
 * Never throws: any string, however malformed, gives a tree whose leaves cover every
 * non-white-space character of the input exactly once, in order.
 *
 * @example
 *   const tree = parse('一、部门（单位）基本概况\n\n保密\n')
 *   tree.children[0].type // 'section'
 *   tree.children[0].placeholder // 'withheld'
 */
export function parse(input: string, options: ParseOptions = {}): Report {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const at = locator(text);
  const lines = splitLines(text);

  const title = findTitle(text, lines);
  const titleText = title ? title.spans.map(([s, e]) => text.slice(s, e).trim()).join('') : undefined;
  const fiscalYear = inferFiscalYear(text, titleText, options.year);
  const figures = options.figures === undefined ? defaultFigureConfig() : options.figures;
  const b = builder(text, at, { figures, ...(fiscalYear ? { year: fiscalYear.year } : {}) });
  const tocs = findTocs(text, lines, titleText);
  const titleEnd = title ? title.spans[title.spans.length - 1]![1] : 0;
  const inToc = (line: number) => tocs.some(([a, z]) => line >= a && line <= z);
  const lineOf = lineFinder(lines);
  const taken = (offset: number) => offset < titleEnd || inToc(lineOf(offset));

  const candidates = findCandidates(text, lines, taken);
  const { headings, items } = decideHeadings(candidates);
  const itemStarts = new Set(items.map((c) => c.start));

  // Walk the lines once, cutting them into title, table of contents, headings and content.
  const root: FlowContent[] = [];
  const data: ReportData = { fields: [] };
  // `glued`: the heading's title runs into its body with no break, so an empty body is unknown.
  const open: Array<{ section: Section; fragments: Fragment[]; glued: boolean }> = [];
  let front: Fragment[] = [];
  let frontDone = false;
  const byLine = groupByLine(headings);

  const container = () => open[open.length - 1];
  const emit = (f: Fragment) => (container() ? container()!.fragments.push(f) : front.push(f));

  for (const line of lines) {
    if (line.blank) continue;
    const toc = tocs.find(([a]) => a === line.index);
    if (toc) {
      root.push(tocNode(b, lines.slice(toc[0], toc[1] + 1)));
      continue;
    }
    if (inToc(line.index)) continue;

    let cursor = line.from;
    if (title && line.index <= title.lastLine && cursor < titleEnd) {
      cursor = emitTitle(b, title, line, root);
      cursor = skipSpace(text, cursor, line.to);
    }
    for (const h of byLine.get(line.index) ?? []) {
      if (h.cand.start < cursor) continue;
      if (cursor < h.cand.start) emit(fragment(text, line, cursor, h.cand.start, itemStarts));
      if (!frontDone) {
        root.push(...frontBlocks(b, front, titleText, title?.lastLine ?? -1));
        front = [];
        frontDone = true;
      }
      const next = nextHeadingStart(byLine.get(line.index)!, h);
      const { node, bodyStart } = sectionFor(b, h, next);
      while (open.length > 0 && open[open.length - 1]!.section.depth >= h.depth) close(open.pop()!);
      const parent = container();
      (parent ? parent.section.children : root).push(node);
      open.push({ section: node, fragments: [], glued: h.cand.place === 'glued' });
      cursor = skipSpace(text, bodyStart, line.to);
      node.runIn = cursor < line.to;
    }
    if (cursor < line.to) emit(fragment(text, line, cursor, line.to, itemStarts));
  }
  while (open.length > 0) close(open.pop()!);
  if (!frontDone) root.push(...frontBlocks(b, front, titleText, title?.lastLine ?? -1));

  if (titleText) data.title = titleText;
  if (fiscalYear) data.fiscalYear = fiscalYear;
  for (const node of root) {
    if (node.type === 'label' && node.kind === 'attachment' && !data.attachment) data.attachment = labelText(node);
    if (node.type === 'label' && node.kind === 'subtitle' && !data.subtitle) data.subtitle = labelText(node);
    if (node.type === 'field') data.fields.push({ key: node.key, value: node.value });
  }
  root.sort((x, y) => x.position.start.offset - y.position.start.offset);
  return { type: 'report', data, children: root, position: at.position(0, text.length) };

  function close(entry: { section: Section; fragments: Fragment[]; glued: boolean }): void {
    const { section, fragments } = entry;
    const blocks = bodyBlocks(b, fragments);
    // Body blocks come before any subsection: they were all written before it.
    const subsections = section.children.slice(1);
    section.children.splice(1, subsections.length, ...blocks, ...subsections);
    if (blocks.length > 0 || !entry.glued) markPlaceholder(b, section, blocks, subsections.length);
    const last = section.children[section.children.length - 1]!;
    section.position = b.position(section.position.start.offset, last.position.end.offset);
  }
}

function labelText(node: { children: Array<{ value: string }> }): string {
  return node.children.map((c) => c.value).join('');
}

function fragment(input: string, line: Line, start: number, end: number, items: Set<number>): Fragment {
  while (end > start && isSpace(input.charCodeAt(end - 1))) end--;
  return { start, end, line, item: items.has(start) };
}

function emitTitle(b: Builder, title: TitleBlock, line: Line, root: FlowContent[]): number {
  let end = line.from;
  if (title.stray && title.stray[0] >= line.from && title.stray[1] <= line.to) {
    const [s, e] = title.stray;
    root.push({ type: 'label', kind: 'chrome', children: b.inline(s, e), position: b.position(s, e) });
    end = e;
  }
  const span = title.spans.find(([s]) => s >= line.from && s <= line.to);
  if (!span) return end;
  const existing = root.find((n) => n.type === 'reportTitle');
  const leaves = b.inline(span[0], span[1]);
  if (existing && existing.type === 'reportTitle') {
    existing.children.push(...leaves);
    existing.position = b.position(existing.position.start.offset, span[1]);
  } else {
    root.push({ type: 'reportTitle', children: leaves, position: b.position(span[0], span[1]) });
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

function nextHeadingStart(onLine: Heading[], h: Heading): number {
  const i = onLine.indexOf(h);
  return i + 1 < onLine.length ? onLine[i + 1]!.cand.start : h.cand.line.to;
}

/** Builds the section node for a heading; its body is filled in when it closes. */
function sectionFor(b: Builder, h: Heading, limit: number): { node: Section; bodyStart: number } {
  const { cand } = h;
  const input = b.input;
  let titleEnd = Math.min(cand.titleEnd, limit);
  while (titleEnd > cand.titleStart && isSpace(input.charCodeAt(titleEnd - 1))) titleEnd--;
  // A report with no breaks glues a placeholder body to its title: `其他需要说明的问题暂无`.
  if (cand.place === 'glued') titleEnd -= gluedPlaceholder(input.slice(cand.titleStart, titleEnd));
  let bodyStart = titleEnd;
  if (titleEnd < limit && TITLE_DELIMITER.has(input[titleEnd]!)) bodyStart = titleEnd + 1;
  const raw = input.slice(cand.start, cand.end);
  const children: SectionTitle['children'] = [{ type: 'marker', value: raw, position: b.position(cand.start, cand.end) }];
  children.push(...b.inline(cand.titleStart, bodyStart));
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

/**
 * Marks a section whose whole body is a placeholder (`保密`, `无`, `略`, template
 * instructions) or is empty. A parent whose content is all in its subsections is not
 * empty.
 */
function markPlaceholder(b: Builder, section: Section, all: FlowContent[], subsections: number): void {
  if (subsections > 0) return;
  // Comments (directives) are not content.
  const blocks = all.filter((n) => n.type !== 'html');
  if (blocks.length === 0) {
    section.placeholder = 'empty';
    return;
  }
  if (blocks.length !== 1 || blocks[0]!.type !== 'paragraph') {
    if (blocks.every(isTemplateOnly)) section.placeholder = 'template';
    return;
  }
  const block = blocks[0]!;
  const start = block.position.start.offset;
  const end = block.position.end.offset;
  const kind = placeholderKind(b.input.slice(start, end));
  if (kind) {
    section.placeholder = kind;
    section.children[section.children.indexOf(block)] = { type: 'placeholder', kind, value: b.input.slice(start, end), position: block.position };
  } else if (isTemplateOnly(block)) {
    section.placeholder = 'template';
  }
}

function isTemplateOnly(block: FlowContent): boolean {
  if (block.type !== 'paragraph') return false;
  return block.children.every(
    (c) => c.type === 'template' || (c.type === 'text' && /^[\s。，,；;：:.、]*$/.test(c.value)),
  );
}

/** Finds the line holding an offset by binary search over line starts. */
function lineFinder(lines: Line[]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}
