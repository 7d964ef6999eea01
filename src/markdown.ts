/**
 * jixiao/markdown: reports in Markdown, both ways. `fromMarkdown` reads a Markdown report into
 * the report tree, `toMarkdown` writes a tree back as clean Markdown; `remarkJixiao` and
 * `jixiaoStringify` do the same inside a unified pipeline (remark-parse, remark-stringify).
 *
 * Apart from the core (`jixiao`) because micromark and mdast-util-to-markdown are about 30 KB
 * (gzip) of a browser bundle that a page reading text, Word or PDF files does not need.
 * Browser-safe, like the core.
 */
export { fromMarkdown } from './markdown/from-markdown.js';
export { toMarkdown, STRINGIFY } from './markdown/to-markdown.js';
export {
  toMdast,
  type MarkdownOptions,
  type ToMdastHandle,
  type ToMdastHandlers,
  type ToMdastState,
} from './markdown/to-mdast.js';
export { jixiaoStringify, remarkJixiao } from './unified/markdown-plugins.js';
