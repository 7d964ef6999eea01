import { charSet, inSet, isSpace, skipSpace } from '../text/chars.js';
import { mayStartMarker, readEnumeration, readMarker, type MarkerMatch } from './markers.js';

function hasText(input: string, from: number, to: number): boolean {
  return skipSpace(input, from, to) < to;
}

/** Characters after which an enumeration marker may start (never after a letter). */
const BOUNDARY = charSet('，,。；;：:、！？!?“"（(【「—');
const LIST_STYLES = new Set(['enumeration', 'arabic-paren', 'circled', 'arabic', 'cjk-paren']);

/**
 * Finds an enumeration inside a paragraph: `一是…二是…三是…`, `（1）…（2）…`,
 * `①…②…`, `1、…2、…`. Items must count up from 1 (or continue the item the paragraph
 * starts with); at least two are needed unless the paragraph itself starts with one.
 *
 * @returns the item markers in order, or `undefined` when the paragraph holds no list
 * @example
 *   const text = '共两项：一是加强理论武装。二是完善机制。';
 *   findEnumeration(text, 0, text.length)?.map((m) => text.slice(m.start, m.end)) // ['一是', '二是']
 */
export function findEnumeration(input: string, from: number, to: number): MarkerMatch[] | undefined {
  const found: MarkerMatch[] = [];
  for (let i = from; i < to; i++) {
    const code = input.charCodeAt(i);
    // Only a numeral, a digit, a bracket or a circled number can start an item.
    if (!mayStartMarker(code)) continue;
    if (i > from) {
      const prev = input.charCodeAt(i - 1);
      if (!inSet(BOUNDARY, prev) && !isSpace(prev)) continue;
    }
    const m = readEnumeration(input, i, to) ?? readMarker(input, i, to);
    if (!m || !LIST_STYLES.has(m.style) || m.level !== 1) continue;
    found.push(m);
    i = m.end - 1;
  }
  if (found.length === 0) return undefined;

  const leading = found[0]!.start === from ? found[0] : undefined;
  let best: MarkerMatch[] | undefined;
  const chains = new Map<string, MarkerMatch[]>();
  for (const m of found) {
    const chain = chains.get(m.style);
    if (chain && m.ordinal === chain[chain.length - 1]!.ordinal + 1) chain.push(m);
    else if (!chain && (m.ordinal === 1 || m === leading)) chains.set(m.style, [m]);
  }
  for (const found of chains.values()) {
    // An item with nothing after its marker (`…二是` at the end of a cut-off page) is not one.
    const chain = found.filter((m, i) => hasText(input, m.end, found[i + 1]?.start ?? to));
    const enough = chain.length >= 2 || (chain.length === 1 && chain[0] === leading);
    if (enough && (!best || chain.length > best.length)) best = chain;
  }
  return best;
}
