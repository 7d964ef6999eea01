import type { Formatter } from './types.js';

/**
 * A JSON array with one entry per file: `{file, messages: [{ruleId, severity, line,
 * column, endLine, endColumn, message, url}]}`, or `{file, error: {code, reason},
 * messages: []}`. Written entry by entry as files finish.
 */
export function json(): Formatter {
  let first = true;
  return {
    start: () => '[',
    file(result) {
      const entry = result.ok
        ? { file: result.path, messages: result.messages ?? [] }
        : { file: result.path, error: { code: result.code, reason: result.reason }, messages: [] };
      const text = `${first ? '\n' : ',\n'}${JSON.stringify(entry)}`;
      first = false;
      return text;
    },
    end: () => `${first ? '' : '\n'}]\n`,
  };
}
