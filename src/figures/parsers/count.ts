import { isHan, skipSpace } from '../../text/chars.js';
import { wordTable } from '../numbers.js';
import { quantityFields, quantityParser, readOuter } from '../quantity.js';
import type { Complete, FigureParser } from '../types.js';

/** Measure words for countable things, longest first (simplified and traditional). */
const MEASURE_WORDS = [
  '人次',
  '户次',
  '家次',
  '个',
  '個',
  '名',
  '人',
  '家',
  '户',
  '戶',
  '次',
  '项',
  '項',
  '场',
  '場',
  '件',
  '所',
  '座',
  '台',
  '臺',
  '套',
  '辆',
  '輛',
  '间',
  '間',
  '张',
  '張',
  '份',
  '批',
  '期',
  '篇',
  '条',
  '條',
  '本',
  '处',
  '處',
  '支',
  '队',
  '隊',
  '起',
  '例',
  '部',
  '栋',
  '棟',
  '块',
  '塊',
  '位',
] as const;

const measureWord = wordTable(MEASURE_WORDS);

/** What may not follow a measure word: `3个月` is a duration, `部分` a word, `2个百分点` a percent. */
const NOT_AFTER: Partial<Record<string, RegExp>> = {
  个: /^(?:月|小时|工作日|季度|百分点|千分点|体|人账户)/,
  個: /^(?:月|小時|工作日|季度|百分點)/,
  部: /^(?:分|门|署|长)/,
  次: /^(?:性|年|日|月)/,
  期: /^(?:间|末|初|限|内)/,
  位: /^(?:于|置)/,
  起: /^(?:止|至|草|来)/,
  名: /^(?:称|单|义|额)/,
  处: /^(?:理|置|罚|分|长)/,
  所: /^(?:有|属|在|得|以)/,
  项: /^(?:目)/,
  本: /^(?:级|年|项|单位|部门|次|着)/,
  支: /^(?:出|付|持|援)/,
  件: /^(?:事)/,
  条: /^(?:件|例)/,
  人: /^(?:民|员|大|社)/,
  家: /^(?:庭|长|属)/,
  台: /^(?:账|帐)/,
  场: /^(?:所|地)/,
  块: /^(?:钱)/,
};
/** With a Chinese `一`, these measure words are usually part of a word (`一起`, `一部分`, `一期工程`). */
const RISKY_WITH_ONE = new Set(['起', '块', '部', '位', '本', '处', '支', '期', '条', '張', '张', '所', '次']);
const SUBJECT_STOP = new Set([...'的得在为和及与对从向把被将已均并参加等了是有都也共计达到占']);
const MAX_SUBJECT = 8;

/**
 * Counts: a number with a measure word (`2名`, `两个`, `70余个`, `1.2万人`, `2-3个`,
 * `4.52(万人)`), with the counted noun as `subject` where it is plain. Not counts:
 * ordinals (`第2名`), durations (`3个月`), words such as `部分`, `一起`.
 */
export const countParser: FigureParser = quantityParser('count', (ctx, q, i) => {
  const { text, from, to } = ctx;
  if (i > from && text.charCodeAt(i - 1) === 0x7b2c /* 第 */) return undefined;
  let j = skipSpace(text, q.end, to);
  const open = j < to && (text[j] === '(' || text[j] === '（');
  if (open) j = skipSpace(text, j + 1, to);
  let exponent = 0;
  if (q.low.script === 'arabic' && j < to && (text[j] === '万' || text[j] === '萬')) {
    exponent = 4;
    j++;
  } else if (q.low.script === 'arabic' && j < to && (text[j] === '亿' || text[j] === '億')) {
    exponent = 8;
    j++;
  }
  let approx = q.approx;
  if (j < to && (text[j] === '余' || text[j] === '多')) {
    approx = 'over';
    j++;
  }
  j = skipSpace(text, j, to);
  const word = measureWord(text, j, to);
  if (!word) return undefined;
  const after = text.slice(j + word.length, Math.min(to, j + word.length + 4));
  if (NOT_AFTER[word]?.test(after)) return undefined;
  // Counts are whole: `2.3本项目` is a section number glued to text, not 2.3 things.
  if (q.low.scale > exponent || (q.high && q.high.scale > exponent)) return undefined;
  if (q.low.script === 'cjk' && q.low.digits === '1' && !q.high && RISKY_WITH_ONE.has(word)) return undefined;
  let end = j + word.length;
  if (open && end < to && (text[end] === ')' || text[end] === '）')) end++;
  else if (open) return undefined;
  if (!approx) approx = readOuter(text, end, to)?.[1];
  const subject = subjectAfter(text, end, to) ?? subjectBefore(text, q.start, from);
  const v = quantityFields(text, q, from, q.start, exponent, approx, false);
  return {
    type: 'count',
    start: q.start,
    end,
    value: text.slice(q.start, end),
    amount: v.amount,
    min: v.min,
    max: v.max,
    approx: v.approx,
    unit: word,
    direction: v.direction,
    flags: v.flags,
    subject,
  } satisfies Complete<'count'>;
});

/** `2名党外干部得到…` → 党外干部: the Han run after the measure word, up to a stop word. */
function subjectAfter(input: string, i: number, to: number): string | undefined {
  let j = i;
  while (j < to && j - i < MAX_SUBJECT + 1 && isHan(input.charCodeAt(j)) && !SUBJECT_STOP.has(input[j]!)) j++;
  const n = j - i;
  if (n < 2 || n > MAX_SUBJECT) return undefined;
  return input.slice(i, j);
}

/** `行业协会12个` → 行业协会: the Han run before the number, when it starts after punctuation or a stop word. */
function subjectBefore(input: string, i: number, from: number): string | undefined {
  let j = i;
  while (j > from && i - j < MAX_SUBJECT + 1 && isHan(input.charCodeAt(j - 1)) && !SUBJECT_STOP.has(input[j - 1]!)) j--;
  const n = i - j;
  if (n < 2 || n > MAX_SUBJECT) return undefined;
  const before = j > from ? input[j - 1]! : '';
  if (before && isHan(input.charCodeAt(j - 1)) && !SUBJECT_STOP.has(before)) return undefined;
  return input.slice(j, i);
}
