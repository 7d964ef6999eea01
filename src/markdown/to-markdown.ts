import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown as mdastToMarkdown, type Options as StringifyOptions } from 'mdast-util-to-markdown';
import type { Report } from '../tree/schema.js';
import { toMdast, type MarkdownOptions } from './to-mdast.js';

/**
 * The settings Markdown is written with (mdast-util-to-markdown's, as remark-stringify
 * takes them), chosen so the Markdown of a report reads like the report: `-` bullets,
 * `*` emphasis, fenced code, one space after a bullet, no blank lines inside lists. YAML
 * front matter is written between `---` fences, and a line starting with `--` is escaped
 * so it cannot read as one (what remark-frontmatter adds). Tables are written as GFM tables
 * (what remark-gfm adds), so the Markdown must be read with GFM tables to get them back.
 */
export const STRINGIFY: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  incrementListMarker: false,
  handlers: { yaml: (node) => `---${node.value ? `\n${node.value}` : ''}\n---` },
  unsafe: [{ atBreak: true, character: '-', after: '-' }],
  extensions: [/* @__PURE__ */ gfmTableToMarkdown()],
};

/**
 * Writes a report tree as clean, conventional Markdown: {@link toMdast}, then
 * mdast-util-to-markdown (the serializer remark-stringify is one call to).
 *
 * @example
 *   toMarkdown(parse(seed)).split('\n')[2] // '# 邵东市委统战部整体支出绩效自评报告'
 */
export function toMarkdown(tree: Report, options: MarkdownOptions = {}): string {
  return unescapeSafe(mdastToMarkdown(toMdast(tree, options), STRINGIFY));
}

/**
 * mdast-util-to-markdown escapes every `[` and `<`; in a report they are document numbers
 * (`邵东办字[2020]41号`) and book titles (`<…实施方案>`). jixiao writes no links or link
 * definitions, so `[` is literal unless its `]` is followed by `(`, `[` or `:`, and
 * `<` before a non-ASCII letter cannot start a tag or an autolink.
 */
function unescapeSafe(markdown: string): string {
  return markdown.replace(/\\\[([^\]\n]*)\](?![([:])/g, '[$1]').replace(/\\<(?![A-Za-z/!?])/g, '<');
}
