import { charSet, inSet, isDigit, isSpace, skipSpace } from '../text/chars.js';
import type { Approx, Direction, FigureFlag } from '../tree/schema.js';
import { CJK_NUMBER_FIRST, isCjkNumberFirst, isCjkNumeralCode, readCjkPair } from '../text/numerals.js';
import type { Complete, FigureContext, FigureParser, Found } from './types.js';
import { entryTable, numberBoundary, readNumber, valueOf, wordTable, type NumberToken } from './numbers.js';

/** A number with what is written around it: `约`, `2至3`, `20余`, `-12.3`. */
export interface Quantity {
  /** Start of the number (a leading qualifier such as 约, or a sign, is not part of it). */
  start: number;
  end: number;
  low: NumberToken;
  /** The upper end of a range (`2-3个`, `2至3万元`, `二三十个`). */
  high: NumberToken | undefined;
  approx: Approx | undefined;
  /** Where a minus sign written right before the number stands (`-12.3%`, `负3.9%`), or -1. */
  minus: number;
}

/** The characters a number starts with: ASCII and full-width digits, and Chinese numerals. */
export const NUMBER_FIRST = '0123456789０１２３４５６７８９' + CJK_NUMBER_FIRST;

const PREFIXES: ReadonlyArray<readonly [string, Approx]> = [
  ['超过', 'over'],
  ['高于', 'over'],
  ['多于', 'over'],
  ['逾', 'over'],
  ['大约', 'about'],
  ['约合', 'about'],
  ['约', 'about'],
  ['将近', 'under'],
  ['接近', 'under'],
  ['不足', 'under'],
  ['不到', 'under'],
  ['低于', 'under'],
  ['近', 'under'],
];
const MULTIPLIER = new Set(['万', '亿', '萬', '億']);
const rangeAt = wordTable(['至', '到', '~', '～', '-', '－', '—', '–']);
/** After the number, before the unit: `20余万元`, `70多个`. */
const innerAt = wordTable(['余', '多']);
/** After the unit: `10万元左右`, `90%以上`. */
const OUTER: ReadonlyArray<readonly [string, Approx]> = [
  ['左右', 'about'],
  ['上下', 'about'],
  ['以上', 'over'],
  ['以下', 'under'],
  ['之上', 'over'],
];

const outerAt = entryTable(OUTER);

/** Last characters of the prefixes: most numbers have none of them before. */
const PREFIX_ENDS = charSet(PREFIXES.map(([w]) => w[w.length - 1]).join(''));

/** The qualifier written right before `start`, if any. */
function prefixBefore(text: string, start: number, from: number): Approx | undefined {
  if (start === from || !inSet(PREFIX_ENDS, text.charCodeAt(start - 1))) return undefined;
  for (const [word, approx] of PREFIXES) {
    const at = start - word.length;
    if (at >= from && text.startsWith(word, at)) return approx;
  }
  return undefined;
}

const MINUS = charSet('-－−﹣');
/**
 * What may stand before a minus sign: the start, white space, opening or separating
 * punctuation, and the words that report a change or a value (`增长-5.2%`, `为-3%`, `结余-3万元`).
 * After a digit, a unit or `%` the dash joins a range (`90%-100%`, `5万元-10万元`).
 */
const BEFORE_MINUS = charSet('（([【［：:，,、；;=＝为是达长加高升降少低滑落减跌幅率值比计余额润差异变动化损亏益');

/** The minus sign written right before the number at `i`, or -1. */
function minusBefore(text: string, i: number, from: number): number {
  if (i === from) return -1;
  const c = text.charCodeAt(i - 1);
  if (c === 0x8d1f /* 负 */) return i - 2 >= from && text.charCodeAt(i - 2) === 0x6b63 /* 正 */ ? -1 : i - 1;
  if (!inSet(MINUS, c)) return -1;
  if (i - 1 === from) return i - 1;
  const before = text.charCodeAt(i - 2);
  return isSpace(before) || inSet(BEFORE_MINUS, before) ? i - 1 : -1;
}

/** Words that report a change, written right before its amount (`增长5%`, `下降了2%`). */
const CHANGES: ReadonlyArray<readonly [string, Direction]> = [
  ['增长', 'increase'],
  ['增加', 'increase'],
  ['提高', 'increase'],
  ['上升', 'increase'],
  ['提升', 'increase'],
  ['上涨', 'increase'],
  ['增幅', 'increase'],
  ['增多', 'increase'],
  ['下降', 'decrease'],
  ['减少', 'decrease'],
  ['降低', 'decrease'],
  ['下滑', 'decrease'],
  ['回落', 'decrease'],
  ['下跌', 'decrease'],
  ['缩减', 'decrease'],
  ['压减', 'decrease'],
  ['降幅', 'decrease'],
  ['增', 'increase'],
  ['涨', 'increase'],
  ['升', 'increase'],
  ['减', 'decrease'],
  ['降', 'decrease'],
  ['跌', 'decrease'],
];
const CHANGE_ENDS = charSet(CHANGES.map(([w]) => w[w.length - 1]).join('') + '了');

