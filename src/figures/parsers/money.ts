import { charSet, inSet } from '../../text/chars.js';
import { entryTable, skipBlank } from '../numbers.js';
import { quantityFields, quantityParser, readOuter } from '../quantity.js';
import type { FigureParser } from '../types.js';

/** Units of money, longest first, with their power of ten. */
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['亿元', 8],
  ['億元', 8],
  ['万元', 4],
  ['萬元', 4],
  ['千元', 3],
  ['元', 0],
  ['圆', 0],
  ['亿', 8],
  ['億', 8],
  ['万', 4],
  ['萬', 4],
];
const unitAt = entryTable(UNITS);
const FOREIGN: ReadonlyArray<readonly [string, string]> = [
  ['美元', 'USD'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['欧元', 'EUR'],
  ['日元', 'JPY'],
  ['英镑', 'GBP'],
];
const SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['人民币', 'CNY'],
  ['￥', 'CNY'],
  ['¥', 'CNY'],
  ['$', 'USD'],
  ['美元', 'USD'],
];
const SIGN_ENDS = charSet(SIGNS.map(([s]) => s[s.length - 1]).join(''));
/** Words that make a bare `万`/`亿` (no 元) an amount of money when they come shortly before it. */
const MONEY_CONTEXT =
  /资金|金额|经费|支出|收入|预算|投资|拨款|补助|补贴|总额|资产|贷款|费用|款|元|捐|税|成本|结余|结转|执行数|预算数/;
const HAS_SPACE = /\s/;
const CONTEXT_WINDOW = 16;
/** After a bare `万`, these make it a count or a measure, not money (`1.2万人`, `1.26亿立方米`). */
const NOT_MONEY_AFTER =
  /^\s*[(（]?\s*(?:[人个名家户次项所座台套辆间张份批件处亩公平立吨米千克株只头羽元]|余[人个名家户])/;

/**
 * Money: a number with a unit of money (`1342.23万元`, `20余万元`, `三千二百万元`,
 * `2至3万元`, `壹佰万元整`, `5万美元`, `864.2万` where the sentence is about money).
 */
export const moneyParser: FigureParser = quantityParser('money', (ctx, q, i) => {
  const { input, from, to } = ctx;
  let j = skipBlank(input, q.end, to);
  const unit = unitAt(input, j);
  if (!unit) return undefined;
  let word = unit[0];
  const exponent = unit[1];
  // Chinese numerals take 万/亿 themselves: `三千二百万元` is read as 三千二百万 + 元.
  if (q.low.script === 'cjk' && exponent > 0 && word.length === 1) return undefined;
  j += word.length;
  // A PDF line break between 万 and 元: `1781.86 万\n元`.
  const yuan = skipBlank(input, j, to);
  if (word.length === 1 && exponent > 0 && yuan > j && input[yuan] === '元') {
    word = input.slice(j - 1, yuan + 1);
    j = yuan + 1;
  }
  let currency = 'CNY';
  const bare = word.length === 1 && exponent > 0;
  const foreign = bare ? FOREIGN.find(([w]) => input.startsWith(w, j)) : undefined;
  if (foreign) {
    currency = foreign[1];
    j += foreign[0].length;
  } else if (bare) {
    // A bare 万/亿 is money only where the sentence is plainly about money.
    if (NOT_MONEY_AFTER.test(input.slice(j, j + 4))) return undefined;
    if (!MONEY_CONTEXT.test(input.slice(Math.max(from, i - CONTEXT_WINDOW), i))) return undefined;
  }
  const sign =
    i > from && inSet(SIGN_ENDS, input.charCodeAt(i - 1))
      ? SIGNS.find(([s]) => input.startsWith(s, i - s.length) && i - s.length >= from)
      : undefined;
  if (sign) currency = sign[1];
  let approx = q.approx;
  const outer = readOuter(input, j);
  if (outer && !approx) approx = outer[1];
  const end = j + (input[j] === '整' ? 1 : 0);
  let unitText = foreign ? word + foreign[0] : word;
  if (HAS_SPACE.test(unitText)) unitText = unitText.replace(/\s+/g, '');
  // Written out rather than spread from quantityFigure(): V8 clones objects with
  // number-or-undefined fields slowly (this line was a third of recognition).
  const v = quantityFields(q, exponent, approx);
  return {
    type: 'money',
    start: q.start,
    end,
    value: input.slice(q.start, end),
    amount: v.amount,
    min: v.min,
    max: v.max,
    approx: v.approx,
    unit: unitText,
    currency,
  };
});
