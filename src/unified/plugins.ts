import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { check, type CheckOptions } from '../check/check.js';
import { parse, type ParseOptions } from '../parse.js';
import type { Report } from '../tree/schema.js';

/**
 * A unified parser plugin: `unified().use(jixiaoParse)` reads a report's text into a
 * report tree.
 *
 * @example
 *   const tree = unified().use(jixiaoParse).parse(text)
 */
export const jixiaoParse: Plugin<[ParseOptions?], string, Report> = function (options) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  const self = this as unknown as Processor<Report>;
  self.parser = (document: string) => parse(document, options ?? {});
};

/**
 * A unified lint plugin: runs `check()` on the tree and adds its messages to the file,
 * so vfile-reporter and every unified tool show them unchanged.
 *
 * @example
 *   const file = await unified().use(jixiaoParse).use(jixiaoLint).use(jixiaoStringify).process(text)
 *   console.log(reporter(file))
 */
export const jixiaoLint: Plugin<[CheckOptions?], Report> = function (options) {
  return (tree: Report, file: VFile) => {
    for (const message of check(tree, options ?? {})) {
      message.file = file.path ?? '';
      file.messages.push(message);
    }
  };
};