/**
 * The direction of the change word written right before `start` (`增长5%` → increase,
 * `下降了2%` → decrease, `负增长3%` → decrease), or `undefined`. `下降至2%` states a level, not
 * a change: the word must touch the number.
 */
function directionBefore(text: string, start: number, from: number): Direction | undefined {
  let at = start;
  if (at > from && text.charCodeAt(at - 1) === 0x4e86 /* 了 */) at--;
  if (at === from || !inSet(CHANGE_ENDS, text.charCodeAt(at - 1))) return undefined;
  for (const [word, direction] of CHANGES) {
    const s = at - word.length;
    if (s >= from && text.startsWith(word, s)) {
      // 负增长: a growth below zero.
      if (direction === 'increase' && s > from && text.charCodeAt(s - 1) === 0x8d1f /* 负 */) return 'decrease';
      return direction;
    }
  }
  return undefined;
}

/**
 * Reads a number at `i` with a range and an inner qualifier, or `undefined` when no
 * number starts there (or `i` is inside another number or a Latin word). Nothing is read
 * at or after `to`. In `民营企业70余个` at 4: the number 70, approx `over`, ending after 余.
 */
function readQuantity(text: string, i: number, from: number, to: number): Quantity | undefined {
  if (!numberBoundary(text, i)) return undefined;
  let low: NumberToken | undefined;
  let high: NumberToken | undefined;
  // `二三十个`, `十五六人`: two neighbouring digits are a range.
  if (i + 1 < to && !isDigit(text.charCodeAt(i)) && isCjkNumeralCode(text.charCodeAt(i + 1))) {
    const pair = readCjkPair(text, i, to);
    if (pair) {
      low = { start: i, end: pair[0].end, digits: pair[0].digits, scale: 0, script: 'cjk' };
      high = { start: i, end: pair[1].end, digits: pair[1].digits, scale: 0, script: 'cjk' };
    }
  }
  if (!low) {
    low = readNumber(text, i, to);
    if (!low) return undefined;
    high = rangeEnd(text, low, to);
  }
  let end = (high ?? low).end;
  let approx = prefixBefore(text, i, from);
  const after = skipSpace(text, end, to);
  const inner = innerAt(text, after, to);
  if (inner) {
    approx = 'over';
    end = after + inner.length;
  }
  // Every quantity has every key (undefined when absent): one object shape is fast.
  return { start: i, end, low, high, approx, minus: minusBefore(text, i, from) };
}

/** The upper end of a range starting with `low` (`2-3`, `二至三万`, `3万至5万`), or `undefined`. */
function rangeEnd(text: string, low: NumberToken, to: number): NumberToken | undefined {
  let j = skipSpace(text, low.end, to);
  // `3万至5万元`: the low end repeats the multiplier of the high one.
  const own = low.script === 'arabic' && j < to && MULTIPLIER.has(text[j]!) ? text[j]! : undefined;
  if (own) j = skipSpace(text, j + 1, to);
  const sep = rangeAt(text, j, to);
  if (!sep) return undefined;
  const other = readNumber(text, skipSpace(text, j + sep.length, to), to);
  // A range joins two numbers of one script: `2-3个`, `二至三万元`.
  if (!other || other.script !== low.script) return undefined;
  if (own) return other.end < to && text[other.end] === own ? other : undefined;
  // `二至三万元`: the 万 belongs to the unit of both ends, not to 三 alone.
  if (other.script === 'cjk' && MULTIPLIER.has(text[other.end - 1]!) && !MULTIPLIER.has(text[low.end - 1]!))
    return readNumber(text, other.start, other.end - 1) ?? other;
  return other;
}

/** The qualifier after a unit at `i` (`左右`, `以上`), with its length; nothing at or after `to`. */
export function readOuter(text: string, i: number, to: number): readonly [string, Approx] | undefined {
  return outerAt(text, i, to);
}

/** The value fields every quantity figure has (undefined where they do not apply). */
export interface QuantityFields {
  amount: number | undefined;
  min: number | undefined;
  max: number | undefined;
  approx: Approx | undefined;
  direction: Direction | undefined;
  flags: FigureFlag[] | undefined;
}

/** True for a value a double holds exactly enough to report: finite, at most 2^53 − 1. */
function safe(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
}

/**
 * Value fields of a quantity scaled by `10^exponent`: `amount` for a single number,
 * `min`/`max` for a range (sorted: `100-80%` gives 80 and 100), the bound a qualifier
 * implies (`20余万元`: min 200000; `不足10人`: max 10), and the change word before `start`.
 * `signed` figures (money, percent) take a minus sign written before them. A number no
 * double holds exactly (`1` and 309 zeros) gives no value and the flag `overflow`: the
 * text keeps its digits.
 */
