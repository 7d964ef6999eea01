import { charSet, inSet, isDigit, isHan, isSpace, skipSpace } from '../../text/chars.js';
import { cjkDigit } from '../../text/numerals.js';
import type { Approx } from '../../tree/schema.js';
import { entryTable, gapBefore, type NumberToken } from '../numbers.js';
import { quantityFields, quantityParser, readOuter, type Quantity } from '../quantity.js';
import type { Complete, FigureParser } from '../types.js';

/** Powers of ten written between a number and its currency, longest first. */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 12],
  ['萬億', 12],
  ['亿', 8],
  ['億', 8],
  ['万', 4],
  ['萬', 4],
  ['兆', 12],
  ['千', 3],
];
const multiplierAt = entryTable(MULTIPLIERS);

/** Currencies written after the number, longest first, with their ISO 4217 code. */
const CURRENCIES: ReadonlyArray<readonly [string, string]> = [
  ['元', 'CNY'],
  ['圆', 'CNY'],
  ['块钱', 'CNY'],
  ['块', 'CNY'],
  ['美元', 'USD'],
  ['美金', 'USD'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['欧元', 'EUR'],
  ['日元', 'JPY'],
  ['英镑', 'GBP'],
];
const currencyAt = entryTable(CURRENCIES);

/** Currency signs and codes written before the number (`￥300`, `RMB 500万`, `人民币3000元`). */
const SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['人民币', 'CNY'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['￥', 'CNY'],
  ['¥', 'CNY'],
  ['US$', 'USD'],
  ['USD', 'USD'],
  ['HK$', 'HKD'],
  ['HKD', 'HKD'],
  ['$', 'USD'],
  ['美元', 'USD'],
];
const SIGN_ENDS = charSet(SIGNS.map(([s]) => s[s.length - 1]).join(''));

/** The currency sign written before `i` (spaces allowed between), as [its start, its code]. */
function signBefore(text: string, i: number, from: number): readonly [number, string] | undefined {
  const k = gapBefore(text, i, from, 2);
  if (k === from || !inSet(SIGN_ENDS, text.charCodeAt(k - 1))) return undefined;
  for (const [sign, code] of SIGNS) {
    const s = k - sign.length;
    if (s >= from && text.startsWith(sign, s)) {
      // `RMB` inside a longer Latin word is not a sign.
      if (s > from && /[A-Za-z]/.test(text[s]!) && /[A-Za-z]/.test(text[s - 1]!)) return undefined;
      return [s, code];
    }
  }
  return undefined;
}

/** Words that make a bare `万`/`亿` (no 元) an amount of money when they come shortly before it. */
const MONEY_CONTEXT =
  /资金|金额|经费|支出|收入|预算|投资|拨款|补助|补贴|总额|资产|贷款|费用|款|元|捐|税|成本|结余|结转|执行数|预算数/;
/** Words that make a bare `块` money (`花了3块`, `补贴3块`). */
const COLLOQUIAL_CONTEXT = /花|钱|价|费|付|买|卖|补贴|收/;
const HAS_SPACE = /\s/;
const CONTEXT_WINDOW = 16;
/** After a bare `万`, these make it a count or a measure, not money (`1.2万人`, `1.26亿立方米`, `5兆瓦`). */
const NOT_MONEY_AFTER =
  /^\s*[(（]?\s*(?:[人个名家户次项所座台套辆间张份批件处亩公平立吨米千克株只头羽元瓦字比赫帕焦]|余[人个名家户])/;
/** After 元: `5元3角`, `50元6角3分`. */
const JIAO = charSet('角毛');
const FEN = 0x5206; // 分

/** True when a sentence about money comes shortly before `i`. */
function aboutMoney(text: string, i: number, from: number, context: RegExp): boolean {
  return context.test(text.slice(Math.max(from, i - CONTEXT_WINDOW), i));
}

/** One digit (Arabic or Chinese) at `i` followed by a character of `units`: its value, or -1. */
function digitBefore(text: string, i: number, to: number, unit: (code: number) => boolean): number {
  if (i + 1 >= to || !unit(text.charCodeAt(i + 1))) return -1;
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return c - 48;
  return cjkDigit(c);
}

/**
 * Money: a number with a unit of money (`1342.23万元`, `20余万元`, `12万余元`, `三千二百万元`,
 * `2至3万元`, `壹佰万元整`, `1.2万亿元`, `5万美元`, `500欧元`, `5元3角`, `3块钱`), a bare `万`/`亿`
 * where the sentence is about money (`864.2万`), or a number after a currency sign
 * (`￥300`, `¥1,200.50`, `RMB 500万`).
 */
export const moneyParser: FigureParser = quantityParser('money', (ctx, q, i) => {
  const { text, from, to } = ctx;
  const unitStart = skipSpace(text, q.end, to);
  let j = unitStart;
  let exponent = 0;
  let approx: Approx | undefined = q.approx;
  const multiplier = multiplierAt(text, j, to);
  if (multiplier) {
    exponent = multiplier[1];
    j += multiplier[0].length;
  }
  let unitEnd = j;
  // `12万余元`: the qualifier after the multiplier.
  if (multiplier && j < to && (text[j] === '余' || text[j] === '多') && currencyAt(text, j + 1, to)) {
    approx = 'over';
    j++;
  }
  // A PDF line break between 万 and 元: `1781.86 万\n元`.
  const at = multiplier ? skipSpace(text, j, to) : j;
  const currency = currencyAt(text, at, to);
  // Most numbers have no unit of money: the sign before them is looked for only when it decides.
  if (!currency && (!multiplier || multiplier[1] === 3) && !mayHaveSign(text, q, i, from)) return undefined;
  const sign = i > from ? signBefore(text, q.minus >= 0 ? q.minus : i, from) : undefined;
  let code = sign?.[1] ?? 'CNY';
  let low = q.low;
  if (currency) {
    if (currency[0] === '块' && !colloquial(text, at + 1, i, from, to)) return undefined;
    // A foreign currency word names the currency; a sign before it cannot (`人民币5万美元` is not read so).
    if (currency[1] !== 'CNY' || !sign) code = currency[1];
    j = at + currency[0].length;
    unitEnd = j;
    // `5元3角`, `50元6角3分`: the change after the yuan, exactly.
    if (!multiplier && currency[1] === 'CNY' && !q.high && q.low.scale === 0) {
      const jiao = digitBefore(text, j, to, (c) => inSet(JIAO, c));
      if (jiao >= 0) {
        j += 2;
        const fen = digitBefore(text, j, to, (c) => c === FEN);
        if (fen >= 0) j += 2;
        low = change(q.low, jiao, fen);
      }
    }
  } else if (multiplier && multiplier[1] !== 3 && q.low.script === 'arabic') {
    // (Chinese numerals take 万/亿 themselves: `三千二百万` is read whole; `二至三万` has its 万元.)
    // A bare 万/亿 is money only after a currency sign or where the sentence is plainly about money.
    if (NOT_MONEY_AFTER.test(text.slice(j, Math.min(to, j + 4)))) return undefined;
    if (!sign && !aboutMoney(text, i, from, MONEY_CONTEXT)) return undefined;
    j = unitEnd;
  } else if (!sign || multiplier) {
    return undefined;
  } else {
    // `￥300`: the sign is the unit.
    j = q.end;
    unitEnd = j;
  }
  // The sign is part of the figure when it is the only unit written (`￥300`, `RMB 500万`).
  const start = sign && !currency ? sign[0] : q.minus >= 0 ? q.minus : q.start;
  let unit = currency || multiplier ? text.slice(unitStart, unitEnd) : text.slice(sign![0], i).trim();
  if (approx === 'over' && unit.includes('余')) unit = unit.replace('余', '');
  else if (approx === 'over' && unit.includes('多')) unit = unit.replace('多', '');
  if (HAS_SPACE.test(unit)) unit = unit.replace(/\s+/g, '');
  if (!approx) approx = readOuter(text, j, to)?.[1];
  const end = j < to && text[j] === '整' ? j + 1 : j;
  const v = quantityFields(text, low === q.low ? q : withLow(q, low), from, start, exponent, approx, true);
  return {
    type: 'money',
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
    currency: code,
  } satisfies Complete<'money'>;
});

/** Cheap test: a sign's last character, or a space, stands right before the number (or its minus). */
function mayHaveSign(text: string, q: Quantity, i: number, from: number): boolean {
  const at = q.minus >= 0 ? q.minus : i;
  if (at <= from) return false;
  const c = text.charCodeAt(at - 1);
  return inSet(SIGN_ENDS, c) || (isSpace(c) && c !== 10);
}

/** True when a bare `块` after a number is money: `3块钱`, or `3块` at a clause end in talk of money. */
function colloquial(text: string, after: number, i: number, from: number, to: number): boolean {
  if (after < to && (isHan(text.charCodeAt(after)) || isDigit(text.charCodeAt(after)))) return false;
  return aboutMoney(text, i, from, COLLOQUIAL_CONTEXT);
}

/** `yuan` with `jiao` tenths and `fen` hundredths (-1: none), as an exact decimal. */
function change(yuan: NumberToken, jiao: number, fen: number): NumberToken {
  const digits = yuan.digits + String(jiao) + (fen >= 0 ? String(fen) : '');
  return { start: yuan.start, end: yuan.end, digits, scale: fen >= 0 ? 2 : 1, script: yuan.script };
}

function withLow(q: Quantity, low: NumberToken): Quantity {
  return { start: q.start, end: q.end, low, high: q.high, approx: q.approx, minus: q.minus };
}
