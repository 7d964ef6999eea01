import { charSet, inSet, isDigit, isSpace, skipSpace } from '../text/chars.js';
import type { Line } from '../text/lines.js';
import { isCjkOrdinalCode } from '../text/numerals.js';
import { mayStartMarker, readMarker, styleRank, type MarkerMatch } from './markers.js';

/**
 * A marker that may open a section. Where it stands decides how much evidence it
 * needs: at the start of a line it is judged by its title; in the middle of a line
 * (reports flattened onto one line by PDF or web extraction) it must also continue
 * the numbering exactly.
 */
export interface Candidate extends MarkerMatch {
  line: Line;
  /** `lineStart`: first thing on its line; `spaced`: after white space (a flattened PDF);
   * `glued`: after punctuation or right after other text (a report with no line breaks). */
  place: 'lineStart' | 'spaced' | 'glued';
  rank: number;
  /** Where the title starts (after the marker and any space). */
  titleStart: number;
  /** Where the title would end on its own (before `。`/`：`, a `|`, a flattened gap, or the line end). */
  titleEnd: number;
  /** Code of the title's first character (0 when there is none). */
  titleChar: number;
  /** The title reads as a sentence (clause separators, or too long): a list item, not a heading. */
  sentence: boolean;
  /** The text up to the first clause separator is a plausible title (for mid-line markers
   * that continue an open level exactly: `二、绩效评价工作开展情况为加强…,`). */
  phrase: boolean;
  /** The line before ends with `：` (`备注：`, `主要职责如下：`): what follows is a list. */
  introduced: boolean;
  /** A line-start candidate with nothing under it: the next line starts a sibling or a higher level, or nothing
   * follows. */
  bodiless: boolean;
  /** The title names a document (`2023年度部门决算报表`, `《预算法》`, `…〔2020〕10号`): an item of a list of documents. */
  document: boolean;
  /** The title names an annex (`附件（佐证依据）`, `佐证材料`): what is numbered under it lists documents. */
  annex: boolean;
}

/** Longest title a heading plausibly has, in characters. */
const MAX_TITLE = 40;
/** How far a title is looked for after its marker. */
const MAX_TITLE_SCAN = 3 * MAX_TITLE;
/** A line this long with several gaps is a flattened page, not a line of prose. */
const FLAT_LINE = 160;
const FLAT_GAPS = 3;
/** A line this long in a text of few lines is a whole report run together. */
const RUN_ON_LINE = 150;

const TITLE_STOP = charSet('。：:|｜');
const GLUED_TITLE_STOP = charSet('。：:|｜，,；;、');
const CLAUSE = charSet('，,；;');
const COLON = new Set(['：', ':']);

/** True for a line that is a whole page flattened into one line (words joined by spaces). */
function isFlatLine(input: string, line: Line): boolean {
  if (line.to - line.from < FLAT_LINE) return false;
  let gaps = 0;
  for (let i = line.from + 1; i < line.to; i++) {
    if (isSpace(input.charCodeAt(i)) && !isSpace(input.charCodeAt(i - 1)) && ++gaps >= FLAT_GAPS) return true;
  }
  return false;
}

/**
 * Finds every marker that could open a section, line by line, in document order.
 * `skip(offset)` tells which parts of the input are already taken (title, table of contents).
 */
export function findCandidates(input: string, lines: Line[], skip: (offset: number) => boolean): Candidate[] {
  const contentLines = lines.reduce((n, l) => n + (l.blank ? 0 : 1), 0);
  const out: Candidate[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const flat = isFlatLine(input, line);
    const runOn = contentLines <= 6 && line.to - line.from >= RUN_ON_LINE;
    let from = line.from;
    while (from < line.to && skip(from)) from++;
    from = skipSpace(input, from, line.to);
    for (let i = from; i < line.to; i++) {
      const code = input.charCodeAt(i);
      if (!mayStartMarker(code)) continue;
      const place = i === from && from === line.from ? 'lineStart' : placeOf(input, i, from);
      if (place === undefined) continue;
      if (place === 'glued' && !runOn) continue;
      const m = readMarker(input, i, line.to);
      if (!m) continue;
      // In running text only section-like styles can open a section mid-line.
      if (place !== 'lineStart' && m.style === 'circled') continue;
      if (place === 'glued' && m.style !== 'cjk' && m.style !== 'cjk-paren') continue;
      out.push(describe(input, line, m, place, flat));
      i = m.end - 1;
    }
  }
  markBodiless(input, lines, out);
  return out;
}

