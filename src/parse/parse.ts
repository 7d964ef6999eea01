import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { jixiaoError, NOT_A_REPORT } from '../errors.js';
import type { Report } from '../tree/schema.js';
import { fromMdast } from './from-mdast.js';
import { checkTablesFit, parseSettings, type ParseOptions, type ParseSettings } from './options.js';
import { parseText } from './parse-text.js';

export type { ParseOptions } from './options.js';

/**
 * Parses a performance self-evaluation report (plain text, or Markdown with `format`) into
 * a report tree. Never throws on any input string: the tree's leaves cover every
 * non-white-space character of the input exactly once, in order. A wrong option is a
 * `JixiaoError` (code `options`).
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
  const { format } = settings;
  checkTablesFit(settings.tables, text);
  if (format === 'markdown' || (format === 'auto' && LOOKS_LIKE_MARKDOWN.test(text))) {
    // What `unified().use(remarkParse).use(remarkGfm).use(remarkJixiao)` does: remark-parse is one call to
    // `fromMarkdown`; of remark-gfm, only tables make a difference to the report tree.
    return fromMdast(
      fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }),
      text,
      settings,
    );
  }
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

/** ATX headings or YAML front matter at the start (after a byte order mark). */
const LOOKS_LIKE_MARKDOWN = /^\uFEFF?(?:---[ \t]*\r?\n|#{1,6}[ \t])|\n#{1,6}[ \t]/;
