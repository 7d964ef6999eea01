import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { check, type CheckOptions } from '../check/check.js';
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
