/**
 * Chinese numerals: the everyday digits (一二三, 两, 〇/零), the financial capitals
 * (壹贰叁, 拾佰仟) and the traditional forms, with the units 十百千, the large units
 * 万 亿 兆 (stacked as in 万亿), and decimals written with 点 (`三点五亿`).
 */
const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  貳: 2,
  叁: 3,
  參: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Large units as powers of ten. 兆 is 10^12 (a 万亿), as finance texts use it. */
const LARGE_UNITS: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8, 兆: 12 };

// A flag per UTF-16 code unit: looking a character up is one array read, which
// matters because the parser asks for every character of the input.
const NUMERAL = 1;
const ORDINAL = 2;
const DIGIT = 4;
const LARGE = 8;
const FIRST = 16;
const FLAGS = new Uint8Array(0x10000);
const flag = (chars: string, bits: number) => {
  for (const ch of chars) FLAGS[ch.charCodeAt(0)] = FLAGS[ch.charCodeAt(0)]! | bits;
};
/**
 * The value of each numeral character by code unit: a digit's value (0–9), a small unit's
 * (10, 100, 1000), a large unit's power of ten as its negative (万 −4, 亿 −8, 兆 −12).
 * One typed-array read per character, no string made (numerals are read at every 一 of a text).
 */
const VALUE = new Int16Array(0x10000);
for (const [ch, v] of Object.entries(DIGITS)) VALUE[ch.charCodeAt(0)] = v;
for (const [ch, v] of Object.entries(SMALL_UNITS)) VALUE[ch.charCodeAt(0)] = v;
for (const [ch, v] of Object.entries(LARGE_UNITS)) VALUE[ch.charCodeAt(0)] = -v;
flag(Object.keys(DIGITS).join(''), NUMERAL | ORDINAL | DIGIT | FIRST);
flag(Object.keys(SMALL_UNITS).join(''), NUMERAL);
// 兆 is left out: it is a numeral only where a numeral or 元 follows (not in 兆瓦, 兆字节).
flag('万萬亿億', NUMERAL | LARGE);
// 兆 is LARGE in value, but a numeral only where `runEnd` lets it be.
flag('兆', LARGE);
flag('十拾百', ORDINAL);
flag('十拾', FIRST);
/** 兆, read as a unit only before these (`四十九兆九千亿`, `三兆元`). */
const ZHAO = 0x5146;
const YUAN = 0x5143;
const POINT = 0x70b9; // 点

/** Every character `isCjkOrdinalCode` accepts, as a string (for building character sets). */
export const CJK_ORDINAL_CHARS = Object.keys(DIGITS).join('') + '十拾百';

/** Characters a Chinese number starts with: a digit or 十 (not 万企, 百姓, 千岛湖). */
export const CJK_NUMBER_FIRST = Object.keys(DIGITS).join('') + '十拾';

/** True for a character that is a Chinese digit or 十 (what ordinals like 十二 use). */
export function isCjkOrdinalChar(ch: string): boolean {
  return (FLAGS[ch.charCodeAt(0)]! & ORDINAL) !== 0;
}

/** True for a character code that can be part of a Chinese numeral. */
export function isCjkNumeralCode(code: number): boolean {
  return (FLAGS[code]! & NUMERAL) !== 0;
}

/** `isCjkOrdinalChar` for a character code. */
export function isCjkOrdinalCode(code: number): boolean {
  return (FLAGS[code]! & ORDINAL) !== 0;
}

/** True for a code a Chinese number may start with (`CJK_NUMBER_FIRST`). */
export function isCjkNumberFirst(code: number): boolean {
  return (FLAGS[code]! & FIRST) !== 0;
}

/** The value of a Chinese digit (`三` → 3, `两` → 2), or -1. */
export function cjkDigit(code: number): number {
  return FLAGS[code]! & DIGIT ? VALUE[code]! : -1;
}

/**
 * A number as an exact decimal: its digits without a point, and how many of them are
 * fraction digits (`3.5` is `{digits: '35', scale: 1}`). Values above 2^53 stay exact.
 */
interface Decimal {
  digits: string;
  scale: number;
}

/** A Chinese numeral read from a text: where it ends, and its exact value. */
export interface CjkNumeral extends Decimal {
  end: number;
}

/** Longest numeral read (`四十九兆九千八百七十六亿五千四百三十二万一千二百三十四` is 28). */
const MAX_RUN = 32;

