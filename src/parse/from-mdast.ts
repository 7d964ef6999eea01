import type { Heading, List, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultFigureConfig } from '../figures/config.js';
import { inferFiscalYear } from '../figures/fiscal-year.js';
import { assembler } from '../outline/assemble.js';
import type { Fragment } from '../outline/blocks.js';
import { readMarker, styleRank } from '../outline/markers.js';
import { squash } from '../text/chars.js';
import type { Line } from '../text/lines.js';
import { builder } from './build.js';
import type { Builder } from '../tree/builder.js';
import { locator } from '../tree/position.js';
import type { FiscalYear, Report, Section, SectionTitle } from '../tree/schema.js';
import type { ParseOptions } from './parse.js';
import { pushAll } from '../tree/arrays.js';

/** Reads Markdown into mdast: CommonMark plus YAML front matter. */
export function markdownToMdast(markdown: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown);
}

/**
 * True when Markdown input has Markdown structure (headings, lists or front matter).
 * A report pasted as plain paragraphs has none, and the text rules read it better.
 */
export function usesHeadings(mdast: Root): boolean {
  return mdast.children.some((n) => n.type === 'heading' || n.type === 'list' || n.type === 'yaml');
}

/**
 * Builds the report tree from Markdown: `#` headings, with or without Chinese
 * markers, become sections at the depth their level gives (the title `#` aside); a
 * bold lead-in paragraph that starts with a marker is a section deeper than Markdown
 * headings go; lists and paragraphs are read by the same rules as text, so figures,
 * enumerations and placeholders come out the same. Positions point into the Markdown.
 */
export function fromMarkdown(markdown: string, mdast: Root, options: ParseOptions): Report {
  const at = locator(markdown);
  const top = mdast.children;
  const headingsOf = top.filter((n): n is Heading => n.type === 'heading');
  const titleNode =
    headingsOf[0]?.depth === 1 && !headingsOf.slice(1).some((h) => h.depth === 1) ? headingsOf[0] : undefined;
  const sectionHeadings = headingsOf.filter((h) => h !== titleNode);
  const minDepth = sectionHeadings.reduce((min, h) => Math.min(min, h.depth), 6);

  const titleRange = titleNode && contentRange(titleNode);
  const titleText = titleRange ? markdown.slice(titleRange[0], titleRange[1]).trim() : undefined;
  const yaml = top.find((n) => n.type === 'yaml');
  const fiscalYear =
    (options.year === undefined ? yearFromFrontmatter(yaml && 'value' in yaml ? String(yaml.value) : '') : undefined) ??
    inferFiscalYear(markdown, titleText, options.year);
  const figures = options.figures === undefined ? defaultFigureConfig() : options.figures;
  const b = builder(markdown, at, { figures, ...(fiscalYear ? { year: fiscalYear.year } : {}) });
  const tree = assembler(b, titleText, 1);

  let lineIndex = 0;
  // Each Markdown block is its own paragraph: synthetic lines two apart never join.
  const line = (start: number, end: number): Line => ({
    index: (lineIndex += 2),
    start,
    end,
    from: start,
    to: end,
    blank: false,
    indented: false,
  });
  const fragment = (start: number, end: number): Fragment => ({ start, end, line: line(start, end), item: false });

  // Sections deeper than Markdown headings, written as bold lead-ins: depth by marker style.
  let deepest = 0;
  const bold: Array<{ rank: number; depth: number }> = [];

  for (let i = 0; i < top.length; i++) {
    const node = top[i]!;
    const [start, end] = range(node);
    if (node === titleNode) {
      tree.root({
        type: 'reportTitle',
        children: b.inline(titleRange![0], titleRange![1]),
        position: b.position(titleRange![0], titleRange![1]),
      });
      continue;
    }
    if (node.type === 'yaml') {
      tree.root({ type: 'yaml', value: markdown.slice(start, end), position: b.position(start, end) });
      continue;
    }
    if (node.type === 'heading') {
      const depth = node.depth - minDepth + 1;
      const [from, to] = contentRange(node);
      tree.open(section(b, from, to, start, depth));
      deepest = depth;
      bold.length = 0;
      continue;
    }
    if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'strong') {
      const [from, to] = range(node.children[0]!);
      const marker = readMarker(markdown, from + 2, to - 2);
      if (marker && deepest > 0) {
        const rank = styleRank(marker.style, marker.level);
        while (bold.length > 0 && bold[bold.length - 1]!.rank >= rank) bold.pop();
        const depth = (bold[bold.length - 1]?.depth ?? deepest) + 1;
        bold.push({ rank, depth });
        tree.open(section(b, from + 2, to - 2, from, depth));
        continue;
      }
    }
    if (node.type === 'paragraph' && squash(markdown.slice(start, end)) === '目录' && top[i + 1]?.type === 'list') {
      const list = top[++i] as List;
      const entries = list.children.map((item) => contentRange(item));
      const children = [...b.inline(start, end), ...entries.flatMap(([s, e]) => b.inline(s, e))];
      tree.block({ type: 'toc', children, position: b.position(start, range(list)[1]) }, line(start, end));
      continue;
    }
    if (node.type === 'list') {
      // Each item is read like a line of text: `一是…`, `（1）…`, `1、…` become list items again.
      for (const item of node.children) {
        for (const child of item.children) {
          const [from, to] = range(child);
          tree.emit(fragment(from, to));
        }
      }
      continue;
    }
    tree.emit(fragment(start, end));
  }
  const { children, data } = tree.finish(fiscalYear);
  return { type: 'report', data: { format: 'markdown', ...data }, children, position: at.position(0, markdown.length) };
}

function section(b: Builder, from: number, to: number, start: number, depth: number): Section {
  const input = b.input;
  const marker = readMarker(input, from, to);
  const children: SectionTitle['children'] = [];
  let titleStart = from;
  if (marker) {
    children.push({
      type: 'marker',
      value: input.slice(marker.start, marker.end),
      position: b.position(marker.start, marker.end),
    });
    titleStart = marker.end;
  }
  pushAll(children, b.inline(titleStart, to));
  const headEnd = children[children.length - 1]?.position.end.offset ?? to;
  const headStart = children[0]?.position.start.offset ?? from;
  return {
    type: 'section',
    depth,
    marker: marker
      ? { raw: input.slice(marker.start, marker.end), style: marker.style, ordinal: marker.ordinal }
      : { raw: '', style: 'none', ordinal: 0 },
    runIn: false,
    children: [{ type: 'sectionTitle', children, position: b.position(headStart, headEnd) }],
    position: b.position(Math.min(start, headStart), headEnd),
  };
}

function range(
  node: RootContent | { position?: { start: { offset?: number }; end: { offset?: number } } },
): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** The span of a node's content: a heading without its `#`s, a list item without its bullet. */
function contentRange(
  node:
    | ({ children: Array<{ position?: { start: { offset?: number }; end: { offset?: number } } }> } & RootContent)
    | ({ children: RootContent[] } & object),
): [number, number] {
  const children = (
    node as { children: Array<{ position?: { start: { offset?: number }; end: { offset?: number } } }> }
  ).children;
  const first = children[0];
  const last = children[children.length - 1];
  if (!first || !last) return range(node as RootContent);
  return [first.position?.start.offset ?? 0, last.position?.end.offset ?? 0];
}

function yearFromFrontmatter(yaml: string): FiscalYear | undefined {
  const m = /^fiscalYear:\s*((?:19|20)\d\d)\s*$/m.exec(yaml);
  return m ? { year: Number(m[1]), source: 'frontmatter', evidence: m[0] } : undefined;
}
