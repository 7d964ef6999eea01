import type { FormatContext, Formatter } from './types.js';

/**
 * A JSON array with one entry per file: `{file, messages: [{ruleId, severity, line,
 * column, endLine, endColumn, message, url}]}`, or `{file, error: {code, reason},
 * messages: []}`; `warnings` for what reading noticed, `fixed` and `diff` with --fix.
 * Written entry by entry as files finish.
 */
export function json(context: FormatContext): Formatter {
  let first = true;
  return {
    start: () => '[',
    file(result) {
      const entry = result.ok
        ? {
            file: result.path,
            messages: result.messages ?? [],
            ...(result.warnings?.length ? { warnings: result.warnings } : {}),
            ...(result.fix ? { fixed: result.fix.applied, ...(result.fix.diff ? { diff: result.fix.diff } : {}) } : {}),
          }
        : {
            file: result.path,
            error: { code: result.code, reason: context.text.fileError(result.code, result.reason, context.limits) },
            messages: [],
          };
      const text = `${first ? '\n' : ',\n'}${JSON.stringify(entry)}`;
      first = false;
      return text;
    },
    end: () => `${first ? '' : '\n'}]\n`,
  };
}
