import type { Locator } from './position.js';
import type { InlineLeaf, Position } from './schema.js';
import { findTemplateText } from '../outline/template-text.js';
import { isSpace } from '../text/chars.js';

/**
 * Builds leaves over spans of the original input. Every leaf's `value` is exactly
 * `input.slice(start, end)`, so nothing the user wrote is rewritten.
 */
export interface Builder {
  input: string;
  at: Locator;
  position(start: number, end: number): Position;
  /** Text and template leaves covering `[start, end)`, with outer white space left out. */
  inline(start: number, end: number): InlineLeaf[];
}

export function builder(input: string, at: Locator): Builder {
  const position = (start: number, end: number) => at.position(start, end);

  function text(start: number, end: number, out: InlineLeaf[]): void {
    while (start < end && isSpace(input.charCodeAt(start))) start++;
    while (end > start && isSpace(input.charCodeAt(end - 1))) end--;
    if (start < end) out.push({ type: 'text', value: input.slice(start, end), position: position(start, end) });
  }

  return {
    input,
    at,
    position,
    inline(start, end) {
      const out: InlineLeaf[] = [];
      let cursor = start;
      for (const [s, e] of findTemplateText(input.slice(start, end), start)) {
        text(cursor, s, out);
        out.push({ type: 'template', value: input.slice(s, e), position: position(s, e) });
        cursor = e;
      }
      text(cursor, end, out);
      return out;
    },
  };
}
