import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import type { Report } from '../tree/schema.js';
import { toMdast, type MarkdownOptions } from './to-mdast.js';

/**
 * remark-stringify settings chosen so the Markdown of a report reads like the report:
 * `-` bullets, `*` emphasis, fenced code, one space after a bullet, no blank lines
 * inside lists.
 */
export const STRINGIFY: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  incrementListMarker: false,
};

/**
 * Writes a report tree as clean, conventional Markdown through remark-stringify.
 *
 * @example
 *   toMarkdown(parse(seed)).split('\n')[2] // '# 邵东市委统战部整体支出绩效自评报告'
 */
export function toMarkdown(tree: Report, options: MarkdownOptions = {}): string {
  const processor = unified().use(remarkFrontmatter, ['yaml']).use(remarkStringify, STRINGIFY);
  return unescapeSafe(processor.stringify(toMdast(tree, options)));
}

/**
 * remark-stringify escapes every `[` and `<`; in a report they are document numbers
 * (`邵东办字[2020]41号`) and book titles (`<…实施方案>`). jixiao writes no links or link
 * definitions, so `[` is literal unless its `]` is followed by `(`, `[` or `:`, and
 * `<` before a non-ASCII letter cannot start a tag or an autolink.
 */
function unescapeSafe(markdown: string): string {
  return markdown.replace(/\\\[([^\]\n]*)\](?![([:])/g, '[$1]').replace(/\\<(?![A-Za-z/!?])/g, '<');
}
