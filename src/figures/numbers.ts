import { charSet, digitValue, inSet, isDigit, isSpace } from '../text/chars.js';
import { readCjkNumeral } from '../text/numerals.js';

/** A number as written: Arabic (`1,342.23`, `１２`) or Chinese (`三千二百万`, `壹佰`). */
export interface NumberToken {
  start: number;
  end: number;
  /** Decimal digits without separators or point, and the count of fraction digits:
   * exact, so scaling by 万 never adds float noise. */
  digits: string;
  scale: number;
  /** Chinese numerals can hold 万/亿 themselves (`三千二百万`): already in the value. */
  script: 'arabic' | 'cjk';
}

/** `token × 10^exponent` as the nearest double, computed from the decimal string (1342.23 × 10^4 = 13422300). */
export function valueOf(token: NumberToken, exponent = 0): number {
  return Number(`${token.digits}e${exponent - token.scale}`);
}

const THOUSANDS = new Set([',', '，']);
const GLUED_YEAR = /^(?:19|20)\d\d\s*年/;

/** True when a number may start at `i`: not inside another number or a Latin word. */
export function numberBoundary(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  if (isDigit(prev)) return false;
  // A Latin word runs on into its digits (`A4`, `ICP备…`), but a currency code stands before them (`RMB500`).
  if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122)) return currencyCode(text, i);
  // `1.2024 年`: a list marker glued to a year, not the number 1.2024.
  if ((prev === 0x2e || prev === 0xff0e) && i >= 2 && isDigit(text.charCodeAt(i - 2)))
    return GLUED_YEAR.test(text.slice(i, i + 8));
  return true;
}

const CODES = new Set(['RMB', 'CNY', 'USD', 'HKD']);

/** True when the three capitals before `i` are a currency code standing alone (`RMB500`, not `XRMB500`). */
function currencyCode(text: string, i: number): boolean {
  if (i < 3 || !CODES.has(text.slice(i - 3, i))) return false;
  const before = i > 3 ? text.charCodeAt(i - 4) : 32;
  return !((before >= 65 && before <= 90) || (before >= 97 && before <= 122));
}

/**
 * Reads an Arabic number at `i`: digits (ASCII or full-width), thousands separators
 * between groups of three (`1,342.23`, `1，342.23`), a decimal part.
 *
 * @example
 *   readArabic('共1，342.23万元', 1, 10) // {start: 1, end: 9, digits: '134223', scale: 2, script: 'arabic'}
 */
export function readArabic(text: string, i: number, end: number): NumberToken | undefined {
  if (i >= end || !isDigit(text.charCodeAt(i))) return undefined;
  let j = i;
  let ascii = true;
  while (j < end && isDigit(text.charCodeAt(j))) if (text.charCodeAt(j++) > 57) ascii = false;
  // ASCII digits are their own decimal string; full-width ones are translated.
  let digits = ascii ? text.slice(i, j) : digitsOf(text, i, j);
  // Thousands groups: a separator followed by exactly three digits.
  while (j + 3 < end + 1 && THOUSANDS.has(text[j]!) && digits.length <= 3 + 4 * 3) {
    let k = j + 1;
    while (k < end && isDigit(text.charCodeAt(k)) && k - j <= 4) k++;
    if (k - j - 1 !== 3) break;
    digits += digitsOf(text, j + 1, k);
    j = k;
  }
  let scale = 0;
  const point = text.charCodeAt(j);
  if (j + 1 < end && (point === 0x2e || point === 0xff0e) && isDigit(text.charCodeAt(j + 1))) {
    const from = ++j;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
    digits += digitsOf(text, from, j);
    scale = j - from;
  }
  let zeros = 0;
  while (zeros < digits.length - 1 && digits.charCodeAt(zeros) === 48) zeros++;
  return { start: i, end: j, digits: zeros ? digits.slice(zeros) : digits, scale, script: 'arabic' };
}

/** The decimal digits of `[from, to)`, full-width ones translated. */
function digitsOf(text: string, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) out += digitValue(text.charCodeAt(k));
  return out;
}

/** Reads a Chinese number at `i` (`两`, `十二`, `三千二百万`, `壹佰`, `三点五亿`). */
export function readCjk(text: string, i: number, end: number): NumberToken | undefined {
  const numeral = readCjkNumeral(text, i, end);
  return numeral && { start: i, end: numeral.end, digits: numeral.digits, scale: numeral.scale, script: 'cjk' };
}

/** Reads an Arabic or Chinese number at `i`. */
export function readNumber(text: string, i: number, end: number): NumberToken | undefined {
  return readArabic(text, i, end) ?? readCjk(text, i, end);
}

/**
 * Index after the white space at `i` on the same line, at most `max` characters of it: PDF
 * text spaces figures out (`2022 年  7 月`, `茂财绩函〔2022〕2 号`) but a line break ends them.
 * (`skipSpace` of text/chars.ts, which crosses lines, is for a number and its unit: `0\n万元`.)
 */
export function gapAfter(text: string, i: number, to: number, max: number): number {
  let j = i;
  while (j < to && j - i < max && isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 10) j++;
  return j;
}

/** Index before the white space that ends at `i`, on the same line, at most `max` characters of it. */
export function gapBefore(text: string, i: number, from: number, max: number): number {
  let k = i;
  while (k > from && i - k < max && isSpace(text.charCodeAt(k - 1)) && text.charCodeAt(k - 1) !== 10) k--;
  return k;
}

/** A matcher of words: the first (longest) word `text` has at `i` that ends by `to`. */
export type WordMatcher = (text: string, i: number, to: number) => string | undefined;

const TABLES = new WeakMap<readonly string[], WordMatcher>();

/**
 * A matcher for a list of words (longest first), indexed by first character: one map
 * look-up per position instead of a `startsWith` per word.
 */
export function wordTable(words: readonly string[]): WordMatcher {
  let table = TABLES.get(words);
  if (table) return table;
  const entries = entryTable(words.map((w) => [w, w] as const));
  table = (text, i, to) => entries(text, i, to)?.[1];
  TABLES.set(words, table);
  return table;
}

/**
 * A matcher for `[word, value]` entries (longest word first): the first entry whose word
 * `text` has at `i`, ending by `to` (a figure never reads past its span). Indexed by first
 * character, with a bit table in front, so the common case (no entry starts with this
 * character) costs two array reads and no allocation.
 *
 * @example
 *   const relative = entryTable([['上年', -1], ['今年', 0]]);
 *   relative('今年4月', 0, 4) // ['今年', 0]
 */
export function entryTable<T>(
  entries: ReadonlyArray<readonly [string, T]>,
): (text: string, i: number, to?: number) => readonly [string, T] | undefined {
  const firsts = charSet(entries.map(([w]) => w[0] ?? '').join(''));
  const byFirst = new Map<number, Array<readonly [string, T]>>();
  for (const entry of entries) {
    const list = byFirst.get(entry[0].charCodeAt(0));
    if (list) list.push(entry);
    else byFirst.set(entry[0].charCodeAt(0), [entry]);
  }
  return (text, i, to = text.length) => {
    if (i >= to) return undefined;
    const c = text.charCodeAt(i);
    if (!inSet(firsts, c)) return undefined;
    const list = byFirst.get(c)!;
    for (let k = 0; k < list.length; k++) {
      const entry = list[k]!;
      if (entry[0].length === 1 || (i + entry[0].length <= to && text.startsWith(entry[0], i))) return entry;
    }
    return undefined;
  };
}
