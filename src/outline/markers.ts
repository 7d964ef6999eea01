import { charSet, digitValue, inSet, isDigit, isHan, skipSpace } from '../text/chars.js';
import { CJK_ORDINAL_CHARS, isCjkOrdinalChar, isCjkOrdinalCode, parseCjkNumber } from '../text/numerals.js';
import type { MarkerStyle } from '../tree/schema.js';

/** A marker found in the text: `[start, end)` is exactly the marker as written. */
export interface MarkerMatch {
  start: number;
  end: number;
  style: MarkerStyle;
  ordinal: number;
  /** Components of a decimal marker (`1.2` → 2); 1 otherwise. */
  level: number;
}

/**
 * Rank of each heading style in the standard order (GB/T 9704: 一、 → （一） → 1. →
 * （1）, with ① as a common fifth level). Decimal markers rank just below `1.`, one
 * step per component.
 */
export function styleRank(style: MarkerStyle, level = 1): number {
  switch (style) {
    case 'part':
      return 0;
    case 'cjk':
      return 1;
    case 'cjk-paren':
      return 2;
    case 'arabic':
      return 3;
    case 'decimal':
      return 3 + (level - 1) * 0.1;
    case 'arabic-paren':
      return 4;
    case 'circled':
      return 5;
    case 'enumeration':
      return 6;
    case 'none':
      return 7;
  }
}

/** ① … ⑳ */
const CIRCLED_FIRST = 0x2460;
const CIRCLED_LAST = 0x2473;
/** ㈠ … ㈩ (parenthesised ideographs) */
const PAREN_IDEOGRAPH_FIRST = 0x3220;
const PAREN_IDEOGRAPH_LAST = 0x3229;
const OPEN_CHARS = '（(';
const OPEN = new Set([...OPEN_CHARS]);
const CLOSE = new Set(['）', ')']);
const CJK_SEPARATOR = new Set(['、', '.', '．']);
/** `一、二类`, `一、二级`, `一、二、三等`: a series of numerals, not a marker. */
const SERIES_END = new Set([...'、.．类級级等档星期批']);
const ARABIC_SEPARATOR = new Set(['.', '．', '、']);
/** Characters that, right after `1.5`, make it a number rather than a heading `1.5标题`. */
// Only units a decimal number takes: `1.1部门职责` is a heading even though 部 can count things.
const NUMBER_FOLLOWERS = new Set([...'万亿元千百%％‰个人次倍岁米吨亩天年月日周时分秒公斤克升度平立']);
const MAX_ORDINAL_DIGITS = 2;
/** `九十九` at most: a longer run of numerals (`一二三四`) is not an ordinal. */
const MAX_CJK_ORDINAL = 3;
/** `1.2.3.4.5` at most (GB/T 1.1 numbers clauses five deep). */
const MAX_DECIMAL_LEVELS = 5;
/** `第一百零一部分` at most. */
const MAX_PART_NUMERAL = 5;
const YEAR_DIGITS = 4;

/**
 * Reads a heading or list marker at `i` (`一、`, `（一）`, `1.`, `1、`, `（1）`, `1)`, `①`,
 * `㈠`, `第一部分`, `1.2`), or returns `undefined`. Only the marker's own shape is
 * judged here; whether it heads a section is decided from its context later. A number
 * (`1.5万元`) is no marker.
 *
 * @example
 *   readMarker('（三）疫情防控', 0, 8) // {start: 0, end: 3, style: 'cjk-paren', ordinal: 3, level: 1}
 *   readMarker('1.5万元', 0, 5) // undefined
 */
export function readMarker(text: string, i: number, end: number): MarkerMatch | undefined {
  if (i >= end) return undefined;
  const ch = text[i]!;
  const code = text.charCodeAt(i);

  if (code >= CIRCLED_FIRST && code <= CIRCLED_LAST) {
    return { start: i, end: i + 1, style: 'circled', ordinal: code - CIRCLED_FIRST + 1, level: 1 };
  }
  if (code >= PAREN_IDEOGRAPH_FIRST && code <= PAREN_IDEOGRAPH_LAST) {
    return { start: i, end: i + 1, style: 'cjk-paren', ordinal: code - PAREN_IDEOGRAPH_FIRST + 1, level: 1 };
  }
  if (OPEN.has(ch)) return readParenthesised(text, i, end);
  if (ch === '第') return readPart(text, i, end);
  if (isCjkOrdinalChar(ch)) return readCjk(text, i, end);
  if (isDigit(code)) return readArabic(text, i, end);
  return undefined;
}

