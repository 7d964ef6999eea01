import type { Formatter } from './types.js';

/**
 * The human format: one line per message, `file:line:col  severity  message  rule-id`,
 * grouped by file, then a summary line. A file that could not be read gets one line
 * with its reason code.
 */
export function stylish(): Formatter {
  return {
    start: () => '',
    file(result) {
      if (!result.ok)
        return `${result.path}\n  ${result.path}:0:0  error  cannot read: ${result.reason}  ${result.code}\n\n`;
      const messages = result.messages ?? [];
      if (messages.length === 0) return '';
      const rows = messages.map((m) => [`${result.path}:${m.line}:${m.column}`, m.severity, m.message, m.ruleId]);
      const width = [0, 1].map((i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), 0));
      return `${result.path}\n${rows.map((r) => `  ${r[0]!.padEnd(width[0]!)}  ${r[1]!.padEnd(width[1]!)}  ${r[2]}  ${r[3]}`).join('\n')}\n\n`;
    },
    end({ files, errors, warnings, unreadable }) {
      const problems = errors + warnings;
      const parts = [
        `${files} file${files === 1 ? '' : 's'} checked`,
        `${errors} error${errors === 1 ? '' : 's'}`,
        `${warnings} warning${warnings === 1 ? '' : 's'}`,
      ];
      if (unreadable) parts.push(`${unreadable} file${unreadable === 1 ? '' : 's'} could not be read`);
      return `${problems || unreadable ? '✖' : '✔'} ${parts.join(', ')}\n`;
    },
  };
}
