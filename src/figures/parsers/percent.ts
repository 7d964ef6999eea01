import { isHan, skipSpace } from '../../text/chars.js';
import { entryTable, gapBefore, type NumberToken } from '../numbers.js';
import { plainQuantity, quantityFields, quantityParser, readOuter, type Quantity } from '../quantity.js';
import type { FigureParser } from '../types.js';

/** Units after the number, longest first, with the unit recorded. */
const UNITS: ReadonlyArray<readonly [string, string]> = [
  ['个百分点', '个百分点'],
  ['個百分點', '個百分點'],
  ['百分点', '百分点'],
  ['百分點', '百分點'],
  ['个千分点', '个千分点'],
  ['%', '%'],
  ['％', '%'],
  ['‰', '‰'],
  ['‱', '‱'],
];
const unitAt = entryTable(UNITS);

/** The fraction words before the number: `百分之`, `千分之`, `万分之`, by their first character. */
const FRACTIONS: Readonly<Record<string, string>> = { 百: '%', 千: '‰', 万: '‱', 萬: '‱' };

/** What may follow `成` for `三成` to be a share (not `三成员`, `一成不变`, `建成为`). */
const AFTER_SHARE = new Set([...'以左上多的是']);

/**
 * The fraction word (`百分之`, `千 分 之` as PDF text spaces it) ending right before `i`:
 * its start and unit, or `undefined`.
 */
function fractionBefore(text: string, i: number, from: number): readonly [number, string] | undefined {
  let k = back(text, i, from);
  if (k <= from || text[k - 1] !== '之') return undefined;
  k = back(text, k - 1, from);
  if (k <= from || text[k - 1] !== '分') return undefined;
  k = back(text, k - 1, from);
  const unit = k > from ? FRACTIONS[text[k - 1]!] : undefined;
  return unit ? [k - 1, unit] : undefined;
}

/** Index before the white space (at most two characters, on one line) that ends at `i`. */
function back(text: string, i: number, from: number): number {
  return gapBefore(text, i, from, 2);
}

/** True when `%` after the number is URL percent-encoding (`%E6%96%B0`, `a%20b`), not a percentage. */
function encoded(text: string, start: number, unitEnd: number, from: number, to: number): boolean {
  if (start > from && text[start - 1] === '%') return true;
  const hex = /^[0-9A-Fa-f]{2}/.test(text.slice(unitEnd, Math.min(to, unitEnd + 2)));
  const before = start > from ? text.charCodeAt(start - 1) : 32;
  if (hex && before > 32 && before < 127) return true;
  // Inside a URL: an unbroken run of ASCII back to `://` or `www.`.
  let k = start;
  while (k > from && start - k < 300 && text.charCodeAt(k - 1) > 32 && text.charCodeAt(k - 1) < 127) k--;
  const run = text.slice(k, start);
  return run.includes('://') || run.startsWith('www.');
}

/**
 * A percentage glued to the previous table cell by flattened text (`2020100%` is `2020` and
 * `100%`; `877383.91%` is `8773` and `83.91%`): with five or more integer digits and no
 * separators, the percentage is the longest tail of the digits that is at most 100.
 */
function unglued(text: string, q: Quantity): Quantity {
  const low = q.low;
  const whole = low.digits.length - low.scale;
  if (q.high || low.script !== 'arabic' || whole < 5 || low.end - low.start !== low.digits.length + (low.scale ? 1 : 0))
    return q;
  for (let n = 3; n >= 1; n--) {
    const tail = low.digits.slice(whole - n, whole);
    if ((n > 1 && tail[0] === '0') || Number(tail) > 100) continue;
    const start = low.start + whole - n;
    const token: NumberToken = {
      start,
      end: low.end,
      digits: low.digits.slice(whole - n),
      scale: low.scale,
      script: 'arabic',
    };
    return { start, end: q.end, low: token, high: undefined, approx: q.approx, minus: -1 };
  }
  return q;
}

/**
 * Percentages: `98.5%`, `98.5％`, `-12.3%`, `负3.9%`, `100-80%` (a range), `2.5个百分点`
 * (percentage points, their own unit), `0.07‰`, `百分之九十`, `百分之95.5`, `百分之二三十`,
 * `千分之二点四` (‰), `万分之三` (‱), `五十%`, and `三成` (30%) where it is a share.
 */
export const percentParser: FigureParser = quantityParser('percent', (ctx, q, i) => {
  const { text, from, to } = ctx;
  const fraction = fractionBefore(text, i, from);
  let start = q.minus >= 0 ? q.minus : q.start;
  let end: number;
  let unit: string;
  let exponent = 0;
  if (fraction) {
    start = fraction[0];
    end = q.end;
    unit = fraction[1];
  } else {
    const j = skipSpace(text, q.end, to);
    const found = unitAt(text, j, to);
    if (found) {
      end = j + found[0].length;
      unit = found[1];
      if (found[1] === '%' && encoded(text, i, end, from, to)) return undefined;
      if (found[1] === '%') {
        const whole = unglued(text, q);
        if (whole !== q) {
          q = whole;
          start = q.start;
        }
      }
    } else if (share(text, q, to)) {
      end = q.end + 1;
      unit = '%';
      exponent = 1;
    } else return undefined;
  }
  const approx = q.approx ?? readOuter(text, end, to)?.[1];
  return plainQuantity(
    'percent',
    text,
    start,
    end,
    quantityFields(text, q, from, start, exponent, approx, !fraction),
    unit,
  );
});

/** `三成`, `7成以上`: a one-digit number right before 成, which ends the phrase. */
function share(text: string, q: Quantity, to: number): boolean {
  if (q.end >= to || text[q.end] !== '成' || q.high || q.low.scale > 0 || q.low.digits.length !== 1) return false;
  if (q.low.digits === '0') return false;
  const next = q.end + 1;
  return next >= to || !isHan(text.charCodeAt(next)) || AFTER_SHARE.has(text[next]!);
}
