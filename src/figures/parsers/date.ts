import { charSet, inSet, isDigit, isHan, isSpace, skipSpace } from '../../text/chars.js';
import { isCjkOrdinalCode } from '../../text/numerals.js';
import type { DateFigure, DateQualifier, FigureFlag } from '../../tree/schema.js';
import { entryTable, gapAfter, readArabic, readCjk, readNumber, type NumberToken } from '../numbers.js';
import { NUMBER_FIRST, sharedWork, startsIn } from '../quantity.js';
import type { Complete, FigureContext, FigureParser } from '../types.js';

type DateFound = Complete<'date'>;

/** Reports space their dates out to fill a form: `2021年   1    月`. */
const MAX_GAP = 9;
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

type Period = { period?: DateFigure['period']; qualifier?: DateQualifier };
const PERIODS: ReadonlyArray<readonly [string, Period]> = [
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

/** First characters of relative years and periods, from their tables (checked for every character). */
const PERIOD_FIRST = [...RELATIVE_YEARS, ...PERIODS].map(([w]) => w[0]).join('');
const PERIOD_START = charSet(PERIOD_FIRST);

/** `年初预算`, `年中调整` are budget terms, not dates: a period word counts only before these. */
const PERIOD_FOLLOWERS = new Set([...'以至到前后起开完及和，']);
/** `上年结转`, `上年结余` are budget terms; before a numeral (`今年二月`) the month reader takes the word with its month. */
const NOT_AFTER_RELATIVE = charSet('结一二三四五六七八九十');
/** Before a two-digit `19年10月`, these make it a duration (`近20年`, `第19年`), not a year. */
const DURATION_BEFORE = charSet('近满逾约历多每第几个余共计达用超有为');
/**
 * What may stand before a year or a day written alone (`20年`, `15日`): the start of a clause or
 * a word that introduces a time (`，15日结束`, `于15日`, `至15日`). Elsewhere they are durations
 * (`历经20年`, `会期3日`).
 */
const CLAUSE_BEFORE = charSet('，,、；;：:（(［[于至到在自从及和与或—-~～');
/** After a two-digit `20年`, these make it a duration (`20年来`, `20年以上`). */
const DURATION_AFTER = charSet('来内以间之多余左后前期限的历了');
/** After a day written alone, these make it a duration or a word (`15日内`, `日常`). */
const NOT_DAY_AFTER = charSet('内以之常报均益期程志用夜间后');

/** Where a sentence ends: a day written alone takes its month from the same sentence only. */
const SENTENCE_END = charSet('。！？!?\n\r');
/** Before an eight-digit date, these make it a code (`编号20200907`). */
const CODE_WORDS = /号|码|编|账|电话|证/;
/** After an eight-digit date, these make it an amount or a code. */
const NOT_AFTER_COMPACT = charSet('元万亿千百%％‰号个人名家户次项件吨米亩天年月日.．');
/** Letters that stand for digits in text read by OCR (`2O21年`, `2021年I月`). */
const OCR_DIGITS: Readonly<Record<string, string>> = { O: '0', o: '0', I: '1', l: '1' };
const OCR_LETTERS = charSet(Object.keys(OCR_DIGITS).join(''));

/** True when the number at `i` opens a clause or follows a time word (see `CLAUSE_BEFORE`). */
function opensClause(text: string, i: number, from: number): boolean {
  if (i === from) return true;
  const c = text.charCodeAt(i - 1);
  return isSpace(c) || inSet(CLAUSE_BEFORE, c);
}

/** Digits only: in `2021.5.18` the point separates parts of a date, not a fraction. */
function readInteger(text: string, i: number, to: number): NumberToken | undefined {
  let j = i;
  while (j < to && isDigit(text.charCodeAt(j))) j++;
  if (j === i) return undefined;
  const token = readArabic(text, i, j);
  return token && { ...token, end: j };
}

/** Index after white space at `i` on the same line, at most `MAX_GAP` characters of it. */
function gap(text: string, i: number, to: number): number {
  return gapAfter(text, i, to, MAX_GAP);
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
  year?: number | undefined;
  month?: number | undefined;
  day?: number | undefined;
  /** The year was not written: it comes from the fiscal year plus this offset. */
  relative?: number | undefined;
  /** The year (and month) were not written but come from the date before (`2019年10月1日-12月31日`). */
  carried?: { year?: number | undefined; month?: number | undefined } | undefined;
  period?: DateFigure['period'];
  qualifier?: DateQualifier | undefined;
  flags?: FigureFlag[] | undefined;
}

/** Builds the date node's fields from what was read. */
function toFound(text: string, parts: Parts, ctx: FigureContext): DateFound {
  const { start, end, day } = parts;
  const month = parts.month ?? parts.carried?.month;
  const inferred = parts.year === undefined;
  const year =
    parts.year ?? parts.carried?.year ?? (ctx.year !== undefined ? ctx.year + (parts.relative ?? 0) : undefined);
  const valid =
    (month === undefined || (month >= 1 && month <= 12)) &&
    (day === undefined || (month !== undefined && day >= 1 && day <= daysIn(month, year)));
  let qualifier = parts.qualifier;
  if (!qualifier) {
    const q = QUALIFIERS.find(([w]) => end + w.length <= ctx.to && text.startsWith(w, end));
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
  if (parts.month !== undefined) known.month = parts.month;
  if (day !== undefined) known.day = day;
  const implied: DateFigure['implied'] = inferred && year !== undefined ? { year } : {};
  return {
    type: 'date',
    start,
    end,
    value: text.slice(start, end),
    iso,
    known,
    implied,
    yearInferred: inferred,
    qualifier,
    period: parts.period,
    valid,
    flags: parts.flags,
  };
}

/** A month number or an OCR-damaged one (`I`, `1O`) at `i`: its value, end, and whether letters were read. */
function readSmall(
  text: string,
  i: number,
  to: number,
  ocr: boolean,
  token = readNumber(text, i, to),
): { value: number; end: number; ocr: boolean } | undefined {
  const value = small(token);
  if (token && value !== undefined && !(ocr && token.end < to && text[token.end]! in OCR_DIGITS))
    return { value, end: token.end, ocr: false };
  if (!ocr) return undefined;
  let j = i;
  let digits = '';
  while (j < to && j - i < 2) {
    const c = text[j]!;
    if (isDigit(c.charCodeAt(0)) && c.charCodeAt(0) < 128) digits += c;
    else if (c in OCR_DIGITS) digits += OCR_DIGITS[c];
    else break;
    j++;
  }
  if (j === i || (j < to && /[A-Za-z0-9]/.test(text[j]!))) return undefined;
  return { value: Number(digits), end: j, ocr: true };
}

/** `M月[份][D日]` at `i`, or `undefined`. `ocr` allows look-alike letters (after a written year). */
function monthDay(
  text: string,
  i: number,
  to: number,
  ocr = false,
  token = readNumber(text, i, to),
): Omit<Parts, 'start'> | undefined {
  const m = readSmall(text, i, to, ocr, token);
  if (!m) return undefined;
  let j = gap(text, m.end, to);
  if (j >= to || text[j] !== '月') return undefined;
  j++;
  if (j < to && text[j] === '份') j++;
  const parts: Omit<Parts, 'start'> = { end: j, month: m.value, flags: m.ocr ? ['ocr'] : undefined };
  const d = readSmall(text, gap(text, j, to), to, ocr);
  if (d) {
    const k = gap(text, d.end, to);
    if (k < to && DAY_WORDS.includes(text[k]!)) {
      parts.day = d.value;
      parts.end = k + 1;
      if (d.ocr) parts.flags = ['ocr'];
    }
  }
  return parts;
}

/** No date here: shared, never written to (most numbers start none). */
const NO_PARTS: readonly Parts[] = Object.freeze([]);

/** Reads the dates starting at number `i`: one, or two for a range (`2016-2025年`, `1-6月`). */
function readAt(text: string, i: number, ctx: FigureContext, last: Previous | undefined): readonly Parts[] {
  const { from, to } = ctx;
  const ocrYear = readOcrYear(text, i, to);
  if (ocrYear) return readFromYear(text, ocrYear.year, i, ocrYear.end, ctx, ['ocr']);
  const token = readInteger(text, i, to) ?? readCjk(text, i, to);
  if (!token) return NO_PARTS;
  const isYear =
    token.digits.length === 4 &&
    /^(19|20)\d\d$/.test(token.digits) &&
    (token.script === 'arabic' || /^[〇零一二三四五六七八九]{4}$/.test(text.slice(token.start, token.end)));
  if (isYear) return readFromYear(text, Number(token.digits), i, token.end, ctx, undefined);
  if (token.script === 'arabic' && token.digits.length === 8 && token.end - token.start === 8)
    return compact(text, token, ctx);
  if (token.script === 'arabic' && token.end - token.start === 2) {
    const year = twoDigitYear(text, token, ctx);
    if (year) return year;
  }

  // A month, with the year from the report: `9月7日`, `10月前`, `今年4月`, `1-6月`.
  const md = monthDay(text, i, to, false, token);
  if (md) {
    const parts: Parts = { start: i, end: md.end, month: md.month, day: md.day };
    const rel = RELATIVE_YEARS.find(([w]) => i - w.length >= from && text.startsWith(w, i - w.length));
    if (rel) {
      parts.start = i - rel[0].length;
      parts.relative = rel[1];
    }
    return [parts];
  }
  // The start of a month range: `1-6月`, `4至5月`.
  const j = gap(text, token.end, to);
  if (j < to && RANGE.has(text[j]!) && small(token) !== undefined) {
    const second = monthDay(text, gap(text, j + 1, to), to);
    if (second && second.day === undefined) return [{ start: i, end: token.end, month: small(token)! }];
  }
  const day = dayAlone(text, token, ctx, last);
  return day ? [day] : NO_PARTS;
}

/** `2O21年`: a year whose digits OCR read as letters, or `undefined`. */
function readOcrYear(text: string, i: number, to: number): { year: number; end: number } | undefined {
  if (i + 4 > to) return undefined;
  // Most numbers hold no letter: decided without making a string.
  let letters = 0;
  for (let k = i; k < i + 4; k++) {
    const c = text.charCodeAt(k);
    if (inSet(OCR_LETTERS, c)) letters++;
    else if (c < 48 || c > 57) return undefined;
  }
  if (letters === 0) return undefined;
  let digits = '';
  for (let k = i; k < i + 4; k++) digits += OCR_DIGITS[text[k]!] ?? text[k];
  if (!/^(19|20)\d\d$/.test(digits)) return undefined;
  if (i + 4 < to && /[A-Za-z0-9]/.test(text[i + 4]!)) return undefined;
  const j = gap(text, i + 4, to);
  return j < to && text[j] === '年' ? { year: Number(digits), end: i + 4 } : undefined;
}

/** `20200907`: an eight-digit date, where it is a valid one and not a code or an amount. */
function compact(text: string, token: NumberToken, ctx: FigureContext): readonly Parts[] {
  const d = token.digits;
  const year = Number(d.slice(0, 4));
  const month = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  if (year < 1949 || year > 2099 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return NO_PARTS;
  if (token.end < ctx.to && inSet(NOT_AFTER_COMPACT, text.charCodeAt(token.end))) return NO_PARTS;
  if (CODE_WORDS.test(text.slice(Math.max(ctx.from, token.start - 4), token.start))) return NO_PARTS;
  return [{ start: token.start, end: token.end, year, month, day }];
}

/**
 * `19年10月`, `20年度`, `21年上半年`: a year written with two digits. Bare (`20年`) only
 * within three years of the fiscal year, opening a clause, and with no word after it that
 * makes it a duration (`历经20年`, `20年来`).
 */
function twoDigitYear(text: string, token: NumberToken, ctx: FigureContext): readonly Parts[] | undefined {
  const { from, to } = ctx;
  const j = gap(text, token.end, to);
  if (j >= to || text[j] !== '年') return undefined;
  if (token.start > from && inSet(DURATION_BEFORE, text.charCodeAt(token.start - 1))) return undefined;
  const yy = Number(token.digits);
  const year = 2000 + yy <= (ctx.year ?? 2030) + 10 ? 2000 + yy : 1900 + yy;
  const after = j + 1;
  const next = after < to ? text[after]! : '';
  const dated =
    next === '度' ||
    monthDay(text, gap(text, after, to), to) !== undefined ||
    periodAt(text, after, to)?.[1].period !== undefined;
  if (!dated) {
    if (ctx.year === undefined || Math.abs(year - ctx.year) > 3 || !opensClause(text, token.start, from))
      return undefined;
    if (next && inSet(DURATION_AFTER, next.charCodeAt(0))) return undefined;
  }
  return readFromYear(text, year, token.start, token.end, ctx, undefined);
}

/**
 * `15日` after a month in the same sentence (`9月7日召开，15日结束`): the day of that month, where
 * it opens a clause. Not a count of days (`会期3日`, `15日内`).
 */
function dayAlone(
  text: string,
  token: NumberToken,
  ctx: FigureContext,
  previous: Previous | undefined,
): Parts | undefined {
  const last = previous?.parts;
  const month = last?.month ?? last?.carried?.month;
  if (!previous || !last || month === undefined || previous.ended) return undefined;
  const day = small(token);
  if (day === undefined || day < 1 || day > 31) return undefined;
  const { from, to } = ctx;
  const k = gap(text, token.end, to);
  if (k >= to) return undefined;
  const word = text[k]!;
  if (word !== '日' && !((word === '号' || word === '號') && (k + 1 >= to || !isHan(text.charCodeAt(k + 1)))))
    return undefined;
  if (!opensClause(text, token.start, from)) return undefined;
  if (k + 1 < to && inSet(NOT_DAY_AFTER, text.charCodeAt(k + 1))) return undefined;
  // Each character after the last date is looked at once, however many days follow it.
  for (let p = previous.scanned; p < token.start; p++)
    if (inSet(SENTENCE_END, text.charCodeAt(p))) {
      previous.ended = true;
      return undefined;
    }
  previous.scanned = token.start;
  return {
    start: token.start,
    end: k + 1,
    day,
    carried: { year: last.year ?? last.carried?.year, month },
    relative: last.relative,
  };
}

/**
 * After a year (its digits end at `end`): `2020年度`, `2019年06月18日`, `2019年第一季度`,
 * `2019年年底`, `2020年1-6月`, `2019-06-18`, `2021.5.18`, `2016-2025年`.
 */
function readFromYear(
  text: string,
  year: number,
  start: number,
  end: number,
  ctx: FigureContext,
  flags: FigureFlag[] | undefined,
): readonly Parts[] {
  const { to } = ctx;
  const j = gap(text, end, to);
  if (j < to && text[j] === '年') {
    const after = j + 1;
    if (after < to && text[after] === '度') {
      // `2019年度第一季度`: the period of the written year.
      const part = periodAt(text, after + 1, to);
      if (part?.[1].period) return [{ start, end: after + 1 + part[0].length, year, period: part[1].period, flags }];
      return [{ start, end: after + 1, year, flags }];
    }
    const period = periodAt(text, after, to);
    if (period?.[1].period) return [{ start, end: after + period[0].length, year, period: period[1].period, flags }];
    // `2019年年底`: the part of the year stays outside the span, as 底 does in `2019年底`.
    if (period?.[1].qualifier) return [{ start, end: after, year, qualifier: period[1].qualifier, flags }];
    const k = gap(text, after, to);
    const md = monthDay(text, k, to, true);
    if (md) return [{ start, end: md.end, year, month: md.month, day: md.day, flags: md.flags ?? flags }];
    // `2020年1-6月`: the first month of a range whose second end carries the year.
    const m = readInteger(text, k, to);
    const month = small(m);
    if (m && month !== undefined) {
      const r = gap(text, m.end, to);
      if (r < to && RANGE.has(text[r]!) && monthDay(text, gap(text, r + 1, to), to))
        return [{ start, end: m.end, year, month, flags }];
    }
    return [{ start, end: after, year, flags }];
  }
  const sep = end < to ? text[end] : undefined;
  if (sep && ISO_SEPARATORS.has(sep)) {
    const m = readInteger(text, end + 1, to);
    const month = small(m);
    if (m && month !== undefined) {
      if (m.end < to && text[m.end] === sep) {
        const d = readInteger(text, m.end + 1, to);
        const day = small(d);
        if (d && day !== undefined && !(d.end < to && isDigit(text.charCodeAt(d.end))))
          return [{ start, end: d.end, year, month, day, flags }];
      } else if (sep !== '.' && !(m.end < to && isDigit(text.charCodeAt(m.end))) && m.digits.length <= 2) {
        return [{ start, end: m.end, year, month, flags }];
      }
    }
  }
  // `2016-2025年`: the first year of a range shares the second's 年.
  if (j < to && RANGE.has(text[j]!)) {
    const other = readInteger(text, gap(text, j + 1, to), to);
    if (other && other.digits.length === 4) {
      const k = gap(text, other.end, to);
      if (k < to && text[k] === '年') return [{ start, end, year, flags }];
    }
  }
  return NO_PARTS;
}

/** The last date read, and how far its sentence is known to go on (for a day written alone). */
interface Previous {
  parts: Parts;
  /** Characters after the date up to here hold no sentence end… */
  scanned: number;
  /** …or one was found: no day written alone takes its month any more. */
  ended: boolean;
}

/** True when `[end, start)` holds a range mark and white space only (`1日-12月`, `1月 至 6月`). */
function joinedByRange(text: string, end: number, start: number): boolean {
  const k = skipSpace(text, end, start);
  return k < start && RANGE.has(text[k]!) && skipSpace(text, k + 1, start) === start;
}

/**
 * Dates: `2019年06月18日`, `2019年6月`, `2021年度`, `2024年`, `19年10月`, `9月7日`, `11月`, `今年4月`,
 * `去年12月`, `上年`, `2020.3.5`, `2020-03-05`, `2020/3/5`, `20200907`, `二〇二〇年十二月`, with
 * deadlines and parts (`10月前`, `10月底`, `5月上旬`), periods (`上半年`, `2019年第一季度`,
 * `年底`) and ranges (`4月12日至5月3日`, `1-6月`, `2019年10月1日-12月31日`: two dates, the second
 * taking the year and month of the first). `15日` after a month in the same sentence is that
 * month's day. A year that is not written comes from the report's fiscal year, never from the
 * clock; a written year always wins over it.
 */
export const dateParser: FigureParser = {
  name: 'date',
  firstChars: NUMBER_FIRST + PERIOD_FIRST,
  find(ctx: FigureContext, shared = sharedWork()) {
    const { text, from, to } = ctx;
    const out: DateFound[] = [];
    // The last date read, for the second end of a range and a day written alone.
    let last: Previous | undefined;
    let lastEnd = from;
    for (const i of startsIn(ctx, shared)) {
      // A number inside a date already read (the month of `2019年10月`) starts nothing new.
      if (i < lastEnd) continue;
      for (const parts of readAt(text, i, ctx, last)) {
        if (
          last &&
          parts.year === undefined &&
          parts.relative === undefined &&
          joinedByRange(text, last.parts.end, parts.start)
        )
          parts.carried = {
            year: last.parts.year ?? last.parts.carried?.year,
            month: parts.month ?? last.parts.month ?? last.parts.carried?.month,
          };
        out.push(toFound(text, parts, ctx));
        if (parts.month !== undefined || parts.carried?.month !== undefined || parts.year !== undefined)
          last = { parts, scanned: parts.end, ended: false };
        lastEnd = parts.end;
      }
    }
    // Relative years and periods on their own: `上年`, `今年以来`, `上半年`, `年底`, `去年第四季度`.
    // Not inside a date read above (`2019年第一季度`), nor right after a written year (`2019年年底`).
    const dated = out.length;
    let d = 0;
    for (let i = from; i < to; i++) {
      if (!inSet(PERIOD_START, text.charCodeAt(i))) continue;
      while (d < dated && out[d]!.end < i) d++;
      const date = d < dated ? out[d] : undefined;
      if (date && date.start <= i && i < date.end) {
        i = date.end - 1;
        continue;
      }
      if (date && date.end === i && date.known.year !== undefined) {
        const part = periodAt(text, i, to);
        if (part) {
          i += part[0].length - 1;
          continue;
        }
      }
      // 一二三四 start a period only as 一季度 …: skip the common case cheaply.
      if (isCjkOrdinalCode(text.charCodeAt(i)) && (i + 1 >= to || text.charCodeAt(i + 1) !== 0x5b63) /* 季 */) continue;
      const rel = relativeAt(text, i, to);
      const afterRel = i + (rel?.[0].length ?? 0);
      const after = afterRel < to ? text.charCodeAt(afterRel) : 0;
      if (rel && !isDigit(after) && !inSet(NOT_AFTER_RELATIVE, after)) {
        // `今年上半年`, `去年年底`: the relative year with its part.
        const part = periodAt(text, afterRel, to);
        if (part?.[1].period) {
          const end = afterRel + part[0].length;
          out.push(toFound(text, { start: i, end, relative: rel[1], period: part[1].period }, ctx));
          i = end - 1;
          continue;
        }
        out.push(toFound(text, { start: i, end: afterRel, relative: rel[1], qualifier: part?.[1].qualifier }, ctx));
        i = (part ? afterRel + part[0].length : afterRel) - 1;
        continue;
      }
      const period = periodAt(text, i, to);
      if (!period) continue;
      const end = i + period[0].length;
      const next = end < to ? text[end]! : undefined;
      const budgetTerm =
        period[1].qualifier !== undefined &&
        next !== undefined &&
        isHan(next.charCodeAt(0)) &&
        !PERIOD_FOLLOWERS.has(next);
      if (!budgetTerm) out.push(toFound(text, { start: i, end, relative: 0, ...period[1] }, ctx));
      i = end - 1;
    }
    return out;
  },
};
