import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { check, type CheckOptions } from '../check/check.js';
import type { Root } from 'mdast';
import type { MarkdownOptions } from '../markdown/to-mdast.js';
import { toMarkdown } from '../markdown/to-markdown.js';
import { fromMdast } from '../parse/from-mdast.js';
import { parseSettings, type ParseOptions } from '../parse/options.js';
import { parseWith } from '../parse/parse.js';
import type { Report } from '../tree/schema.js';

/**
 * A unified parser plugin: `unified().use(jixiaoParse)` reads a report's text into a
 * report tree.
 *
 * @example
 *   unified().use(jixiaoParse).parse(text).data.title // '邵东市委统战部整体支出绩效自评报告'
 */
export const jixiaoParse: Plugin<[ParseOptions?], string, Report> = function (options) {
  const self = this as unknown as Processor<Report>;
  const settings = parseSettings(options);
  self.parser = (document: string) => parseWith(document, settings);
};

/**
 * A unified lint plugin: runs `check()` on the tree and adds its messages to the file,
 * so vfile-reporter and every unified tool show them unchanged.
 *
 * @example
 *   const file = await unified().use(jixiaoParse).use(jixiaoLint).use(jixiaoStringify).process(text)
 *   file.messages.map((m) => m.ruleId) // ['no-placeholder-section', 'numbering-style', 'no-empty-annex']
 */
export const jixiaoLint: Plugin<[CheckOptions?], Report> = function (options) {
  return (tree: Report, file: VFile) => {
    for (const message of check(tree, options ?? {})) {
      message.file = file.path ?? '';
      file.messages.push(message);
    }
  };
};

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
 * `parse(markdown, {format: 'markdown'})`, with or without remark-frontmatter. Positions
 * point into the Markdown source. Like remark-gfm, it teaches remark-parse GFM tables
 * (a self-evaluation form is one), so the two paths agree without remark-gfm.
 *
 * @example
 *   const processor = unified().use(remarkParse).use(remarkJixiao)
 *   const report = await processor.run(processor.parse(markdown), new VFile(markdown))
 *   report.data.title // '邵东市委统战部整体支出绩效自评报告'
 */
export const remarkJixiao: Plugin<[ParseOptions?], Root, Report> = function (options) {
  const settings = parseSettings(options);
  // remark-parse reads these lists from the processor's data (remark-gfm adds to them the same way);
  // their types are remark-parse's, which the core does not depend on.
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  return (tree: Root, file: VFile) => fromMdast(tree, file, settings);
};
