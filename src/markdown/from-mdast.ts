import type { Heading, List, Root, RootContent, Table } from 'mdast';
import type { VFile } from 'vfile';
import { inferFiscalYear } from '../figures/fiscal-year.js';
import { assembler } from '../outline/assemble.js';
import type { Fragment } from '../outline/blocks.js';
import { readMarker, styleRank } from '../outline/markers.js';
import { squash } from '../text/chars.js';
import type { Line } from '../text/lines.js';
import { pushAll } from '../tree/arrays.js';
import type { Builder } from '../tree/builder.js';
import { locator } from '../tree/position.js';
import type { Report, Section, SectionTitle } from '../tree/schema.js';
import { builder } from '../parse/build.js';
import type { ParseSettings } from '../parse/options.js';
import { parseText } from '../parse/parse-text.js';
import { readYaml, yamlYear } from '../parse/yaml.js';
import type { TableLayout } from '../read/grid.js';
import { tableNode } from '../parse/tables.js';

/** A node of the mdast with the span it covers in the source. */
interface Spanned {
  position?: { start: { offset?: number }; end: { offset?: number } } | undefined;
}

/**
 * Builds the report tree from an mdast tree and the Markdown it was read from: the one
 * Markdown path, behind both `fromMarkdown(markdown)` and
 * `unified().use(remarkParse).use(remarkJixiao)`.
 *
 * `#` headings, with or without Chinese markers, become sections at the depth their level
 * gives (a lone `#` first is the title); a bold lead-in paragraph that starts with a marker
 * is a section deeper than Markdown headings go; lists and paragraphs are read by the same
 * rules as text, so figures, enumerations and placeholders come out the same. Markdown with
 * no headings, lists or front matter (a report pasted as paragraphs) is read as text.
 * YAML front matter is read from the source, with or without remark-frontmatter. Positions
 * point into the Markdown, byte order mark included (micromark counts from after it).
 * GFM tables (remark-gfm's, or `parse`'s own reading) become table nodes; the tables a reader
 * gives (`settings.tables`) take the place of whatever Markdown read in their lines.
 */
