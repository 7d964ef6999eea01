import { charSet, inSet, isDigit, isHan, isSpace } from '../../text/chars.js';
import { isCjkOrdinalCode } from '../../text/numerals.js';
import type { DateFigure, DateQualifier } from '../../tree/schema.js';
import { entryTable, readArabic, readCjk, readNumber, type NumberToken } from '../numbers.js';
import { startsIn } from '../quantity.js';
import type { FigureContext, FigureParser, Found } from '../types.js';

type DateFound = Extract<Found, { type: 'date' }>;

/** Reports space their dates out to fill a form: `2021年   1    月`. */
const MAX_GAP = 8;
const DAY_WORDS = ['日', '号', '號'];
const ISO_SEPARATORS = new Set(['-', '/', '.', '－', '／']);
const RANGE = new Set(['-', '—', '–', '－', '～', '~', '至', '到']);

/** Words after a date that say how it is meant; the word itself stays outside the date's span. */
const QUALIFIERS: ReadonlyArray<readonly [string, DateQualifier]> = [
  ['以前', 'before'],
  ['之前', 'before'],
  ['前', 'before'],
  ['以后', 'after'],
  ['之后', 'after'],
  ['后', 'after'],
  ['以来', 'since'],
  ['起', 'since'],
  ['止', 'until'],
  ['上旬', 'early'],
  ['中旬', 'mid'],
  ['下旬', 'late'],
  ['初', 'start'],
  ['底', 'end'],
  ['末', 'end'],
];

/** Words naming a year relative to the report's fiscal year. */
const RELATIVE_YEARS: ReadonlyArray<readonly [string, number]> = [
  ['上一年度', -1],
  ['本年度', 0],
  ['今年', 0],
  ['本年', 0],
  ['当年', 0],
  ['去年', -1],
  ['上年', -1],
  ['明年', 1],
  ['下年', 1],
];

/** First characters of relative years and periods, as a code-point table (checked for every character). */
const PERIOD_START = charSet('上本今当去明下年一二三四第');

/** `年初预算`, `年中调整` are budget terms, not dates: a period word counts only before these. */
const PERIOD_FOLLOWERS = new Set([...'以至到前后起开完及和，']);
/** `上年结转`, `上年结余` are budget terms; before a numeral (`今年二月`) the month reader takes the word with its month. */
const NOT_AFTER_RELATIVE = charSet('结一二三四五六七八九十');

const PERIODS: ReadonlyArray<readonly [string, { period?: DateFigure['period']; qualifier?: DateQualifier }]> = [
  ['上半年', { period: 'H1' }],
  ['下半年', { period: 'H2' }],
  ['第一季度', { period: 'Q1' }],
  ['第二季度', { period: 'Q2' }],
  ['第三季度', { period: 'Q3' }],
  ['第四季度', { period: 'Q4' }],
  ['一季度', { period: 'Q1' }],
  ['二季度', { period: 'Q2' }],
  ['三季度', { period: 'Q3' }],
  ['四季度', { period: 'Q4' }],
  ['年初', { qualifier: 'start' }],
  ['年中', { qualifier: 'mid' }],
  ['年底', { qualifier: 'end' }],
  ['年末', { qualifier: 'end' }],
];
const relativeAt = entryTable(RELATIVE_YEARS);
const periodAt = entryTable(PERIODS);

/** Digits only: in `2021.5.18` the point separates parts of a date, not a fraction. */
function readInteger(text: string, i: number, to: number): NumberToken | undefined {
  let j = i;
  while (j < to && isDigit(text.charCodeAt(j))) j++;
  if (j === i) return undefined;
  const token = readArabic(text, i, j);
  return token && { ...token, end: j };
}

function gap(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && j - i <= MAX_GAP && isSpace(text.charCodeAt(j)) && text[j] !== '\n') j++;
  return j;
}

function small(token: NumberToken | undefined): number | undefined {
  if (!token || token.scale > 0 || token.digits.length > 2) return undefined;
  return Number(token.digits);
}

