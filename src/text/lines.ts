import { isSpace, skipSpace, trimEnd } from './chars.js';

/**
 * One physical line of the input. `start`/`end` delimit its content without the line
 * ending; `from`/`to` delimit it without leading and trailing white space
 * (U+3000 indentation, NBSP, tabs, trailing blanks), so nothing is rewritten and
 * every offset still points into the original string.
 */
export interface Line {
  index: number;
  start: number;
  end: number;
  from: number;
  to: number;
  /** True when the line holds nothing but white space. */
  blank: boolean;
  /** True when the line starts with white space (a new paragraph in many reports). */
  indented: boolean;
}

/**
 * Splits the input into lines on `\r\n`, `\r` or `\n`, in one pass.
 *
 * @example
 *   splitLines('一、\r\n　　保密').map((l) => [l.from, l.to]) // [[0, 2], [6, 8]]
 */
export function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const push = (end: number) => {
    const from = skipSpace(input, start, end);
    const to = trimEnd(input, from, end);
    lines.push({
      index: lines.length,
      start,
      end,
      from,
      to,
      blank: from === to,
      indented: from > start && from < end && isSpace(input.charCodeAt(start)),
    });
  };
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(i);
      if (c === 13 && input.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  push(input.length);
  return lines;
}
