import { jixiaoError, NOT_A_REPORT } from '../errors.js';
import type { Report } from '../tree/schema.js';
import { checkTablesFit, parseSettings, type ParseOptions, type ParseSettings } from './options.js';
import { parseText } from './parse-text.js';

export type { ParseOptions } from './options.js';

/**
 * Parses a performance self-evaluation report's plain text into a report tree (Markdown:
 * `fromMarkdown` from `jixiao/markdown`). Never throws on any input string: the tree's leaves
 * cover every non-white-space character of the input exactly once, in order. A wrong option
 * is a `JixiaoError` (code `options`).
 *
 * @example
 *   const tree = parse('一、部门（单位）基本概况\n\n保密\n')
 *   tree.children[0].type // 'section'
 *   tree.children[0].placeholder // 'withheld'
 */
export function parse(input: string, options?: ParseOptions): Report {
  return parseWith(input, parseSettings(options));
}

/** {@link parse} with options checked already (by `check`, `extract` or a plugin). */
export function parseWith(input: string, settings: ParseSettings): Report {
  const text = typeof input === 'string' ? input : String(input ?? '');
  checkTablesFit(settings.tables, text);
  return parseText(text, settings);
}

/**
 * The report a function of the API was given: a tree as it is, or text parsed with
 * `settings`. Anything else is a `JixiaoError` (code `options`) rather than a crash later.
 */
export function reportOf(treeOrText: Report | string, settings: ParseSettings): Report {
  if (typeof treeOrText === 'string') return parseWith(treeOrText, settings);
  if (typeof treeOrText === 'object' && treeOrText !== null && treeOrText.type === 'report') return treeOrText;
  throw jixiaoError(NOT_A_REPORT, { got: treeOrText });
}
