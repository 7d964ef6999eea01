import type { FormatContext, Formatter } from './types.js';

/** Escapes a workflow command's data and properties (GitHub Actions rules). */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: `::error file=…,line=…,col=…,title=rule-id::message`. */
export function github(context: FormatContext): Formatter {
  const { text } = context;
  return {
    start: () => '',
    file(result) {
      if (!result.ok) {
        const reason = text.fileError(result.code, result.reason, context.limits);
        return `::error file=${property(result.path)},title=${property(result.code)}::${data(text.cannotRead(reason))}\n`;
      }
      return (result.messages ?? [])
        .map((m) => {
          const where = `file=${property(result.path)},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${property(m.ruleId)}`;
          return `::${m.severity === 'error' ? 'error' : 'warning'} ${where}::${data(m.message)}\n`;
        })
        .join('');
    },
    end: () => '',
  };
}
