import { digitValue, isDigit, isHan, isSpace } from '../text/chars.js';
import { isCjkOrdinalChar, parseCjkNumber } from '../text/numerals.js';
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

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);
const CJK_SEPARATOR = new Set(['、', '.', '．']);
/** `一、二类`, `一、二级`, `一、二、三等`: a series of numerals, not a marker. */
const SERIES_END = new Set([...'、.．类級级等档星期批']);
const ARABIC_SEPARATOR = new Set(['.', '．', '、']);
/** Characters that, right after `1.5`, make it a number rather than a heading `1.5标题`. */
// Only units a decimal number takes: `1.1部门职责` is a heading even though 部 can count things.
const NUMBER_FOLLOWERS = new Set([...'万亿元千百%％‰个人次倍岁米吨亩天年月日周时分秒公斤克升度平立']);
const MAX_ORDINAL_DIGITS = 2;

/**
 * Reads a heading or list marker at `i` (`一、`, `（一）`, `1.`, `1、`, `（1）`, `1)`, `①`,
 * `㈠`, `第一部分`, `1.2`), or returns `undefined`. Only the marker's own shape is
 * judged here; whether it heads a section is decided from its context later.
 *
 * @example
 *   readMarker('（三）疫情防控', 0, 8) // {start: 0, end: 3, style: 'cjk-paren', ordinal: 3, level: 1}
 *   readMarker('1.5万元', 0, 5) // undefined: a number, not a marker
 */
export function readMarker(text: string, i: number, end: number): MarkerMatch | undefined {
  if (i >= end) return undefined;
  const ch = text[i]!;
  const code = text.charCodeAt(i);

  // ① … ⑳
  if (code >= 0x2460 && code <= 0x2473) {
    return { start: i, end: i + 1, style: 'circled', ordinal: code - 0x2460 + 1, level: 1 };
  }
  // ㈠ … ㈩ (parenthesised ideographs)
  if (code >= 0x3220 && code <= 0x3229) {
    return { start: i, end: i + 1, style: 'cjk-paren', ordinal: code - 0x3220 + 1, level: 1 };
  }
  if (OPEN.has(ch)) return readParenthesised(text, i, end);
  if (ch === '第') return readPart(text, i, end);
  if (isCjkOrdinalChar(ch)) return readCjk(text, i, end);
  if (isDigit(code)) return readArabic(text, i, end);
  return undefined;
}

function readParenthesised(text: string, i: number, end: number): MarkerMatch | undefined {
  let j = i + 1;
  while (j < end && isSpace(text.charCodeAt(j))) j++;
  const numStart = j;
  if (j < end && isDigit(text.charCodeAt(j))) {
    let n = 0;
    while (j < end && isDigit(text.charCodeAt(j))) n = n * 10 + digitValue(text.charCodeAt(j++));
    if (j - numStart > MAX_ORDINAL_DIGITS) return undefined;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    if (j < end && CLOSE.has(text[j]!)) return { start: i, end: j + 1, style: 'arabic-paren', ordinal: n, level: 1 };
    return undefined;
  }
  while (j < end && isCjkOrdinalChar(text[j]!)) j++;
  if (j === numStart || j - numStart > 3) return undefined;
  const n = parseCjkNumber(text.slice(numStart, j));
  while (j < end && isSpace(text.charCodeAt(j))) j++;
  if (n === undefined || n === 0 || j >= end || !CLOSE.has(text[j]!)) return undefined;
  return { start: i, end: j + 1, style: 'cjk-paren', ordinal: n, level: 1 };
}

function readPart(text: string, i: number, end: number): MarkerMatch | undefined {
  let j = i + 1;
  while (j < end && isCjkOrdinalChar(text[j]!)) j++;
  if (j === i + 1 || text[j] !== '部' || text[j + 1] !== '分') return undefined;
  const n = parseCjkNumber(text.slice(i + 1, j));
  if (n === undefined || n === 0) return undefined;
  return { start: i, end: j + 2, style: 'part', ordinal: n, level: 1 };
}

function readCjk(text: string, i: number, end: number): MarkerMatch | undefined {
  let j = i;
  while (j < end && isCjkOrdinalChar(text[j]!)) j++;
  if (j - i > 3 || j >= end || !CJK_SEPARATOR.has(text[j]!)) return undefined;
  const n = parseCjkNumber(text.slice(i, j));
  if (n === undefined || n === 0) return undefined;
  // `一.` followed by a digit is not a heading (`一.5`); `一、二类` is a series, not a marker.
  const next = text.charCodeAt(j + 1);
  if (text[j] !== '、' && isDigit(next)) return undefined;
  if (j + 1 < end && isCjkOrdinalChar(text[j + 1]!) && SERIES_END.has(text[j + 2] ?? '')) return undefined;
  return { start: i, end: j + 1, style: 'cjk', ordinal: n, level: 1 };
}

function readArabic(text: string, i: number, end: number): MarkerMatch | undefined {
  let j = i;
  let n = 0;
  while (j < end && isDigit(text.charCodeAt(j))) n = n * 10 + digitValue(text.charCodeAt(j++));
  if (j - i > MAX_ORDINAL_DIGITS) return undefined;
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

function readDecimal(text: string, start: number, from: number, end: number, first: number): MarkerMatch | undefined {
  let j = from;
  let last: number;
  let level = 1;
  for (;;) {
    const s = j;
    let n = 0;
    while (j < end && isDigit(text.charCodeAt(j))) n = n * 10 + digitValue(text.charCodeAt(j++));
    if (j - s === 4 && first > 0) {
      // `1.2024 年…`: a marker glued to a year.
      let k = j;
      while (k < end && isSpace(text.charCodeAt(k))) k++;
      if (text[k] === '年' && level === 1) return { start, end: from, style: 'arabic', ordinal: first, level: 1 };
      return undefined;
    }
    if (j - s > MAX_ORDINAL_DIGITS) return undefined;
    level++;
    last = n;
    if ((text[j] === '.' || text[j] === '．') && isDigit(text.charCodeAt(j + 1))) {
      j++;
      continue;
    }
    break;
  }
  // A trailing separator is part of the marker (`1.1.`, `1.1、`).
  let markerEnd = j;
  if (text[j] === '.' || text[j] === '．' || text[j] === '、') markerEnd = j + 1;
  let k = markerEnd;
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  const next = text[k];
  if (next === undefined || k >= end) return undefined;
  if (NUMBER_FOLLOWERS.has(next) || !isHan(text.charCodeAt(k))) {
    // `1.5万元`, `3.4 20`: a number, not a heading.
    if (!(markerEnd > j && isHan(text.charCodeAt(k)))) return undefined;
  }
  if (first === 0 && level === 2 && last === 0) return undefined;
  return { start, end: markerEnd, style: 'decimal', ordinal: last, level };
}

/** True when the characters at `i` read `一是`, `二是` … (an inline enumeration). */
export function readEnumeration(text: string, i: number, end: number): MarkerMatch | undefined {
  let j = i;
  while (j < end && isCjkOrdinalChar(text[j]!)) j++;
  if (j === i || j - i > 2 || text[j] !== '是') return undefined;
  const n = parseCjkNumber(text.slice(i, j));
  if (n === undefined || n === 0) return undefined;
  return { start: i, end: j + 1, style: 'enumeration', ordinal: n, level: 1 };
}
