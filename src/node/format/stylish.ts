import type { TaskResult } from '../task.js';
import { paint as style, type Style } from '../terminal.js';
import { escapeControl } from './escape.js';
import type { FormatContext, Formatter } from './types.js';

/**
 * The human format: for each file with something to say, its path, then one line per
 * message `file:line:col  severity  message  rule-id`, then a summary line. Colours on a
 * terminal; report text and file names with control characters escaped.
 */
export function stylish(context: FormatContext): Formatter {
  const { text, color, quiet } = context;
  const paint = (styles: Style | Style[], s: string) => style(color, styles, s);
  return {
    start: () => '',
    file(result: TaskResult) {
      const path = escapeControl(result.path);
      const rows: string[][] = [];
      let head = '';
      if (!result.ok) {
        const reason = text.fileError(result.code, result.reason, context.limits);
        rows.push([`${path}:0:0`, 'error', escapeControl(text.cannotRead(reason)), result.code]);
      } else {
        for (const w of result.warnings ?? []) {
          if (!quiet) rows.push([`${path}:0:0`, 'warning', escapeControl(text.fileWarning(w.code, w.reason)), w.code]);
        }
        for (const m of result.messages ?? []) {
          rows.push([`${path}:${m.line}:${m.column}`, m.severity, escapeControl(m.message), m.ruleId]);
        }
        const fix = result.fix;
        if (fix?.note) head += `${text.fixNote(path, fix.note.code, fix.note.encoding)}\n`;
        else if (fix?.diff) head += colorDiff(fix.diff, color);
        else if (fix?.changed) head += `${paint('green', text.fixed(path, fix.applied))}\n`;
      }
      if (rows.length === 0) return head;
      // A loop, not Math.max(...widths): 150,000 messages would overflow the stack.
      let place = 0;
      for (const r of rows) if (r[0]!.length > place) place = r[0]!.length;
      const lines = rows.map((r) => {
        const word = r[1] === 'error' ? paint('red', text.error) : paint('yellow', text.warning);
        return `  ${r[0]!.padEnd(place)}  ${word}  ${r[2]}  ${paint('dim', r[3]!)}`;
      });
      return `${head}${paint('underline', path)}\n${lines.join('\n')}\n\n`;
    },
    end(summary) {
      const { errors, warnings, unreadable } = summary;
      if (quiet && errors === 0 && unreadable === 0) return '';
      const line = text.summary({ ...summary, quiet });
      const bad = errors > 0 || unreadable > 0 || (!quiet && warnings > 0);
      return `${paint(bad ? ['red', 'bold'] : 'green', line)}\n`;
    },
  };
}

function colorDiff(diff: string, color: boolean): string {
  const safe = diff
    .split('\n')
    .map((line) => escapeControl(line))
    .join('\n');
  const lines = safe
    .split('\n')
    .map((line) =>
      line.startsWith('+') && !line.startsWith('+++')
        ? style(color, 'green', line)
        : line.startsWith('-') && !line.startsWith('---')
          ? style(color, 'red', line)
          : line,
    );
  return lines.join('\n') + (safe.endsWith('\n') ? '' : '\n');
}
