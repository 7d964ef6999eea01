import type { Nodes } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect } from 'vitest';
import type { Report } from '../../src/index.js';
import { ReportSchema } from '../../src/schema.js';

interface AnyNode {
  type: string;
  value?: unknown;
  children?: AnyNode[];
  position: {
    start: { line: number; column: number; offset: number };
    end: { line: number; column: number; offset: number };
  };
}

/** Leaves in document order. */
export function leaves(tree: Report): AnyNode[] {
  const out: AnyNode[] = [];
  const walk = (node: AnyNode) => {
    if (node.children && node.children.length > 0) node.children.forEach(walk);
    else if (!node.children) out.push(node);
  };
  (tree as unknown as AnyNode).children!.forEach(walk);
  return out;
}

/** Line/column of an offset, computed independently of the parser. */
function pointOf(input: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = input[i];
    if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Literal mdast nodes: their spans are content; everything else is Markdown syntax. */
const LITERAL = new Set(['text', 'inlineCode', 'code', 'html', 'definition', 'image', 'imageReference']);

/** Where YAML front matter (a `---` line first, up to the next `---` line) ends, or 0. */
function frontMatterEnd(input: string, from: number): number {
  const lines = input.slice(from).split(/(?<=\r\n|\r|\n)/);
  if (lines.length < 2 || lines[0]!.trimEnd() !== '---' || !/[\r\n]$/.test(lines[0]!)) return 0;
  let offset = from + lines[0]!.length;
  for (const line of lines.slice(1)) {
    if (/^---[ \t]*$/.test(line.replace(/\r?\n$|\r$/, ''))) return offset + line.replace(/\r?\n$|\r$/, '').length;
    offset += line.length;
  }
  return 0;
}

/**
 * Which characters of Markdown are content rather than syntax: those inside the span of a
 * literal mdast node (text, code, HTML, a link definition, an image), or of the YAML
 * front matter. Heading marks, bullets, list numbers, setext underlines, emphasis marks and
 * thematic breaks are syntax. Read with remark-parse alone, independently of jixiao.
 */
function markdownContent(input: string): Uint8Array {
  const content = new Uint8Array(input.length);
  const shift = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontEnd = frontMatterEnd(input, shift);
  content.fill(1, 0, frontEnd);
  const mark = (node: Nodes) => {
    const start = (node.position?.start.offset ?? 0) + shift;
    const end = (node.position?.end.offset ?? 0) + shift;
    if (LITERAL.has(node.type) && start >= frontEnd) content.fill(1, start, end);
    if ('children' in node) node.children.forEach(mark);
  };
  // GFM tables as the core reads them (remark-gfm's tables): pipes and delimiter rows are syntax.
  const processor = unified().use(remarkParse);
  processor.data('micromarkExtensions', [gfmTable()]);
  processor.data('fromMarkdownExtensions', [gfmTableFromMarkdown()]);
  mark(processor.parse(input));
  return content;
}

/** The characters of pipe tables that are separators: `|`, `｜`, `-`, `:` inside a table and outside its cells. */
function separators(input: string, tree: Report): Uint8Array {
  const out = new Uint8Array(input.length);
  const walk = (node: AnyNode) => {
    if (node.type === 'table') {
      const { start, end } = node.position;
      for (let i = start.offset; i < end.offset; i++) if ('|｜-:'.includes(input[i]!)) out[i] = 1;
      for (const row of node.children ?? [])
        for (const cell of row.children ?? []) out.fill(0, cell.position.start.offset, cell.position.end.offset);
      return;
    }
    node.children?.forEach(walk);
  };
  walk(tree as unknown as AnyNode);
  return out;
}

/**
 * What every tree must satisfy: it validates against the root schema; leaves are in order,
 * do not overlap, and together hold every non-white-space character of the input exactly
 * once (for Markdown, `markdown: true`, every character of its content: see
 * `markdownContent`; in a table of text lines, the separators `|` and a GFM delimiter row are
 * syntax, like Markdown's: outside every cell, inside the table); a leaf's `value` is its
 * exact source; every node's position points into the original input with the right line and
 * column.
 */
export function expectValidTree(input: string, tree: Report, { checkColumns = true, markdown = false } = {}): void {
  ReportSchema.parse(tree);
  const list = leaves(tree);
  let cursor = 0;
  const covered = new Uint8Array(input.length);
  for (const leaf of list) {
    const { start, end } = leaf.position;
    expect(start.offset).toBeGreaterThanOrEqual(cursor);
    expect(end.offset).toBeGreaterThanOrEqual(start.offset);
    if (typeof leaf.value === 'string') expect(leaf.value).toBe(input.slice(start.offset, end.offset));
    for (let i = start.offset; i < end.offset; i++) covered[i] = 1;
    cursor = end.offset;
  }
  const content = markdown ? markdownContent(input) : undefined;
  const separator = separators(input, tree);
  for (let i = 0; i < input.length; i++) {
    if (!covered[i] && !/\s/u.test(input[i]!) && (!content || content[i]) && !separator[i]) {
      throw new Error(`character ${JSON.stringify(input[i])} at offset ${i} is in no leaf`);
    }
  }
  if (!checkColumns) return;
  const walk = (node: AnyNode) => {
    for (const p of [node.position.start, node.position.end]) {
      expect(p.offset).toBeLessThanOrEqual(input.length);
      expect({ line: p.line, column: p.column }).toEqual(pointOf(input, p.offset));
    }
    node.children?.forEach(walk);
  };
  walk(tree as unknown as AnyNode);
}
