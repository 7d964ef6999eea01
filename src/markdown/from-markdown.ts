import { fromMarkdown as mdastFromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { checkTablesFit, parseSettings, type ParseOptions } from '../parse/options.js';
import type { Report } from '../tree/schema.js';
import { fromMdast } from './from-mdast.js';

/**
 * Parses a report written in Markdown into a report tree: `#` headings are sections at the
 * depth their level gives, GFM tables are table nodes, YAML front matter gives the fiscal
 * year; paragraphs, lists and figures are read as `parse` reads text. The same tree as
 * `unified().use(remarkParse).use(remarkJixiao)` (one path: both call `fromMdast`).
 * Positions point into the Markdown. Never throws on any input string; a wrong option is a
 * `JixiaoError` (code `options`).
 *
 * Markdown lives apart from the core (`jixiao`) so that a page which reads text or Word
 * files does not carry micromark (about 20 KB gzip).
 *
 * @example
 *   const tree = fromMarkdown('# 2020年度绩效自评报告\n\n## 一、基本情况\n\n保密\n')
 *   tree.data.format // 'markdown'
 *   tree.children[1].placeholder // 'withheld'
 */
export function fromMarkdown(markdown: string, options?: ParseOptions): Report {
  const settings = parseSettings(options, 'markdown');
  const text = typeof markdown === 'string' ? markdown : String(markdown ?? '');
  checkTablesFit(settings.tables, text);
  // What `unified().use(remarkParse).use(remarkGfm).use(remarkJixiao)` does: remark-parse is one call to
  // mdast-util-from-markdown; of remark-gfm, only tables make a difference to the report tree.
  const mdast = mdastFromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return fromMdast(mdast, text, settings);
}
