/**
 * Character classes used across the parser. Written as code-point tests rather than
 * regular expressions so the hot loops stay allocation-free, and so that CJK
 * characters are never mistaken for word boundaries (the `\W` trap).
 */

/** Exactly what JavaScript's `\s` matches (Unicode White_Space, the BOM and line terminators). */
const SPACE = charSet(
  ' \t\n\v\f\r\u00a0\u3000\ufeff\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f',
);

/**
 * Zero-width characters (U+200B zero-width space, joiners, the word joiner): not white
 * space, so they stay in the leaves like any character, but invisible, so comparisons
 * of what people wrote ({@link squash}) leave them out.
 */
const INVISIBLE = charSet('\u200b\u200c\u200d\u2060');

/** Whether `code` is one of the zero-width characters {@link squash} leaves out. */
export function isInvisible(code: number): boolean {
  return inSet(INVISIBLE, code);
}

/**
 * White space, including the ideographic space U+3000, NBSP and the BOM; not the
 * zero-width space U+200B, which is a format character that a lossless tree keeps.
 */
export function isSpace(code: number): boolean {
  // One bit-table read: the chain of comparisons it replaces ran on every character.
  return ((SPACE[code >>> 5]! >>> (code & 31)) & 1) === 1;
}

/** ASCII or full-width digit. */
export function isDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

/** Value of an ASCII or full-width digit. */
export function digitValue(code: number): number {
  return code >= 0xff10 ? code - 0xff10 : code - 48;
}

/** A CJK ideograph (the unified blocks a report uses). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Index of the first non-space character at or after `from`, or `to`. */
export function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just after the last non-space character before `to`, or `from`. */
export function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** `text` with all white space and zero-width characters removed: for comparing what people write with gaps. */
export function squash(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isSpace(code) && !isInvisible(code)) out += text[i];
  }
  return out;
}

/**
 * A set of characters (BMP code units) as a bit table: membership is two array reads
 * and a shift, with no hashing and no string made. 8 KiB per set.
 */
export type CharSet = Uint32Array;

/**
 * The {@link CharSet} of these characters.
 *
 * @example
 *   const END = charSet('。！？');
 *   inSet(END, '完成。'.charCodeAt(2)) // true
 *   inSet(END, '，'.charCodeAt(0)) // false
 */
export function charSet(chars: string): CharSet {
  const set = new Uint32Array(2048);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    set[c >>> 5]! |= 1 << (c & 31);
  }
  return set;
}

/** True when `code` (a UTF-16 code unit, as `charCodeAt` gives) is in `set`. */
export function inSet(set: CharSet, code: number): boolean {
  return ((set[code >>> 5]! >>> (code & 31)) & 1) === 1;
}

/**
 * Columns `text` (from `from` to `to`, UTF-16 offsets) takes on a terminal or in a
 * monospaced editor: East Asian wide and full-width characters take two, others one.
 *
 * @example
 *   displayWidth('共3个文件') // 9
 *   displayWidth('（一）基本情况', 0, 3) // 6
 */
export function displayWidth(text: string, from = 0, to = text.length): number {
  let width = 0;
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}