/** End of the run of numeral characters at `i` (兆 only where a numeral or 元 follows it). */
function runEnd(text: string, i: number, end: number): number {
  let j = i;
  const limit = Math.min(end, i + MAX_RUN);
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (FLAGS[c]! & NUMERAL) j++;
    else if (c === ZHAO && j + 1 < end && (FLAGS[text.charCodeAt(j + 1)]! & NUMERAL || text.charCodeAt(j + 1) === YUAN))
      j++;
    else break;
  }
  return j;
}

/**
 * Reads a Chinese number at `i` (`两`, `十二`, `三千二百万`, `壹佰`, `一万亿`,
 * `九十五点五`, `三点五亿`), or `undefined` when none starts there. A run of bare
 * digits is read positionally (`二〇二〇` → 2020).
 *
 * @example
 *   readCjkNumeral('三点五亿元', 0) // {end: 4, digits: '350000000', scale: 0}
 */
export function readCjkNumeral(text: string, i: number, end = text.length): CjkNumeral | undefined {
  if (i >= end || !(FLAGS[text.charCodeAt(i)]! & FIRST)) return undefined;
  let j = runEnd(text, i, end);
  let value = evaluate(text, i, j);
  if (!value) return undefined;
  // A decimal: `九十五点五`, `三点五亿` (digits after 点, then large units that scale the whole).
  if (j + 1 < end && text.charCodeAt(j) === POINT && FLAGS[text.charCodeAt(j + 1)]! & DIGIT && !hasLarge(text, i, j)) {
    let k = j + 1;
    let fraction = '';
    while (k < end && FLAGS[text.charCodeAt(k)]! & DIGIT) fraction += DIGIT_STRINGS[VALUE[text.charCodeAt(k++)]!];
    let shift = 0;
    while (k < end) {
      const c = text.charCodeAt(k);
      if (!(FLAGS[c]! & LARGE) || (c === ZHAO && runEnd(text, k, end) === k)) break;
      shift -= VALUE[c]!;
      k++;
    }
    value = shifted({ digits: value.digits + fraction, scale: fraction.length }, shift);
    j = k;
  }
  return { end: j, digits: value.digits, scale: value.scale };
}

/** `value × 10^shift`, kept exact (fraction digits become integer digits, zeros are appended). */
function shifted(value: Decimal, shift: number): Decimal {
  let { digits, scale } = value;
  scale -= shift;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  let zeros = 0;
  while (zeros < digits.length - scale - 1 && digits.charCodeAt(zeros) === 48) zeros++;
  return { digits: zeros ? digits.slice(zeros) : digits, scale };
}

function hasLarge(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (FLAGS[text.charCodeAt(k)]! & LARGE) return true;
  return false;
}

/** Digit strings of 0–9, so the common one-character numeral makes no string. */
const DIGIT_STRINGS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The value of the numeral `text.slice(from, to)` (numeral characters only), or `undefined`.
 * Large units divide it into groups, each multiplying what stands below it since the last
 * larger unit: `三万五千亿` is 35000 × 10^8, `四十九兆九千亿` is 49 × 10^12 + 9000 × 10^8.
 */
function evaluate(text: string, from: number, to: number): Decimal | undefined {
  if (to <= from) return undefined;
  let hasUnit = false;
  for (let k = from; k < to; k++) if (!(FLAGS[text.charCodeAt(k)]! & DIGIT)) hasUnit = true;
  if (!hasUnit) {
    if (to === from + 1) return { digits: DIGIT_STRINGS[VALUE[text.charCodeAt(from)]!]!, scale: 0 };
    let digits = '';
    for (let k = from; k < to; k++) digits += DIGIT_STRINGS[VALUE[text.charCodeAt(k)]!];
    return shifted({ digits, scale: 0 }, 0);
  }
  // Groups already closed by a large unit: [count, power of ten], powers decreasing.
  let groups: Array<[number, number]> | undefined;
  let section = 0; // the current group below the last large unit
  let digit = -1; // the digit waiting for a unit (-1: none)
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    const value = VALUE[c]!;
    if (FLAGS[c]! & DIGIT) {
      digit = value;
    } else if (value > 0) {
      // 十 alone means 一十.
      section += (digit < 0 ? 1 : digit) * value;
      digit = -1;
    } else {
      const power = -value;
      // The large unit multiplies its own group and every group closed since a larger unit (万亿).
      let count = section + Math.max(digit, 0);
      groups ??= [];
      while (groups.length > 0 && groups[groups.length - 1]![1] < power) {
        const [n, p] = groups.pop()!;
        count += n * 10 ** p;
      }
      groups.push([count, power]);
      section = 0;
      digit = -1;
    }
  }
  const rest = section + Math.max(digit, 0);
  if (!groups) return { digits: String(rest), scale: 0 };
  let total = rest;
  let safe = true;
  for (const [n, p] of groups) {
    total += n * 10 ** p;
    if (!Number.isSafeInteger(total)) safe = false;
  }
  if (safe) return { digits: String(total), scale: 0 };
  // Above 2^53 (`一万兆元`): the same sum, exactly.
  let big = BigInt(rest);
  for (const [n, p] of groups) big += BigInt(n) * 10n ** BigInt(p);
  return { digits: big.toString(), scale: 0 };
}