const range = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, k) => String.fromCharCode(first + k)).join('');
/** Every character `readMarker` may read a marker from: its dispatch above, as one table. */
const MARKER_START = charSet(
  OPEN_CHARS +
    '第0123456789０１２３４５６７８９' +
    range(CIRCLED_FIRST, CIRCLED_LAST) +
    range(PAREN_IDEOGRAPH_FIRST, PAREN_IDEOGRAPH_LAST) +
    CJK_ORDINAL_CHARS,
);

/**
 * True when a marker (or an enumeration `一是`) may start with this character: one
 * table read, so scanners try `readMarker` only where it can succeed.
 */
export function mayStartMarker(code: number): boolean {
  return inSet(MARKER_START, code);
}

function readParenthesised(text: string, i: number, end: number): MarkerMatch | undefined {
  let j = skipSpace(text, i + 1, end);
  const numStart = j;
  if (j < end && isDigit(text.charCodeAt(j))) {
    j = digitsEnd(text, j, end, MAX_ORDINAL_DIGITS);
    if (j - numStart > MAX_ORDINAL_DIGITS) return undefined;
    const n = digitsValue(text, numStart, j);
    j = skipSpace(text, j, end);
    if (j < end && CLOSE.has(text[j]!)) return { start: i, end: j + 1, style: 'arabic-paren', ordinal: n, level: 1 };
    return undefined;
  }
  j = numeralEnd(text, j, end, MAX_CJK_ORDINAL);
  if (j === numStart || j - numStart > MAX_CJK_ORDINAL) return undefined;
  const n = parseCjkNumber(text.slice(numStart, j));
  j = skipSpace(text, j, end);
  if (n === undefined || n === 0 || j >= end || !CLOSE.has(text[j]!)) return undefined;
  return { start: i, end: j + 1, style: 'cjk-paren', ordinal: n, level: 1 };
}

function readPart(text: string, i: number, end: number): MarkerMatch | undefined {
  const j = numeralEnd(text, i + 1, end, MAX_PART_NUMERAL);
  if (j === i + 1 || j - (i + 1) > MAX_PART_NUMERAL || text[j] !== '部' || text[j + 1] !== '分') return undefined;
  const n = parseCjkNumber(text.slice(i + 1, j));
  if (n === undefined || n === 0) return undefined;
  return { start: i, end: j + 2, style: 'part', ordinal: n, level: 1 };
}

function readCjk(text: string, i: number, end: number): MarkerMatch | undefined {
  const j = numeralEnd(text, i, end, MAX_CJK_ORDINAL);
  if (j - i > MAX_CJK_ORDINAL || j >= end || !CJK_SEPARATOR.has(text[j]!)) return undefined;
  const n = parseCjkNumber(text.slice(i, j));
  if (n === undefined || n === 0) return undefined;
  // `一.` followed by a digit is not a heading (`一.5`); `一、二类` is a series, not a marker.
  const next = text.charCodeAt(j + 1);
  if (text[j] !== '、' && isDigit(next)) return undefined;
  if (j + 1 < end && isCjkOrdinalChar(text[j + 1]!) && SERIES_END.has(text[j + 2] ?? '')) return undefined;
  return { start: i, end: j + 1, style: 'cjk', ordinal: n, level: 1 };
}

