/**
 * Chinese numerals: the everyday digits (一二三, 两, 〇/零), the financial capitals
 * (壹贰叁, 拾佰仟) and the traditional forms, with the units 十百千万亿.
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
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

// A flag per UTF-16 code unit: looking a character up is one array read, which
// matters because the parser asks for every character of the input.
const NUMERAL = 1;
const ORDINAL = 2;
const DIGIT = 4;
const FLAGS = new Uint8Array(0x10000);
for (const ch of Object.keys(DIGITS)) FLAGS[ch.charCodeAt(0)] = FLAGS[ch.charCodeAt(0)]! | NUMERAL | ORDINAL | DIGIT;
for (const ch of Object.keys(SMALL_UNITS)) FLAGS[ch.charCodeAt(0)] = FLAGS[ch.charCodeAt(0)]! | NUMERAL;
for (const ch of Object.keys(LARGE_UNITS)) FLAGS[ch.charCodeAt(0)] = FLAGS[ch.charCodeAt(0)]! | NUMERAL;
for (const ch of ['十', '拾', '百']) FLAGS[ch.charCodeAt(0)] = FLAGS[ch.charCodeAt(0)]! | ORDINAL;

/** Every character `isCjkOrdinalCode` accepts, as a string (for building character sets). */
export const CJK_ORDINAL_CHARS = Object.keys(DIGITS).join('') + '十拾百';

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

/**
 * The value of a Chinese numeral, or `undefined` when it is not one.
 * A string of bare digits is read positionally (`二〇二〇` → 2020).
 *
 * @example
 *   parseCjkNumber('三千二百') // 3200
 *   parseCjkNumber('一亿二千万') // 120000000
 *   parseCjkNumber('十二') // 12
 */
export function parseCjkNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let hasUnit = false;
  for (let i = 0; i < text.length; i++) {
    const flags = FLAGS[text.charCodeAt(i)]!;
    if (!(flags & NUMERAL)) return undefined;
    if (!(flags & DIGIT)) hasUnit = true;
  }
  if (!hasUnit) {
    let n = 0;
    for (const ch of text) n = n * 10 + DIGITS[ch]!;
    return n;
  }
  let total = 0; // everything above the current 亿 group
  let section = 0; // the current group below 亿
  let digit = -1; // the digit waiting for a unit (-1: none)
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      // 十 alone means 一十.
      section += (digit < 0 ? 1 : digit) * SMALL_UNITS[ch]!;
      digit = -1;
    } else {
      const unit = LARGE_UNITS[ch]!;
      const group = section + Math.max(digit, 0);
      if (unit === 1e8) total = (total + group) * unit;
      else total += group * unit;
      section = 0;
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}