/**
 * The value of a Chinese numeral, or `undefined` when it is not one.
 * A string of bare digits is read positionally (`二〇二〇` → 2020).
 *
 * @example
 *   parseCjkNumber('三千二百') // 3200
 *   parseCjkNumber('一亿二千万') // 120000000
 *   parseCjkNumber('十二') // 12
 *   parseCjkNumber('一百二十点五') // 120.5
 */
export function parseCjkNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  for (let i = 0; i < text.length; i++)
    if (!(FLAGS[text.charCodeAt(i)]! & NUMERAL) && text.charCodeAt(i) !== ZHAO && text.charCodeAt(i) !== POINT)
      return undefined;
  // A whole string: read from its first character even when that is not a usual start (百, 万).
  const numeral = FLAGS[text.charCodeAt(0)]! & FIRST ? readCjkNumeral(text, 0) : undefined;
  if (numeral && numeral.end === text.length) return Number(`${numeral.digits}e-${numeral.scale}`);
  if (text.includes('点')) return undefined;
  const value = evaluate(text, 0, text.length);
  return value && Number(value.digits);
}

/**
 * Two neighbouring digits read as a range, as people write a rough number: `二三十` (20–30),
 * `十五六` (15–16), `三四百万` (3–4 million), `两三` (2–3), `三五` (3–5). The second digit is one
 * or two above the first, and only units follow them. `undefined` for anything else
 * (`一二三`, `二〇二〇`, `三十五`).
 *
 * @example
 *   readCjkPair('二三十个', 0) // [{end: 3, digits: '20', …}, {end: 3, digits: '30', …}]
 */
export function readCjkPair(text: string, i: number, end = text.length): [CjkNumeral, CjkNumeral] | undefined {
  if (i >= end || !(FLAGS[text.charCodeAt(i)]! & FIRST)) return undefined;
  const j = runEnd(text, i, end);
  let at = -1;
  for (let k = i; k + 1 < j; k++) {
    const a = cjkDigit(text.charCodeAt(k));
    const b = cjkDigit(text.charCodeAt(k + 1));
    if (a < 0 || b < 0) continue;
    if (at >= 0 || a === 0 || b - a < 1 || b - a > 2) return undefined;
    at = k;
  }
  if (at < 0) return undefined;
  for (let k = at + 2; k < j; k++) if (FLAGS[text.charCodeAt(k)]! & DIGIT) return undefined;
  const run = text.slice(i, j);
  const low = run.slice(0, at - i + 1) + run.slice(at - i + 2);
  const high = run.slice(0, at - i) + run.slice(at - i + 1);
  const a = evaluate(low, 0, low.length);
  const b = evaluate(high, 0, high.length);
  if (!a || !b) return undefined;
  return [
    { end: j, digits: a.digits, scale: 0 },
    { end: j, digits: b.digits, scale: 0 },
  ];
}

const CJK_DIGITS = '〇一二三四五六七八九';

/**
 * An ordinal (0 to 999) as a Chinese numeral, the way markers and Word's numbering write
 * them: 一, 十, 十二, 二十, 一百零五.
 *
 * @example
 *   cjkOrdinal(12) // '十二'
 *   cjkOrdinal(105) // '一百零五'
 */
export function cjkOrdinal(n: number): string {
  if (n < 10) return CJK_DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? '' : CJK_DIGITS[tens]}十${n % 10 ? CJK_DIGITS[n % 10] : ''}`;
  }
  const rest = n % 100;
  const hundreds = `${CJK_DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return hundreds;
  return (
    hundreds +
    (rest < 10
      ? `零${CJK_DIGITS[rest]}`
      : `${CJK_DIGITS[Math.floor(rest / 10)]}十${rest % 10 ? CJK_DIGITS[rest % 10] : ''}`)
  );
}