function daysIn(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface Parts {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  /** The year was not written: it comes from the fiscal year plus this offset. */
  relative?: number;
  period?: DateFigure['period'];
  qualifier?: DateQualifier;
}

/** Builds the date node's fields from what was read. */
function toFound(text: string, parts: Parts, ctx: FigureContext, to: number): DateFound {
  const { start, end, month, day } = parts;
  const inferred = parts.year === undefined;
  const year = inferred && ctx.year !== undefined ? ctx.year + (parts.relative ?? 0) : parts.year;
  const valid =
    (month === undefined || (month >= 1 && month <= 12)) &&
    (day === undefined || (month !== undefined && day >= 1 && day <= daysIn(month, year)));
  let qualifier = parts.qualifier;
  if (!qualifier) {
    const q = QUALIFIERS.find(([w]) => text.startsWith(w, end) && end + w.length <= to);
    // `年初`, `年底` after a bare year belong to it; `初`/`末` after a month (`5月初`) too.
    if (q) qualifier = q[1];
  }
  let iso: string | undefined;
  if (valid && year !== undefined) {
    iso = String(year);
    if (parts.period) iso += `-${parts.period}`;
    else if (month !== undefined) {
      iso += `-${String(month).padStart(2, '0')}`;
      if (day !== undefined) iso += `-${String(day).padStart(2, '0')}`;
    }
  }
  const known: DateFigure['known'] = {};
  if (parts.year !== undefined) known.year = parts.year;
  if (month !== undefined) known.month = month;
  if (day !== undefined) known.day = day;
  return {
    type: 'date',
    start,
    end,
    value: text.slice(start, end),
    iso,
    known,
    implied: inferred && year !== undefined ? { year } : {},
    yearInferred: inferred,
    qualifier,
    period: parts.period,
    valid,
  };
}

/** `M月[份][D日]` at `i` (the month number already read), or `undefined`. */
function monthDay(text: string, token: NumberToken, to: number): Omit<Parts, 'start'> | undefined {
  const month = small(token);
  if (month === undefined) return undefined;
  let j = gap(text, token.end, to);
  if (text[j] !== '月') return undefined;
  j++;
  if (text[j] === '份') j++;
  const parts: Omit<Parts, 'start'> = { end: j, month };
  const k = gap(text, j, to);
  const dayToken = readNumber(text, k, to);
  const day = small(dayToken);
  if (dayToken && day !== undefined) {
    const m = gap(text, dayToken.end, to);
    if (DAY_WORDS.includes(text[m]!)) {
      parts.day = day;
      parts.end = m + 1;
    }
  }
  return parts;
}

/** No date here: shared, never written to (most numbers start none). */
const NO_PARTS: readonly Parts[] = Object.freeze([]);

/** Reads the dates starting at number `i`: one, or two for a range (`2016-2025年`, `1-6月`). */
function readAt(text: string, i: number, ctx: FigureContext): readonly Parts[] {
  const { from, to } = ctx;
  const token = readInteger(text, i, to) ?? readCjk(text, i, to);
  if (!token) return NO_PARTS;
  const isYear =
    token.digits.length === 4 &&
    /^(19|20)\d\d$/.test(token.digits) &&
    (token.script === 'arabic' || /^[〇零一二三四五六七八九]{4}$/.test(text.slice(token.start, token.end)));
  if (isYear) return readFromYear(text, token, to);

  // A month, with the year from the report: `9月7日`, `10月前`, `今年4月`, `1-6月`.
  const md = monthDay(text, token, to);
  if (md) {
    const parts: Parts = {
      start: i,
      end: md.end,
      month: md.month,
      day: md.day,
      relative: undefined,
      period: undefined,
      qualifier: undefined,
      year: undefined,
    };
    const rel = RELATIVE_YEARS.find(([w]) => i - w.length >= from && text.startsWith(w, i - w.length));
    if (rel) {
      parts.start = i - rel[0].length;
      parts.relative = rel[1];
    }
    return [parts];
  }
  // The start of a month range: `1-6月`, `4至5月`.
  const j = gap(text, token.end, to);
  if (RANGE.has(text[j]!) && small(token) !== undefined) {
    const other = readNumber(text, gap(text, j + 1, to), to);
    const second = other && monthDay(text, other, to);
    if (second && second.day === undefined) return [{ start: i, end: token.end, month: small(token)! }];
  }
  return NO_PARTS;
}

/** After a four-digit year: `2020年度`, `2019年06月18日`, `2019-06-18`, `2021.5.18`, `2016-2025年`. */
function readFromYear(text: string, token: NumberToken, to: number): readonly Parts[] {
  const year = Number(token.digits);
  const start = token.start;
  const j = gap(text, token.end, to);
  if (text[j] === '年') {
    const end = j + 1;
    if (text[end] === '度') return [{ start, end: end + 1, year }];
    const period = PERIODS.find(([w]) => w.length === 3 && text.startsWith(w, end) && w !== '年初');
    if (period && period[1].period) return [{ start, end: end + period[0].length, year, period: period[1].period }];
    const k = gap(text, end, to);
    const m = readNumber(text, k, to);
    const md = m && monthDay(text, m, to);
    if (md) return [{ start, end: md.end, year, month: md.month, day: md.day }];
    return [{ start, end, year }];
  }
  const sep = text[token.end];
  if (sep && ISO_SEPARATORS.has(sep)) {
    const m = readInteger(text, token.end + 1, to);
    const month = small(m);
    if (m && month !== undefined) {
      if (text[m.end] === sep) {
        const d = readInteger(text, m.end + 1, to);
        const day = small(d);
        if (d && day !== undefined && !isDigit(text.charCodeAt(d.end)))
          return [{ start, end: d.end, year, month, day }];
      } else if (sep !== '.' && !isDigit(text.charCodeAt(m.end)) && m.digits.length <= 2) {
        return [{ start, end: m.end, year, month }];
      }
    }
  }
  // `2016-2025年`: the first year of a range shares the second's 年.
  if (RANGE.has(text[j]!)) {
    const k = gap(text, j + 1, to);
    const other = readInteger(text, k, to);
    if (other && other.digits.length === 4 && text[gap(text, other.end, to)] === '年')
      return [{ start, end: token.end, year }];
  }
  return NO_PARTS;
}

/**
 * Dates: `2019年06月18日`, `2019年6月`, `2021年度`, `2024年`, `9月7日`, `11月`, `今年4月`,
 * `去年12月`, `上年`, `2020.3.5`, `2020-03-05`, `2020/3/5`, `二〇二〇年十二月`, with
 * deadlines and parts (`10月前`, `10月底`, `5月上旬`), periods (`上半年`, `一季度`,
 * `年底`) and ranges (`4月12日至5月3日`, `1-6月`: two dates). A year that is not written
 * comes from the report's fiscal year, never from the clock.
 */
export const dateParser: FigureParser = {
  name: 'date',
  find(ctx) {
    const { input, from, to } = ctx;
    const out: DateFound[] = [];
    for (const i of startsIn(ctx)) {
      for (const parts of readAt(input, i, ctx)) out.push(toFound(input, parts, ctx, to));
    }
    // Relative years and periods on their own: `上年`, `今年以来`, `上半年`, `年底`.
    for (let i = from; i < to; i++) {
      if (!inSet(PERIOD_START, input.charCodeAt(i))) continue;
      // 一二三四 start a period only as 一季度 …: skip the common case cheaply.
      if (isCjkOrdinalCode(input.charCodeAt(i)) && input.charCodeAt(i + 1) !== 0x5b63 /* 季 */) continue;
      const rel = relativeAt(input, i);
      const after = input.charCodeAt(i + (rel?.[0].length ?? 0));
      if (rel && !isDigit(after) && !inSet(NOT_AFTER_RELATIVE, after)) {
        const end = i + rel[0].length;
        out.push(toFound(input, { start: i, end, relative: rel[1] }, ctx, to));
        i = end - 1;
        continue;
      }
      const period = periodAt(input, i);
      const next = period ? input[i + period[0].length] : undefined;
      if (
        period &&
        period[1].qualifier &&
        next !== undefined &&
        isHan(next.charCodeAt(0)) &&
        !PERIOD_FOLLOWERS.has(next)
      )
        continue;
      if (period && !(i > from && (isDigit(input.charCodeAt(i - 1)) || input[i - 1] === '年'))) {
        const end = i + period[0].length;
        out.push(toFound(input, { start: i, end, relative: 0, ...period[1] }, ctx, to));
        i = end - 1;
      }
    }
    return out;
  },
};
