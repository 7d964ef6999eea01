import type { FigureRefiner } from '../types.js';

const OPEN_QUOTES = new Set(['“', '"', '「', '『', '《', '‘']);
const CLOSE_QUOTES = new Set(['”', '"', '」', '』', '》', '’']);
const MAX_NAME = 8;

/**
 * Drops counts that are slogans or names in quotation marks (`“六个纳入”`, `“三个一批”`):
 * the number names a campaign, it does not count anything.
 */
export const dropQuotedNames: FigureRefiner = {
  name: 'drop-quoted-names',
  refine(found, { text }) {
    return found.filter((f) => {
      if (f.type !== 'count') return true;
      const open = text[f.start - 1];
      if (!open || !OPEN_QUOTES.has(open)) return true;
      for (let i = f.end; i < text.length && i - f.end <= MAX_NAME; i++) if (CLOSE_QUOTES.has(text[i]!)) return false;
      return true;
    });
  },
};
