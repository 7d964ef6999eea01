import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { fromMdast } from '../markdown/from-mdast.js';
import type { MarkdownOptions } from '../markdown/to-mdast.js';
import { toMarkdown } from '../markdown/to-markdown.js';
import { parseSettings, type ParseOptions } from '../parse/options.js';
import type { Report } from '../tree/schema.js';

/**
 * A unified compiler plugin: writes the report tree as Markdown (see `toMarkdown`).
 *
 * @example
 *   String(await unified().use(jixiaoParse).use(jixiaoStringify).process('一、基本情况\n保密')) // '## 一、基本情况\n\n保密\n'
 */
export const jixiaoStringify: Plugin<[MarkdownOptions?], Report, string> = function (options) {
  const self = this as unknown as Processor<undefined, undefined, undefined, Report, string>;
  self.compiler = (tree) => toMarkdown(tree as Report, options ?? {});
};

/**
 * A remark plugin: turns the mdast tree from remark-parse into a report tree, so
 * `unified().use(remarkParse).use(remarkJixiao)` reads Markdown reports: the same tree as
 * `fromMarkdown(markdown)`, with or without remark-frontmatter. Positions
 * point into the Markdown source. Like remark-gfm, it teaches remark-parse GFM tables
 * (a self-evaluation form is one), so the two paths agree without remark-gfm.
 *
 * @example
 *   const processor = unified().use(remarkParse).use(remarkJixiao)
 *   const report = await processor.run(processor.parse(markdown), new VFile(markdown))
 *   report.data.title // '邵东市委统战部整体支出绩效自评报告'
 */
export const remarkJixiao: Plugin<[ParseOptions?], Root, Report> = function (options) {
  const settings = parseSettings(options, 'markdown');
  // remark-parse reads these lists from the processor's data (remark-gfm adds to them the same way);
  // their types are remark-parse's, which the core does not depend on.
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  return (tree: Root, file: VFile) => fromMdast(tree, file, settings);
};
