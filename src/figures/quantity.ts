import { charSet, inSet, isDigit } from '../text/chars.js';
import type { Approx } from '../tree/schema.js';
import { isCjkNumeralCode } from '../text/numerals.js';
import type { FigureContext, FigureParser, Found } from './types.js';
import { entryTable, matchWord, numberBoundary, readNumber, skipBlank, valueOf, type NumberToken } from './numbers.js';

/** A number with what is written around it: `约`, `2至3`, `20余`. */
export interface Quantity {
  /** Start of the number (a leading qualifier such as 约 is not part of the span). */
  start: number;
  end: number;
  low: NumberToken;
  /** The upper end of a range (`2-3个`, `2至3万元`). */
  high: NumberToken | undefined;
  approx: Approx | undefined;
}

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
const RANGE = ['至', '到', '~', '～', '-', '－', '—', '–'] as const;
/** After the number, before the unit: `20余万元`, `70多个`. */
const INNER = ['余', '多'] as const;
/** After the unit: `10万元左右`, `90%以上`. */
export const OUTER: ReadonlyArray<readonly [string, Approx]> = [
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

/**
 * Reads a number at `i` with a range and an inner qualifier, or `undefined` when no
 * number starts there (or `i` is inside another number or a Latin word).
 *
 * @example
 *   readQuantity('民营企业70余个', 4) // low 70, approx 'over', end after 余
 */
export function readQuantity(text: string, i: number, from: number, to: number): Quantity | undefined {
  if (!numberBoundary(text, i)) return undefined;
  const low = readNumber(text, i, to);
  if (!low) return undefined;
  let end = low.end;
  let high: NumberToken | undefined;
  const j = skipBlank(text, end, to);
  const sep = matchWord(text, j, RANGE);
  if (sep) {
    const k = skipBlank(text, j + sep.length, to);
    const other = readNumber(text, k, to);
    // A range joins two numbers of one script: `2-3个`, `二至三万元`.
    if (other && other.script === low.script) {
      high = other;
      // `二至三万元`: the 万 belongs to the unit of both ends, not to 三 alone.
      if (other.script === 'cjk' && MULTIPLIER.has(text[other.end - 1]!) && !MULTIPLIER.has(text[low.end - 1]!)) {
        high = readNumber(text, other.start, other.end - 1) ?? other;
      }
      end = high.end;
    }
  }
  let approx = prefixBefore(text, i, from);
  const inner = matchWord(text, skipBlank(text, end, to), INNER);
  if (inner) {
    approx = 'over';
    end = skipBlank(text, end, to) + inner.length;
  }
  // Every quantity has every key (undefined when absent): one object shape is fast.
  return { start: i, end, low, high, approx };
}

/** The qualifier after a unit at `i` (`左右`, `以上`), with its length. */
export function readOuter(text: string, i: number): readonly [string, Approx] | undefined {
  return outerAt(text, i);
}

/**
 * Value fields of a quantity scaled by `10^exponent`: `amount` for a single number,
 * `min`/`max` for a range (sorted: `100-80%` gives 80 and 100), and the bound a
 * qualifier implies (`20余万元`: min 200000; `不足10人`: max 10).
 */
export function quantityFields(q: Quantity, exponent: number, approx = q.approx): QuantityFields {
  const low = valueOf(q.low, exponent);
  if (q.high) {
    const high = valueOf(q.high, exponent);
    return { amount: undefined, min: Math.min(low, high), max: Math.max(low, high), approx };
  }
  return { amount: low, min: approx === 'over' ? low : undefined, max: approx === 'under' ? low : undefined, approx };
}

/**
 * The fields every quantity figure (money, count, percent, measure) has: the value as
 * written, the numbers scaled by `10^exponent`, the qualifier (the one read before the
 * unit, else one after it, such as 左右) and the unit. One object shape for all.
 */
export function quantityFigure<T extends 'money' | 'count' | 'percent' | 'measure'>(
  type: T,
  input: string,
  q: Quantity,
  end: number,
  exponent: number,
  unit: string,
  approx: Approx | undefined = q.approx ?? readOuter(input, end)?.[1],
) {
  const v = quantityFields(q, exponent, approx);
  return {
    type,
    start: q.start,
    end,
    value: input.slice(q.start, end),
    amount: v.amount,
    min: v.min,
    max: v.max,
    approx: v.approx,
    unit,
  };
}

/** The value fields every quantity figure has (undefined where they do not apply). */
export interface QuantityFields {
  amount: number | undefined;
  min: number | undefined;
  max: number | undefined;
  approx: Approx | undefined;
}

/** Starts of numbers in `[from, to)`: the only places a quantity parser needs to look. */
export function numberStarts(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (numberBoundary(text, i)) out.push(i);
      // Skip the rest of this digit run: nothing starts inside it.
      while (i + 1 < to && isDigit(text.charCodeAt(i + 1))) i++;
    } else if (inSet(CJK_FIRST, c) && (i === from || !isCjkNumeralCode(text.charCodeAt(i - 1)))) {
      out.push(i);
    }
  }
  return out;
}

/** Number starts of the context's span, computed once for all parsers. */
export function startsIn(ctx: FigureContext): number[] {
  return (ctx.starts ??= numberStarts(ctx.input, ctx.from, ctx.to));
}

/** `readQuantity` at the `k`-th number start, shared by the parsers that read the same number. */
function quantityAt(ctx: FigureContext, k: number): Quantity | undefined {
  const starts = startsIn(ctx);
  const memo = (ctx.quantities ??= new Array<unknown>(starts.length));
  let q = memo[k] as Quantity | null | undefined;
  if (q === undefined) {
    q = readQuantity(ctx.input, starts[k]!, ctx.from, ctx.to) ?? null;
    memo[k] = q;
  }
  return q ?? undefined;
}

/** Characters a Chinese number starts with, as a code-point table. */
const CJK_FIRST = charSet('〇零一二两兩三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾');

/**
 * A parser for one kind of quantity figure: `read` looks at each number that starts in
 * the span (with the quantity read there, shared by all such parsers) and returns the
 * figure it makes, or `undefined`. The loop and the sharing are written once, here.
 *
 * @example
 *   const perMille = quantityParser('per-mille', (ctx, q) => ctx.input[q.end] === '‰' ? … : undefined)
 */
export function quantityParser(
  name: string,
  read: (ctx: FigureContext, q: Quantity, i: number) => Found | undefined,
): FigureParser {
  return {
    name,
    find(ctx) {
      const out: Found[] = [];
      const starts = startsIn(ctx);
      for (let k = 0; k < starts.length; k++) {
        const q = quantityAt(ctx, k);
        if (!q) continue;
        const found = read(ctx, q, starts[k]!);
        if (found) out.push(found);
      }
      return out;
    },
  };
}