export function fromMdast(tree: Root, file: VFile | string, settings: ParseSettings): Report {
  const markdown = typeof file === 'string' ? file : String(file.value ?? '');
  const shift = markdown.charCodeAt(0) === 0xfeff ? 1 : 0;
  const range = (node: Spanned): [number, number] => [
    (node.position?.start.offset ?? 0) + shift,
    (node.position?.end.offset ?? 0) + shift,
  ];
  /** The span of a node's content: a heading without its `#`s, a list item without its bullet. */
  const contentRange = (node: Spanned & { children: Spanned[] }): [number, number] => {
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    return first && last ? [range(first)[0], range(last)[1]] : range(node);
  };

  const yaml = readYaml(markdown, shift);
  // Without remark-frontmatter the front matter is a thematic break and a setext heading:
  // whatever starts inside it is the front matter's.
  const top: RootContent[] = [];
  let spill: [number, number] | undefined;
  for (const node of tree.children) {
    const [start, end] = range(node);
    if (yaml && start < yaml.end) {
      if (end > yaml.end) spill = [yaml.end, end];
      continue;
    }
    // An empty heading (`#` alone) holds no text: nothing to keep but its marks.
    if (node.type === 'heading' && node.children.length === 0) continue;
    top.push(node);
  }
  if (!yaml && !top.some((n) => n.type === 'heading' || n.type === 'list')) {
    // Still Markdown: its leaves hold Markdown source (escapes), which toMarkdown undoes.
    const report = parseText(markdown, settings);
    report.data.format = 'markdown';
    return report;
  }

  const at = locator(markdown);
  const headings = top.filter((n): n is Heading => n.type === 'heading');
  const titleNode = headings[0]?.depth === 1 && !headings.slice(1).some((h) => h.depth === 1) ? headings[0] : undefined;
  const minDepth = headings.reduce((min, h) => (h === titleNode ? min : Math.min(min, h.depth)), 6);

  const titleRange = titleNode && contentRange(titleNode);
  const titleText = titleRange ? markdown.slice(titleRange[0], titleRange[1]).trim() : undefined;
  const fiscalYear =
    (settings.year === undefined ? yamlYear(yaml) : undefined) ?? inferFiscalYear(markdown, titleText, settings.year);
  const b = builder(markdown, at, { figures: settings.figures, ...(fiscalYear ? { year: fiscalYear.year } : {}) });
  const out = assembler(b, titleText, 1);

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

  if (yaml)
    out.root({ type: 'yaml', value: markdown.slice(yaml.start, yaml.end), position: b.position(yaml.start, yaml.end) });
  if (spill) out.emit(fragment(spill[0], spill[1]));

  // Sections deeper than Markdown headings, written as bold lead-ins: depth by marker style.
  let deepest = 0;
  const bold: Array<{ rank: number; depth: number }> = [];

  // A setext heading's span holds the link definitions its paragraph began with, which
  // are nodes of their own before it: a node starts after the one before ends.
  let previousEnd = 0;
  const given = settings.tables ?? [];
  let nextGiven = 0;
  for (let i = 0; i < top.length; i++) {
    const node = top[i]!;
    const [nodeStart, end] = range(node);
    // A reader's tables go where they stand; Markdown nodes inside them are theirs.
    while (nextGiven < given.length && given[nextGiven]!.start < end) {
      const t = given[nextGiven++]!;
      out.block(tableNode(b, t), line(t.start, t.end));
      previousEnd = Math.max(previousEnd, t.end);
    }
    if (end <= previousEnd) continue;
    const start = Math.max(nodeStart, previousEnd);
    previousEnd = end;
    if (node.type === 'table') {
      out.block(tableNode(b, gfmLayout(node, range, start, end)), line(start, end));
      continue;
    }
    if (node === titleNode) {
      const [from, to] = titleRange!;
      out.root({ type: 'reportTitle', children: b.inline(from, to), position: b.position(from, to) });
      continue;
    }
    if (node.type === 'heading') {
      const depth = node.depth - minDepth + 1;
      const [from, to] = contentRange(node);
      out.open(section(b, from, to, start, depth));
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
        out.open(section(b, from + 2, to - 2, from, depth));
        continue;
      }
    }
    if (node.type === 'paragraph' && squash(markdown.slice(start, end)) === '目录' && top[i + 1]?.type === 'list') {
      const list = top[++i] as List;
      const children = b.inline(start, end);
      for (const item of list.children) {
        const [s, e] = contentRange(item);
        pushAll(children, b.inline(s, e));
      }
      previousEnd = range(list)[1];
      out.block({ type: 'toc', children, position: b.position(start, previousEnd) }, line(start, end));
      continue;
    }
    if (node.type === 'list') {
      // Each item is read like a line of text: `一是…`, `（1）…`, `1、…` become list items again.
      // An ordered item's number (`1.`) is content, read as its marker; a bullet is not.
      for (const item of node.children) {
        item.children.forEach((child, k) => {
          const [from, to] = range(child);
          out.emit(fragment(node.ordered && k === 0 ? range(item)[0] : from, to));
        });
      }
      continue;
    }
    if (deepest === 0 && node.type === 'paragraph' && top[i + 1]?.type === 'list') {
      // Before the first section a short line may be a cover field (`单位名称：某局`), but not the
      // lead-in of the list after it (`全年工作：` before `- 一是…`, as toMarkdown writes an enumeration).
      out.block(
        { type: 'paragraph', children: b.prose(start, end), position: b.position(start, end) },
        line(start, end),
      );
      continue;
    }
    out.emit(fragment(start, end));
  }
  for (; nextGiven < given.length; nextGiven++) {
    const t = given[nextGiven]!;
    out.block(tableNode(b, t), line(t.start, t.end));
  }
  const { children, data } = out.finish(fiscalYear);
  return { type: 'report', data: { format: 'markdown', ...data }, children, position: at.position(0, markdown.length) };
}

/** Where a GFM table's rows and cells stand: a cell's content from its first child to its last. */
function gfmLayout(node: Table, range: (node: Spanned) => [number, number], start: number, end: number): TableLayout {
  return {
    source: 'gfm',
    start,
    end,
    align: node.align ?? undefined,
    rows: node.children.map((row) => {
      const [rowStart, rowEnd] = range(row);
      return {
        start: rowStart,
        end: rowEnd,
        cells: row.children.map((cell) => {
          const first = cell.children[0];
          const last = cell.children[cell.children.length - 1];
          const [s, e] = first && last ? [range(first)[0], range(last)[1]] : [range(cell)[0], range(cell)[0]];
          return { start: s, end: e, rowSpan: 1, colSpan: 1 };
        }),
      };
    }),
  };
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
