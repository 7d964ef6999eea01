import { charSet, digitValue, inSet, isDigit, isHan } from '../../text/chars.js';
import { gapBefore } from '../numbers.js';
import type { Complete, FigureParser, Found } from '../types.js';

const OPEN = charSet('〔[【(（［〖');
const CLOSE = charSet('〕]】)）］〗');
const NUMBER_WORDS = '号號';
/** Between the serial numbers of one reference: `41、181、193号`. */
const LIST = charSet('、，,');
/** Words that end the text before an issuer code: `根据邵东办字[2020]41号` → 邵东办字. */
const BEFORE_ISSUER =
  /.*(?:根据|依据|按照|印发|下发|转发|关于|通知|文件|精神|要求|规定|办法|意见|的|和|及|与|以|按|经|据|即|见|是)/u;
/** Last characters that cannot end an issuer whose year is glued to its number (`编号202117号`). */
const NOT_ISSUER_END = charSet('第编号码证卡户账单为计共达约期年月日和及等的是');
const MAX_ISSUER = 12;
const MAX_SERIAL = 5;
const MAX_NUMBERS = 20;
/** How far white space may stand inside a reference (`茂财绩函〔2022〕2 号`): on one line. */
const MAX_SPACE = 3;

/** Index before the white space (same line, a few characters) that ends at `i`. */
function back(text: string, i: number, from: number): number {
  return gapBefore(text, i, from, MAX_SPACE);
}

/** The run of digits ending at `i`: its start (`i` when there is none). */
function digitsBack(text: string, i: number, from: number): number {
  let k = i;
  while (k > from && isDigit(text.charCodeAt(k - 1))) k--;
  return k;
}

/** The value of the digits `[from, to)`. */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let k = from; k < to; k++) value = value * 10 + digitValue(text.charCodeAt(k));
  return value;
}

/**
 * Start of the issuer code that ends at `i`: the Han run before it (with one bracketed part
 * such as `湛公警保(财)`), cut after a word that ends the sentence before it.
 */
function issuerStart(text: string, i: number, from: number): number {
  let s = i;
  // `湛公警保(财)[2018]115号`: a department in brackets inside the code.
  if (s > from && inSet(CLOSE, text.charCodeAt(s - 1))) {
    let k = s - 1;
    while (k > from && s - k <= 4 && isHan(text.charCodeAt(k - 1))) k--;
    if (k > from && k < s - 1 && inSet(OPEN, text.charCodeAt(k - 1)) && k - 1 > from && isHan(text.charCodeAt(k - 2)))
      s = k - 1;
  }
  const end = s;
  while (s > from && end - s < MAX_ISSUER && isHan(text.charCodeAt(s - 1))) s--;
  const cut = BEFORE_ISSUER.exec(text.slice(s, end));
  if (cut) s += cut[0].length;
  return s;
}

/**
 * Official document numbers: an issuer code, the year in brackets, a serial number and
 * 号 (`邵东办字[2020]41号`, `财预〔2020〕10号`, `湘财绩【2015】15号`, `茂财绩函〔2022〕2 号`,
 * `上会湘报字(2022)第0001号`, `湛公警保(财)[2018]115号`), several serial numbers of one year
 * (`保财教[2021]41、181、193号`), decrees without a year (`国务院令第649号`), and numbers whose
 * bracket was lost in copying (`中发(201834号`, `藏民函202117号`). Read back from the 号.
 */
export const docRefParser: FigureParser = {
  name: 'docRef',
  firstChars: NUMBER_WORDS,
  find({ text, from, to }) {
    const out: Found[] = [];
    let taken = from;
    for (let h = from; h < to; h++) {
      const c = text.charCodeAt(h);
      if (c !== 0x53f7 /* 号 */ && c !== 0x865f /* 號 */) continue;
      const found = readBack(text, h, taken);
      if (found) {
        out.push(found);
        taken = h + 1;
      }
    }
    return out;
  },
};

/** The document number that ends with the 号 at `h`, read back to no further than `from`. */
function readBack(text: string, h: number, from: number): Found | undefined {
  // The serial numbers' digit runs, last first: `41、181、193`.
  const runs: Array<[number, number]> = [];
  let k = back(text, h, from);
  for (;;) {
    const s = digitsBack(text, k, from);
    if (s === k || runs.length >= MAX_NUMBERS) return undefined;
    runs.push([s, k]);
    const sep = back(text, s, from);
    if (sep <= from || !inSet(LIST, text.charCodeAt(sep - 1))) break;
    const next = back(text, sep - 1, from);
    if (next <= from || !isDigit(text.charCodeAt(next - 1))) break;
    k = next;
  }
  runs.reverse();
  const [first, firstEnd] = runs[0]!;
  let p = back(text, first, from);
  const ordinal = p > from && text[p - 1] === '第';
  if (ordinal) p = back(text, p - 1, from);
  let year: number | undefined;
  let open: number;
  if (p > from && inSet(CLOSE, text.charCodeAt(p - 1))) {
    // `[2020]41号`: the year in brackets.
    const y = back(text, p - 1, from);
    const ys = digitsBack(text, y, from);
    const o = back(text, ys, from);
    if (y - ys !== 4 || o <= from || !inSet(OPEN, text.charCodeAt(o - 1))) return undefined;
    year = digitsValue(text, ys, y);
    open = o - 1;
  } else if (!ordinal && runs.length === 1 && firstEnd - first >= 5 && firstEnd - first <= 4 + MAX_SERIAL) {
    // The bracket was lost: `(201834号`, `藏民函202117号` are year 2018/2021 and the rest.
    year = digitsValue(text, first, first + 4);
    runs[0] = [first + 4, firstEnd];
    if (p > from && inSet(OPEN, text.charCodeAt(p - 1))) open = p - 1;
    else if (p === first && p > from && !inSet(NOT_ISSUER_END, text.charCodeAt(p - 1))) open = p;
    else return undefined;
  } else if (ordinal && p > from && text[p - 1] === '令') {
    // `国务院令第649号`: a decree, numbered without a year.
    open = p;
  } else return undefined;
  if (year !== undefined && (year < 1949 || year > 2099)) return undefined;
  const numbers: number[] = [];
  for (const [s, e] of runs) {
    if (e - s > MAX_SERIAL) return undefined;
    numbers.push(digitsValue(text, s, e));
  }
  // PDF text may space the issuer from its bracket (`财预 〔2020〕10号`).
  const issuerEnd = open === first ? open : back(text, open, from);
  const start = issuerStart(text, issuerEnd, from);
  // An issuer is written; one glued to its number has at least two characters (`藏民函`).
  if (start === issuerEnd || (open === first && open - start < 2)) return undefined;
  return {
    type: 'docRef',
    start,
    end: h + 1,
    value: text.slice(start, h + 1),
    issuer: text.slice(start, issuerEnd),
    year,
    number: numbers[0],
    numbers: numbers.length > 1 ? numbers : undefined,
  } satisfies Complete<'docRef'>;
}