function readArabic(text: string, i: number, end: number): MarkerMatch | undefined {
  const j = digitsEnd(text, i, end, MAX_ORDINAL_DIGITS);
  if (j - i > MAX_ORDINAL_DIGITS) return undefined;
  const n = digitsValue(text, i, j);
  const sep = text[j];
  if (sep === ')' || sep === '）') return { start: i, end: j + 1, style: 'arabic-paren', ordinal: n, level: 1 };
  if (sep === undefined || j >= end || !ARABIC_SEPARATOR.has(sep)) return undefined;
  const after = j + 1;
  if (sep === '、') return n === 0 ? undefined : { start: i, end: after, style: 'arabic', ordinal: n, level: 1 };
  // `1.` then a digit: either a decimal heading (`1.1部门职责`), a marker glued to a
  // year (`1.2024 年`) or just a number (`1.5万元`).
  if (after < end && isDigit(text.charCodeAt(after))) return readDecimal(text, i, after, end, n);
  return n === 0 ? undefined : { start: i, end: after, style: 'arabic', ordinal: n, level: 1 };
}

/**
 * Reads the rest of a decimal marker (`1.` is read; `from` is at the digit after it).
 * At most {@link MAX_DECIMAL_LEVELS} components are read: a longer chain (`1.1.1.1.1.1…`)
 * is not a heading number, and reading it to its end from every position made a
 * run of `1.` quadratic (20,000 of them took 4 s).
 */
function readDecimal(text: string, start: number, from: number, end: number, first: number): MarkerMatch | undefined {
  let j = from;
  let last: number;
  let level = 1;
  for (;;) {
    const s = j;
    // One digit more than a year has, so that a longer number is not taken for one.
    j = digitsEnd(text, j, end, YEAR_DIGITS);
    if (j - s === YEAR_DIGITS && first > 0) {
      // `1.2024 年…`: a marker glued to a year.
      const k = skipSpace(text, j, end);
      if (text[k] === '年' && level === 1) return { start, end: from, style: 'arabic', ordinal: first, level: 1 };
      return undefined;
    }
    if (j - s > MAX_ORDINAL_DIGITS) return undefined;
    level++;
    last = digitsValue(text, s, j);
    if ((text[j] === '.' || text[j] === '．') && isDigit(text.charCodeAt(j + 1))) {
      if (level === MAX_DECIMAL_LEVELS) return undefined;
      j++;
      continue;
    }
    break;
  }
  // A trailing separator is part of the marker (`1.1.`, `1.1、`).
  let markerEnd = j;
  if (text[j] === '.' || text[j] === '．' || text[j] === '、') markerEnd = j + 1;
  const k = skipSpace(text, markerEnd, end);
  const next = text[k];
  if (next === undefined || k >= end) return undefined;
  if (NUMBER_FOLLOWERS.has(next) || !isHan(text.charCodeAt(k))) {
    // `1.5万元`, `3.4 20`: a number, not a heading.
    if (!(markerEnd > j && isHan(text.charCodeAt(k)))) return undefined;
  }
  if (first === 0 && level === 2 && last === 0) return undefined;
  return { start, end: markerEnd, style: 'decimal', ordinal: last, level };
}

/**
 * End of the run of characters `accepts` at `from`, reading at most `max + 1` of them:
 * a run longer than `max` is rejected by its caller, and every marker reader runs at
 * every position of a line, so an unbounded read would make a long run quadratic.
 */
function runEnd(text: string, from: number, end: number, max: number, accepts: (code: number) => boolean): number {
  const stop = Math.min(end, from + max + 1);
  let j = from;
  while (j < stop && accepts(text.charCodeAt(j))) j++;
  return j;
}

function digitsEnd(text: string, from: number, end: number, max: number): number {
  return runEnd(text, from, end, max, isDigit);
}

function numeralEnd(text: string, from: number, end: number, max: number): number {
  return runEnd(text, from, end, max, isCjkOrdinalCode);
}

function digitsValue(text: string, from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to; j++) n = n * 10 + digitValue(text.charCodeAt(j));
  return n;
}

/** True when the characters at `i` read `一是`, `二是` … (an inline enumeration). */
export function readEnumeration(text: string, i: number, end: number): MarkerMatch | undefined {
  const j = numeralEnd(text, i, end, 2);
  if (j === i || j - i > 2 || text[j] !== '是') return undefined;
  const n = parseCjkNumber(text.slice(i, j));
  if (n === undefined || n === 0) return undefined;
  return { start: i, end: j + 1, style: 'enumeration', ordinal: n, level: 1 };
}
