import { isAbsolute, relative, sep } from 'node:path';
import type { TaskResult } from '../task.js';
import { SarifLog } from './sarif-log.js';
import type { FormatContext, Formatter } from './types.js';

/** A file's path relative to the working folder, as the names of its folders and its own. */
function segments(path: string, cwd: string): string[] {
  return (isAbsolute(path) ? relative(cwd, path) : path).split(sep);
}

/**
 * SARIF 2.1.0, for code-scanning dashboards: one run, the rules with their help
 * links, one result per message, and files that could not be read as tool execution
 * notifications. Paths are relative to the working folder. Written at the end (SARIF is
 * one JSON document).
 */
export function sarif(context: FormatContext): Formatter {
  const { version, cwd, text } = context;
  const log = new SarifLog();
  return {
    start: () => '',
    file(result: TaskResult) {
      if (!result.ok) {
        const reason = text.cannotRead(text.fileError(result.code, result.reason, context.limits));
        log.unreadable(segments(result.path, cwd), result.code, reason);
        return '';
      }
      log.messages(segments(result.path, cwd), result.messages ?? []);
      return '';
    },
    end: () => log.toString(version),
  };
}