export function quantityFields(
  text: string,
  q: Quantity,
  from: number,
  start: number,
  exponent: number,
  approx: Approx | undefined,
  signed: boolean,
): QuantityFields {
  const sign = signed && q.minus >= 0 ? -1 : 1;
  const direction = directionBefore(text, start, from);
  const low = sign * valueOf(q.low, exponent);
  if (q.high) {
    const high = sign * valueOf(q.high, exponent);
    if (!safe(low) || !safe(high)) return overflow(approx, direction);
    return {
      amount: undefined,
      min: Math.min(low, high),
      max: Math.max(low, high),
      approx,
      direction,
      flags: undefined,
    };
  }
  if (!safe(low)) return overflow(approx, direction);
  return {
    amount: low,
    min: approx === 'over' ? low : undefined,
    max: approx === 'under' ? low : undefined,
    approx,
    direction,
    flags: undefined,
  };
}

/**
 * A percentage or a measure (one shape for both) from its value fields. Money and counts write
 * their literal themselves, each with its one more field (`currency`, `subject`): a property added
 * after a literal is made would change the object's shape, and spreading one was a third of
 * recognition (bench/notes.md).
 */
export function plainQuantity<T extends 'percent' | 'measure'>(
  type: T,
  text: string,
  start: number,
  end: number,
  v: QuantityFields,
  unit: string,
): Complete<T> {
  // Percent and measure figures have the same fields: the literal is checked against one of them.
  const found = {
    type: type as 'percent',
    start,
    end,
    value: text.slice(start, end),
    amount: v.amount,
    min: v.min,
    max: v.max,
    approx: v.approx,
    unit,
    direction: v.direction,
    flags: v.flags,
  } satisfies Complete<'percent'>;
  return found as unknown as Complete<T>;
}

function overflow(approx: Approx | undefined, direction: Direction | undefined): QuantityFields {
  return { amount: undefined, min: undefined, max: undefined, approx, direction, flags: ['overflow'] };
}

/** Starts of numbers in `[from, to)`: the only places a quantity parser needs to look. */
function numberStarts(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (numberBoundary(text, i)) out.push(i);
      // Skip the rest of this digit run: nothing starts inside it.
      while (i + 1 < to && isDigit(text.charCodeAt(i + 1))) i++;
    } else if (isCjkNumberFirst(c) && (i === from || !isCjkNumeralCode(text.charCodeAt(i - 1)))) {
      out.push(i);
    }
  }
  return out;
}

/**
 * Work the built-in parsers share on one span: where numbers start, and the quantity
 * read at each (`null` where none is), filled on demand. `recognize` makes one per span and
 * passes it to each parser as a second argument of `find`, which the plugin API does not
 * name: user parsers never see it, and a built-in parser called alone makes its own.
 * (A WeakMap keyed by the context did the same 30–40% slower on the seed, the fixtures and the
 * corpus: look-ups, and the collector's work on its entries.)
 */
export interface SharedWork {
  starts: number[] | undefined;
  quantities: Array<Quantity | null | undefined> | undefined;
}

/** Fresh shared work for one span. */
export function sharedWork(): SharedWork {
  return { starts: undefined, quantities: undefined };
}

/** Number starts of the context's span, computed once for all parsers. */
export function startsIn(ctx: FigureContext, shared: SharedWork): readonly number[] {
  return (shared.starts ??= numberStarts(ctx.text, ctx.from, ctx.to));
}

/**
 * A parser for one kind of quantity figure: `read` looks at each number that starts in
 * the span (with the quantity read there, shared by all such parsers) and returns the
 * figure it makes, or `undefined`. The loop and the sharing are written once, here.
 *
 * @example
 *   const perMille = quantityParser('per-mille', (ctx, q, i) => {
 *     if (ctx.text[q.end] !== '‰') return undefined;
 *     const fields = quantityFields(ctx.text, q, ctx.from, i, -3, q.approx, true);
 *     return plainQuantity('percent', ctx.text, i, q.end + 1, fields, '‰');
 *   });
 *   const found = perMille.find({ text: '出生率12‰，死亡率3‰', from: 0, to: 12, year: undefined })
 *   found.map((f) => [f.value, f.amount]) // [['12‰', 0.012], ['3‰', 0.003]]
 */
export function quantityParser(
  name: string,
  read: (ctx: FigureContext, q: Quantity, i: number) => Found | undefined,
): FigureParser {
  return {
    name,
    firstChars: NUMBER_FIRST,
    find(ctx: FigureContext, shared = sharedWork()) {
      const out: Found[] = [];
      const starts = startsIn(ctx, shared);
      const quantities = (shared.quantities ??= new Array<Quantity | null | undefined>(starts.length));
      for (let k = 0; k < starts.length; k++) {
        let q = quantities[k];
        if (q === undefined) q = quantities[k] = readQuantity(ctx.text, starts[k]!, ctx.from, ctx.to) ?? null;
        if (!q) continue;
        const found = read(ctx, q, starts[k]!);
        if (found) out.push(found);
      }
      return out;
    },
  };
}