/**
 * A line-start candidate that is one closed sentence (`2.资金严格按照规定时间发放。`) and
 * heads nothing (the next line is a sibling or nothing follows) is a list item.
 * One after a line ending in `：` is introduced by it, as in `备注：` / `1.…`.
 * What a candidate's title names (a document, an annex) is read here too: only
 * line-start candidates can be items of such lists.
 */
function markBodiless(input: string, lines: Line[], cands: Candidate[]): void {
  const atLine = new Map<number, Candidate>();
  for (const c of cands) if (c.place === 'lineStart') atLine.set(c.line.index, c);
  for (const c of atLine.values()) {
    let prev = c.line.index - 1;
    while (prev >= 0 && lines[prev]!.blank) prev--;
    const before = lines[prev];
    // `现将有关情况报告如下：` before `一、` introduces the report, not a list.
    if (before && !atLine.has(prev) && c.rank >= 3 && COLON.has(input[before.to - 1]!)) c.introduced = true;
    let next = c.line.index + 1;
    while (next < lines.length && lines[next]!.blank) next++;
    const after = atLine.get(next);
    const bodiless = next >= lines.length || (after !== undefined && after.rank <= c.rank);
    // Only what follows the title on its own line can be a body: `1.项目验收报告` ends its line.
    c.bodiless = bodiless && skipSpace(input, c.titleEnd, c.line.to) >= c.line.to;
    const title = input.slice(c.titleStart, c.titleEnd);
    c.document = DOCUMENT.test(title);
    c.annex = ANNEX.test(title);
    if (input[c.titleEnd] !== '。' || skipSpace(input, c.titleEnd + 1, c.line.to) < c.line.to) continue;
    if (bodiless) c.sentence = true;
  }
}

/**
 * A title naming a document: a book-title mark, a document number, or a word for a
 * document at its end (`决算报表`, `验收报告`, `会议纪要`, `照片`).
 */
const DOCUMENT =
  /^《|[〔[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d{1,5}\s*号|(?:报表|报告|[^代发]表|文件|通知|办法|方案|清单|证明|合同|协议|发票|凭证|照片|图片|截图|记录|纪要|台账|资料|材料|批复|复函|底稿|问卷|明细|复印件|扫描件|决算|预算书|函)[)）]?$/;
/** A heading naming the annex of supporting documents. */
const ANNEX = /^(?:附件|附表|附录)|佐证|证明材料|备查资料/;

function placeOf(input: string, i: number, from: number): Candidate['place'] | undefined {
  if (i === from) return 'lineStart';
  const prev = input.charCodeAt(i - 1);
  if (isSpace(prev)) return 'spaced';
  // Not inside a number or a numeral: `12.`, `十一、` are read from their start.
  if (isDigit(prev) || isCjkOrdinalCode(prev)) return undefined;
  return 'glued';
}

function describe(input: string, line: Line, m: MarkerMatch, place: Candidate['place'], flat: boolean): Candidate {
  const titleStart = skipSpace(input, m.end, line.to);
  const stops = place === 'glued' ? GLUED_TITLE_STOP : TITLE_STOP;
  let titleEnd = titleStart;
  let clauses = false;
  // Bounded: past this a title is a sentence anyway, and an unbounded scan per marker
  // would make a long line of markers quadratic.
  const limit = Math.min(line.to, titleStart + MAX_TITLE_SCAN);
  const gapEnds = flat || place === 'spaced';
  while (titleEnd < limit) {
    const code = input.charCodeAt(titleEnd);
    if (inSet(stops, code)) break;
    // A flattened page: the title ends at the first gap.
    if (gapEnds && isSpace(code) && titleEnd > titleStart + 1) break;
    if (inSet(CLAUSE, code)) clauses = true;
    titleEnd++;
  }
  let length = 0;
  let phraseLength = -1;
  for (let i = titleStart; i < titleEnd; i++) {
    const code = input.charCodeAt(i);
    if (phraseLength < 0 && inSet(CLAUSE, code)) phraseLength = length;
    if (!isSpace(code)) length++;
  }
  if (phraseLength < 0) phraseLength = length;
  const sentence = clauses || length > MAX_TITLE || length === 0 || (place !== 'lineStart' && length < 2);
  const phrase = phraseLength >= 2 && phraseLength <= MAX_TITLE;
  const titleChar = titleStart < titleEnd ? input.charCodeAt(titleStart) : 0;
  // Written out, not spread: one object shape for every candidate keeps V8 on its fast path.
  return {
    start: m.start,
    end: m.end,
    style: m.style,
    ordinal: m.ordinal,
    level: m.level,
    line,
    place,
    rank: styleRank(m.style, m.level),
    titleStart,
    titleEnd,
    titleChar,
    sentence,
    phrase,
    introduced: false,
    bodiless: false,
    document: false,
    annex: false,
  };
}
