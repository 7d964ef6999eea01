import { headerWordsAt, isTotalLabel, levelAt, nextHeaderWord, type Role } from './headers.js';
import { charSet, inSet } from '../text/chars.js';
import { startBefore } from '../tree/arrays.js';
import type { TextCell } from './text-tables.js';
import type { Grid } from '../read/grid.js';

/**
 * A form found flattened into running text (a web page or PDF copied without its table
 * breaks: `…分值得分偏差原因分析及改进措施产出指标数量指标新建…≥2万亩2.03万亩1515…`), cut
 * back into cells. Cells carry UTF-16 offsets into the input; a row leaves the label
 * cells its merged cells dropped empty, to be filled down.
 */
export interface FlatTable extends Grid {
  start: number;
  end: number;
  rows: TextCell[][];
}

/** The input's `[from, to)` with white space taken out. */
interface Squeezed {
  s: string;
  text: string;
  from: number;
  to: number;
  /** Each stretch between blanks: its start in `s` and in the input, made when a form is found. */
  starts?: number[];
  origins?: number[];
}

/** The blanks a flattened form is read across: squeezed out by {@link BLANKS}, told by {@link isBlank}. */
const BLANK_CHARS = ' \t\n\r\u00a0\u3000';
const BLANKS = new RegExp(`[${BLANK_CHARS}]+`, 'g');
const BLANK = charSet(BLANK_CHARS);
const isBlank = (code: number) => inSet(BLANK, code);

/**
 * Squeezes `[from, to)` with one regular expression, which makes the string in one piece. It was
 * made a character at a time, with the offset of each character kept, though only the cells of a
 * form found need one (squeezing our fixtures, CPU: 125–190 → 20 µs; on 50,000
 * one-character lines it was a string and an array entry a line).
 */
function squeeze(text: string, from: number, to: number): Squeezed {
  return { s: text.slice(from, to).replace(BLANKS, ''), text, from, to };
}

/** Where the character at `k` of the squeezed text stands in the input. */
function origin(sq: Squeezed, k: number): number {
  if (!sq.starts || !sq.origins) {
    const starts: number[] = [];
    const origins: number[] = [];
    let length = 0;
    let stretch = -1;
    for (let i = sq.from; i <= sq.to; i++) {
      if (i === sq.to || isBlank(sq.text.charCodeAt(i))) {
        if (stretch >= 0) {
          starts.push(length);
          origins.push(stretch);
          length += i - stretch;
        }
        stretch = -1;
      } else if (stretch < 0) stretch = i;
    }
    sq.starts = starts;
    sq.origins = origins;
  }
  const stretch = startBefore(sq.starts, k);
  return sq.origins![stretch]! + (k - sq.starts[stretch]!);
}

/**
 * Finds self-evaluation forms run together into text: a run of header words (`一级指标二级
 * 指标三级指标年度指标值实际完成值分值得分…`, `年初预算数全年预算数全年执行数…`) and the
 * rows after it, read by what each column holds: labels, values with their comparator
 * and unit, and weight and score digits run together (`1515` is 15 and 15, `1081、…` is
 * 10, 8 and a reason starting `1、`); in the split-column forms (指标性质 / 指标值 / 度量单位)
 * the actual runs into them too, and is read as the figure nearest the target; budget
 * figures are read by their decimals and their rate. Reading stops where the text stops
 * fitting the form.
 * White space is ignored, so `2022 年` and `260 万元` read as written without it. `from`/`to`
 * limit the search to a stretch of `text`; offsets stay offsets into `text`.
 *
 * @example
 *   const text = '一级指标二级指标三级指标年度指标值实际完成值分值得分产出指标数量指标新建机耕道路≥40公里36公里108';
 *   findFlattenedTables(text)[0].rows[1].map((c) => c.text)
 *   // ['产出指标', '数量指标', '新建机耕道路', '≥40公里', '36公里', '10', '8']
 */
export function findFlattenedTables(text: string, from = 0, to = text.length): FlatTable[] {
  const sq = squeeze(text, from, to);
  const { s } = sq;
  const out: FlatTable[] = [];
  for (let i = nextHeaderWord(s, 0); i < s.length; i = nextHeaderWord(s, i)) {
    // Of the ways to read a glued header, the one under which the most rows read.
    let best: { head: Head; rows: Span[][]; end: number } | null = null;
    // Longest header first: a shorter reading wins only by reading more rows.
    const heads = chainsWords(s, i, HEADER_WORDS) ? headerRuns(s, i).sort((a, b) => b.end - a.end) : NO_HEADS;
    for (const head of heads) {
      const read = body(s, head);
      if (read.rows.length > 1 && (!best || read.rows.length > best.rows.length)) best = { head, ...read };
    }
    if (!best) {
      // No form starts in this run of header words: go past it (a run read again from each of
      // its words was quadratic on a run of thousands).
      let p = i;
      for (let w = headerWordsAt(s, p); w.length > 0; w = headerWordsAt(s, p)) p = w[0]!.end;
      i = Math.max(i + 1, p);
      continue;
    }
    out.push({
      start: origin(sq, best.head.cells[0]![0]),
      end: origin(sq, best.end - 1) + 1,
      rows: best.rows.map((row) => row.map((span) => cell(text, sq, span))),
    });
    i = best.end;
  }
  return out;
}

/** The fewest header words a form's header has (a budget header three, an indicator header four). */
const HEADER_WORDS = 3;

const NO_HEADS: readonly Head[] = Object.freeze([]);

/**
 * Whether `words` header words follow one another from `i`, as in every form's header. Most
 * header words in a report stand in prose (`单位`, `实际完成`, `执行率`): this answers them in a
 * few lookups instead of reading every header they might open ({@link headerRuns}; parse of
 * our fixtures, CPU: flattened forms 260–285 → 150–185 µs).
 */
function chainsWords(s: string, i: number, words: number): boolean {
  if (words === 0) return true;
  for (const word of headerWordsAt(s, i)) if (chainsWords(s, word.end, words - 1)) return true;
  return false;
}

/** The header row and the rows read after it, up to where the text stops fitting the form. */
function body(s: string, head: Head): { rows: Span[][]; end: number } {
  const rows: Span[][] = [head.cells];
  let p = head.end;
  for (;;) {
    const total = totalRow(s, p, head.roles);
    if (total && inOrder(total.cells)) {
      rows.push(total.cells);
      return { rows, end: total.end };
    }
    const row = head.kind === 'budget' ? budgetRow(s, p, head.roles) : indicatorRow(s, p, head.roles, true);
    if (!row || !inOrder(row.cells)) return { rows, end: p };
    rows.push(row.cells);
    p = row.end;
  }
}

/**
 * True when a row's cells stand in the text in the order of the header's columns. The row
 * readers read a row in the order the common forms write it (name, 指标性质, value, unit…); a
 * header that orders its columns otherwise (the Chongqing form's 计量单位 before 指标性质)
 * would put a later cell before an earlier one, and such a row does not fit the form.
 */
function inOrder(cells: Span[]): boolean {
  let at = 0;
  for (const [a, b] of cells) {
    if (a < 0) continue;
    if (a < at) return false;
    at = b;
  }
  return true;
}

/** A cell as `[start, end)` in the squeezed text; `[-1, -1]` for an empty one. */
type Span = [number, number];
const EMPTY: Span = [-1, -1];

function cell(text: string, sq: Squeezed, [a, b]: Span): TextCell {
  if (a < 0 || b <= a) return { text: '', rowSpan: 1, colSpan: 1 };
  const start = origin(sq, a);
  const end = origin(sq, b - 1) + 1;
  return { text: sq.s.slice(a, b), rowSpan: 1, colSpan: 1, start, end };
}

interface Head {
  kind: 'indicator' | 'budget';
  roles: Role[];
  cells: Span[];
  end: number;
}

/** The readings of a run of header words at `i` that make an indicator or a budget header. */
function headerRuns(s: string, i: number): Head[] {
  const out: Head[] = [];
  const roles: Role[] = [];
  const cells: Span[] = [];
  // A header has a dozen words or so, each role once: readings are few, and the walk is bounded
  // (`执行率得分` repeated read two ways at every word was exponential).
  let steps = 0;
  const walk = (p: number) => {
    // Every prefix of every reading is a candidate: a header word may also open the first row (预算执行率).
    // A reading may stop before a word (预算执行率 opening the first row), never inside one:
    // `偏差原因分析` of `偏差原因分析及改进措施` leaves `及改进措施` to be read as a row.
    const last = cells[cells.length - 1];
    const inside = last !== undefined && headerWordsAt(s, last[0]).some((w) => w.end > p);
    // Nor before a header word of a column it lacks (`偏差原因分析及改进措施` is no 三级指标 name).
    const before =
      levelAt(s, p, 1) < 0 && headerWordsAt(s, p).some((w) => w.role === 'ignore' || !roles.includes(w.role));
    const head = inside || before ? null : asHead(roles.slice(), cells.slice(), p);
    if (head) out.push(head);
    if (roles.length >= MAX_COLUMNS) return;
    for (const word of headerWordsAt(s, p)) {
      if (out.length >= 24 || ++steps > 256) return;
      if (word.role !== 'ignore' && roles.includes(word.role)) continue;
      roles.push(word.role);
      cells.push([p, word.end]);
      walk(word.end);
      roles.pop();
      cells.pop();
    }
  };
  if (i === 0 || headerWordsAt(s, i - 1).length === 0) walk(i);
  return out;
}

/** Columns a form has at the most. */
const MAX_COLUMNS = 16;

function asHead(roles: Role[], cells: Span[], end: number): Head | null {
  const has = (role: Role) => roles.includes(role);
  const money = ['initial', 'adjusted', 'executed'].filter((r) => has(r as Role)).length;
  if (money >= 2 && roles.length >= 3) return { kind: 'budget', roles, cells, end };
  const labels = has('name') || has('level1') || has('level2');
  if (labels && (has('weight') || has('score')) && (has('target') || has('actual')) && roles.length >= 4) {
    // Labels, target, actual, weight, score, reason; or with the value split into 指标性质,
    // value and unit, which needs both of those columns.
    if (has('nature') !== has('unit')) return null;
    return { kind: 'indicator', roles, cells, end };
  }
  return null;
}

const COMPARATORS = [
  '大于或等于',
  '小于或等于',
  '大于等于',
  '小于等于',
  '不低于',
  '不少于',
  '不小于',
  '不高于',
  '不超过',
  '不多于',
  '不大于',
  '控制在',
  '>=',
  '<=',
  '≥',
  '≤',
  '≧',
  '≦',
  '＞',
  '＜',
  '>',
  '<',
  '=',
  '＝',
];
const SUFFIXES = ['及以上', '及以下', '以上', '以下', '以内', '之内'];

// On characters, not code units as in text/chars: the glued-text readers below work on `s[i]`.
// ASCII digits only, as their patterns (`\d`) read.
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isHan = (ch: string | undefined) => ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';

function comparatorAt(s: string, i: number): number {
  for (const word of COMPARATORS) if (s.startsWith(word, i)) return i + word.length;
  return i;
}

/** A figure value at `i`: comparator, number, unit (at most six characters, `%` alone), comparator word. */
function valueAt(s: string, i: number): number {
  let p = comparatorAt(s, i);
  const m = /^-?\d+(?:\.\d+)?/.exec(s.slice(p, p + 24));
  if (!m) return -1;
  p += m[0].length;
  if ('%％‰'.includes(s[p] ?? 'x')) p++;
  else {
    // A unit: a few characters (`万平方米`, `元/平方米`, `台（套）`), never a label's start.
    let n = 0;
    while (
      p < s.length &&
      n < 6 &&
      !isDigit(s[p]) &&
      comparatorAt(s, p) === p &&
      !'，。；、—'.includes(s[p]!) &&
      levelAt(s, p, 1) < 0 &&
      levelAt(s, p, 2) < 0
    ) {
      if (isHan(s[p])) n++;
      if (n > 4) break;
      p++;
    }
  }
  for (const word of SUFFIXES) if (s.startsWith(word, p)) return p + word.length;
  return p;
}

/** Where a run of text (a label or a qualitative value) ends: before a digit, comparator or dash. */
function textEnd(s: string, i: number): number {
  let p = i;
  while (p < s.length && !isDigit(s[p]) && comparatorAt(s, p) === p && !'—'.includes(s[p]!)) p++;
  return p;
}

/**
 * A label: short, words (not a mark such as `-`), and no sentence in it (a reason run on into the
 * next row's name is no name).
 */
function labelLike(s: string, a: number, b: number): boolean {
  const text = s.slice(a, b);
  return b - a >= 2 && b - a <= 30 && /\p{L}/u.test(text) && !/[。；;！？]/.test(text) && totalRowLabel(s, a) < 0;
}

/** The end of a 总分 / 合计 label at `p`, or -1. */
function totalRowLabel(s: string, p: number): number {
  const label = /^(?:自评总分|总得分|总分|合计|总计)/.exec(s.slice(p, p + 4));
  return label && isTotalLabel(label[0]) ? p + label[0].length : -1;
}

/** Qualitative values the forms write, longest first: to cut `名称健全基本健全` at its values. */
const QUALITATIVE = (
  '基本健全 有效保障 明显改善 显著改善 明显提升 显著提升 有效提升 有效改善 逐步提高 达到预期 基本达到 持续开展 ' +
  '按期完成 基本完成 全部完成 有效消除 健全 完善 完成 建立 合规 公开 规范 及时 长期 良好 较好 合格 达标 优 良 中 是 否'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/**
 * Cuts a run of Han text holding name, target and actual (a qualitative row): the two
 * values are the same text twice at its end, or words of the qualitative vocabulary.
 */
function splitQualitative(s: string, a: number, b: number, repeatOnly: boolean): [Span, Span, Span] | null {
  const run = s.slice(a, b);
  for (let len = Math.floor((run.length - 1) / 2); len >= 1; len--) {
    const x = run.slice(run.length - len);
    // A value is words (`有效保障`): a sign repeated (`||`) is none.
    if (run.slice(run.length - 2 * len, run.length - len) === x && /\p{L}/u.test(x)) {
      const t = b - 2 * len;
      return [
        [a, t],
        [t, t + len],
        [t + len, b],
      ];
    }
  }
  if (repeatOnly) return null;
  const suffix = (end: number) => QUALITATIVE.find((w) => s.slice(a, end).endsWith(w) && end - w.length > a + 1);
  const actual = suffix(b);
  const target = actual ? suffix(b - actual.length) : undefined;
  if (actual && target) {
    const t = b - actual.length - target.length;
    return [
      [a, t],
      [t, b - actual.length],
      [b - actual.length, b],
    ];
  }
  // Else two values of one length ending alike (`明显改善基本改善`, `按期完成基本完成`).
  for (let len = Math.min(6, Math.floor((run.length - 2) / 2)); len >= 2; len--) {
    const last = run.slice(run.length - len);
    const before = run.slice(run.length - 2 * len, run.length - len);
    if (last.slice(-2) === before.slice(-2) && /^\p{Script=Han}+$/u.test(before + last)) {
      const t = b - 2 * len;
      return [
        [a, t],
        [t, t + len],
        [t + len, b],
      ];
    }
  }
  return null;
}

/**
 * A plausible split of glued digits into weight and score (`1515` → 15, 15), leaving the
 * digits that open the reason (`1081、…` → 10, 8 and `1、…`; `10101座…` → 10, 10 and `1座…`).
 */
function weightScore(s: string, i: number): { weight: Span; score: Span; end: number } | null {
  const run = /^[\d.]+/.exec(s.slice(i, i + 16))?.[0] ?? '';
  // Digits before a percent sign are a percent (`95%`), never a weight and a score.
  if (run.length < 2 || '%％‰'.includes(s[i + run.length] ?? 'x')) return null;
  let best: { k: number; rest: number; score: number } | null = null;
  for (let rest = 0; rest <= 2 && rest < run.length - 1; rest++) {
    const body = run.slice(0, run.length - rest);
    // Digits left over must open the reason: a list marker (`1、`) or a count (`1座`).
    if (rest && !opensReason(s, i + run.length)) continue;
    // Digits that run into 年, 月 or 日 are a date (`2020年`), into 万, 元 or 余 an amount (`520万元`, `20余万元`),
    // not a weight and a score.
    if (!rest && '年月日万亿千元余'.includes(s[i + run.length] ?? 'x')) continue;
    for (let k = 1; k < body.length; k++) {
      const w = plain(body.slice(0, k));
      const sc = plain(body.slice(k));
      if (w === null || sc === null || w > 100 || w === 0) continue;
      let score = 0;
      if (sc <= w) score += 4;
      if (sc >= w * 0.6) score += 1;
      if (Number.isInteger(w)) score += 1;
      if (w % 5 === 0) score += 1;
      // A score is never half as much again as its weight (`1250.00` is no weight 1 and score 250.00).
      if (sc > w * 1.5) continue;
      score -= rest * 1.5;
      if (!best || score > best.score) best = { k, rest, score };
    }
  }
  if (!best) return null;
  const end = i + run.length - best.rest;
  return { weight: [i, i + best.k], score: [i + best.k, end], end };
}

/** True when digits before `i` can open a reason: a list marker (`1、`) or a count (`1座`), not a label. */
function opensReason(s: string, i: number): boolean {
  return ('、.．'.includes(s[i] ?? 'x') || isHan(s[i])) && levelAt(s, i, 1) < 0 && levelAt(s, i, 2) < 0;
}

/** A number written plainly: no leading zero, at most two decimals. */
function plain(text: string): number | null {
  if (!/^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/.test(text)) return null;
  return Number(text);
}

/**
 * One indicator row at `p`: [一级] [二级] 三级 target actual weight score [reason].
 * `withReason` false reads no reason (used to see whether a row starts somewhere).
 */
function indicatorRow(s: string, p: number, roles: Role[], withReason: boolean): { cells: Span[]; end: number } | null {
  const cells = new Map<Role, Span>();
  let q = p;
  const l1 = roles.includes('level1') ? levelAt(s, q, 1) : -1;
  if (l1 > 0) {
    cells.set('level1', [q, l1]);
    q = l1;
  }
  let l2 = roles.includes('level2') ? levelAt(s, q, 2) : -1;
  if (l2 > 0) {
    cells.set('level2', [q, l2]);
    q = l2;
  } else if (l1 > 0 && roles.includes('level2') && levelAt(s, p, 2) === l1) {
    // 成本指标 is 一级 in some forms and 二级 in others: with no 二级 after it, it is the 二级.
    cells.delete('level1');
    cells.set('level2', [p, l1]);
    l2 = l1;
  }
  if (roles.includes('nature')) {
    const split = splitColumns(s, q, cells);
    return split < 0 ? null : finish(s, split, cells, roles, withReason);
  }
  const nameEnd = textEnd(s, q);
  let after = -1;
  const repeat = labelLike(s, q, nameEnd) ? splitQualitative(s, q, nameEnd, true) : null;
  if (repeat && weightScore(s, nameEnd)) {
    // name, then the same qualitative value twice (`有效保障有效保障`).
    cells.set('name', repeat[0]);
    cells.set('target', repeat[1]);
    cells.set('actual', repeat[2]);
    after = nameEnd;
  } else if (labelLike(s, q, nameEnd) && valueAt(s, nameEnd) > nameEnd) {
    // name, then figure values; the actual may be words (`≥95%基本完成`).
    const t = valueAt(s, nameEnd);
    let a = valueAt(s, t);
    if (a < 0 || weightScore(s, a) === null) a = textEnd(s, t);
    // An actual in words is a value (`基本完成`), not a clause of prose (`，预算执行率`).
    if (weightScore(s, a) && !/[，,。；;：:]/.test(s.slice(t, a))) {
      cells.set('name', [q, nameEnd]);
      cells.set('target', [nameEnd, t]);
      cells.set('actual', [t, a]);
      after = a;
    }
  } else if (nameEnd === q && l1 > 0 && l2 < 0 && valueAt(s, q) > q) {
    // A row labelled only in the 一级 column (预算执行率).
    const t = valueAt(s, q);
    const a = valueAt(s, t);
    if (a > t) {
      cells.set('target', [q, t]);
      cells.set('actual', [t, a]);
      after = a;
    }
  }
  if (after < 0) {
    // Words only before the weight and score: name, target and actual are all text.
    const parts = labelLike(s, q, nameEnd) || nameEnd - q > 30 ? splitQualitative(s, q, nameEnd, false) : null;
    if (parts && !labelLike(s, parts[0][0], parts[0][1])) return null;
    if (!parts) return null;
    cells.set('name', parts[0]);
    cells.set('target', parts[1]);
    cells.set('actual', parts[2]);
    after = nameEnd;
  }
  const ws = weightScore(s, after);
  if (!ws) return null;
  cells.set('weight', ws.weight);
  cells.set('score', ws.score);
  return finish(s, ws.end, cells, roles, withReason);
}

/** The reason after the score, up to the next row, and the row's cells in column order. */
function finish(
  s: string,
  end: number,
  cells: Map<Role, Span>,
  roles: Role[],
  withReason: boolean,
): { cells: Span[]; end: number } {
  if (withReason && roles.includes('reason')) {
    const stop = nextRow(s, end, roles);
    if (stop > end) cells.set('reason', [end, stop]);
    end = stop;
  }
  return { cells: roles.map((role) => cells.get(role) ?? EMPTY), end };
}

/** 指标性质 wordings, signs first. */
const NATURES = ['定性', '定量', '正向', '反向', '>=', '<=', '≥', '≤', '≧', '≦', '＝', '=', '＞', '＜', '>', '<'];

function natureAt(s: string, i: number): number {
  for (const word of NATURES) if (s.startsWith(word, i)) return i + word.length;
  return -1;
}

/**
 * The split columns of the Sichuan and Yunnan forms at `q`: name, 指标性质, value, unit, then
 * the actual, weight and score digits run together (`≥18000平方米186501515`), read as the
 * split whose actual is nearest the target; a qualitative row has its two values as text
 * (`定性健全—基本健全108`). Returns where the score ends, or -1.
 */
function splitColumns(s: string, q: number, cells: Map<Role, Span>): number {
  let n = -1;
  for (let k = q + 2; k <= q + 30 && k < s.length; k++) {
    if (natureAt(s, k) > k && labelLike(s, q, k)) {
      n = k;
      break;
    }
  }
  if (n < 0) return -1;
  const v = natureAt(s, n);
  cells.set('name', [q, n]);
  cells.set('nature', [n, v]);
  if (s.startsWith('定性', n)) {
    // The two values run up to the weight's digits, a dash for the blank unit between them.
    let end = v;
    while (end < s.length && end - v < 40 && !isDigit(s[end])) end++;
    const dash = s.indexOf('—', v);
    let parts: [Span, Span, Span] | null;
    if (dash > v && dash < end) {
      let after = dash;
      while (s[after] === '—') after++;
      parts = [
        [n, n],
        [v, dash],
        [after, textEnd(s, after)],
      ];
    } else if ((end - v) % 2 === 0 && s.slice(v, (v + end) / 2) === s.slice((v + end) / 2, end)) {
      parts = [
        [n, n],
        [v, (v + end) / 2],
        [(v + end) / 2, end],
      ];
    } else parts = splitQualitative(s, v, end, false);
    if (!parts) return -1;
    const ws = weightScore(s, parts[2][1]);
    if (!ws) return -1;
    cells.set('target', parts[1]);
    cells.set('actual', parts[2]);
    cells.set('weight', ws.weight);
    cells.set('score', ws.score);
    return ws.end;
  }
  const m = /^-?\d+(?:\.\d+)?/.exec(s.slice(v, v + 24));
  if (!m) return -1;
  const unitStart = v + m[0].length;
  let u = unitStart;
  while (u < s.length && u - unitStart < 6 && !isDigit(s[u]) && !'，。；、'.includes(s[u]!)) u++;
  if (u === unitStart && s[u] !== undefined && isDigit(s[u])) return -1;
  const figures = actualWeightScore(s, u, Number(m[0]));
  if (!figures) return -1;
  cells.set('target', [v, unitStart]);
  if (u > unitStart) cells.set('unit', [unitStart, u]);
  cells.set('actual', figures.actual);
  cells.set('weight', figures.weight);
  cells.set('score', figures.score);
  return figures.end;
}

/**
 * Glued actual, weight and score digits (`186501515` under a target of 18000): of the splits
 * that read as plain numbers with the score at most the weight's and a half, the one whose
 * actual is nearest the target, weights and scores read as {@link weightScore} does.
 */
function actualWeightScore(
  s: string,
  i: number,
  target: number,
): { actual: Span; weight: Span; score: Span; end: number } | null {
  const run = /^[\d.]+/.exec(s.slice(i, i + 24))?.[0] ?? '';
  if ('%％‰'.includes(s[i + run.length] ?? 'x')) return null;
  let best: { a: number; b: number; rest: number; score: number } | null = null;
  for (let rest = 0; rest <= 2 && rest < run.length - 2; rest++) {
    if (rest && !opensReason(s, i + run.length)) continue;
    const body = run.slice(0, run.length - rest);
    for (let a = 1; a < body.length - 1; a++) {
      const actual = plain(body.slice(0, a));
      if (actual === null) continue;
      for (let b = a + 1; b < body.length; b++) {
        const w = plain(body.slice(a, b));
        const sc = plain(body.slice(b));
        if (w === null || sc === null || w === 0 || w > 100 || sc > w * 1.5) continue;
        let score = (sc <= w ? 4 : 0) + (sc >= w * 0.6 ? 1 : 0) + (w % 5 === 0 ? 1 : 0) - rest * 1.5;
        const ratio = target > 0 && actual > 0 ? Math.abs(Math.log(actual / target)) : Math.log10(actual + 1);
        score -= 3 * ratio;
        if (!best || score > best.score) best = { a, b, rest, score };
      }
    }
  }
  if (!best) return null;
  const end = i + run.length - best.rest;
  return { actual: [i, i + best.a], weight: [i + best.a, i + best.b], score: [i + best.b, end], end };
}

/** Where the next row (or the total, or the end of the form) starts after a reason beginning at `i`. */
function nextRow(s: string, i: number, roles: Role[]): number {
  for (let j = i; j < s.length; j++) {
    const boundary = j === i || '。；;！？'.includes(s[j - 1]!) || levelAt(s, j, 1) > 0 || levelAt(s, j, 2) > 0;
    if (!boundary) continue;
    if (totalRow(s, j, roles) || indicatorRow(s, j, roles, false)) return j;
    if (j > i && '。'.includes(s[j - 1]!) && !isHan(s[j]) && !isDigit(s[j])) return j;
  }
  return i;
}

/** 总分 / 合计 and the weight and score after it (`总分10096.15`). */
function totalRow(s: string, p: number, roles: Role[]): { cells: Span[]; end: number } | null {
  const q = totalRowLabel(s, p);
  if (q < 0) return null;
  const run = /^\d+(?:\.\d+)?/.exec(s.slice(q, q + 16))?.[0];
  if (!run) return null;
  const cells = new Map<Role, Span>();
  if (run.startsWith('100') && plain(run.slice(3)) !== null && plain(run.slice(3))! <= 100) {
    cells.set('weight', [q, q + 3]);
    cells.set('score', [q + 3, q + run.length]);
  } else cells.set('score', [q, q + run.length]);
  const first = roles[0]!;
  return { cells: roles.map((role) => cells.get(role) ?? (role === first ? [p, q] : EMPTY)), end: q + run.length };
}

/** One budget row at `p`: the item, then its amounts, weight, rate and score run together. */
function budgetRow(s: string, p: number, roles: Role[], withReason = true): { cells: Span[]; end: number } | null {
  const itemEnd = textEnd(s, p);
  if (itemEnd - p < 2 || !labelLike(s, p, itemEnd)) return null;
  let q = itemEnd;
  while (q < s.length && /[\d.,%％—－/-]/.test(s[q]!)) q++;
  const columns = roles.filter((role) => role !== 'item' && role !== 'outer' && role !== 'reason');
  const parse = readBudget(s, itemEnd, q, columns);
  // Every amount column holds a figure or a dash: `清扫保洁260万平方米` is no budget row.
  const amounts = columns.filter((role) => role === 'initial' || role === 'adjusted' || role === 'executed').length;
  const dashes = (s.slice(itemEnd, q).match(/[—－-]+/g) ?? []).length;
  if (!parse || parse.filter((span, k) => span[0] >= 0 && AMOUNTS.has(columns[k]!)).length + dashes < amounts)
    return null;
  const cells = new Map<Role, Span>([['item', [p, itemEnd]]]);
  columns.forEach((role, k) => cells.set(role, parse[k]!));
  const itemRole = roles.includes('item') ? 'item' : roles[0]!;
  let end = q;
  if (withReason && roles.includes('reason') && isHan(s[q])) {
    // A reason (原因) runs to where the next budget row, or the next header, starts.
    for (let j = q + 1; j < s.length && j - q <= 200; j++) {
      if (!'。；;'.includes(s[j - 1]!)) continue;
      if (budgetRow(s, j, roles, false) || headerWordsAt(s, j).length > 0) {
        cells.set('reason', [q, j]);
        end = j;
        break;
      }
    }
  }
  return {
    cells: roles.map((role) => (role === itemRole ? [p, itemEnd] : (cells.get(role) ?? EMPTY))),
    end,
  };
}

const AMOUNTS = new Set<Role>(['initial', 'adjusted', 'executed']);

/**
 * Reads the figures of a budget row (`2000.002000.001930.001096.50%9.65`) into its columns:
 * amounts with the same decimals, a weight and score of at most 100, a rate ending in `%`,
 * dashes for blanks; among the readings that use every character, the one whose rate is
 * closest to executed ÷ adjusted.
 */
function readBudget(s: string, from: number, to: number, columns: Role[]): Span[] | null {
  let best: { spans: Span[]; cost: number } | null = null;
  const spans: Span[] = [];
  // Whole numbers run together can be cut in very many ways (60 digits over six columns took
  // seconds a row). Three bounds keep a row linear: a piece stops growing once it cannot be a
  // number; a state (column, offset) from which no reading reached the row's end is not walked
  // again; and the walk stops after a number of pieces (BUDGET_STEPS), keeping the best reading found by then.
  const width = to - from + 1;
  const dead = new Uint8Array((columns.length + 1) * width);
  let steps = 0;
  const limit = Math.max(BUDGET_STEPS_MIN, BUDGET_STEPS * (to - from));
  let complete = 0;
  const walk = (k: number, p: number) => {
    // Blank cells at the row's end leave nothing in flattened text.
    if (p === to && k < columns.length) {
      for (let rest = k; rest < columns.length; rest++) spans.push(EMPTY);
      walk(columns.length, p);
      spans.length = k;
      return;
    }
    if (k === columns.length) {
      if (p !== to) return;
      complete++;
      const cost = budgetCost(s, spans, columns);
      if (cost !== null && (!best || cost < best.cost)) best = { spans: spans.slice(), cost };
      return;
    }
    const state = k * width + (p - from);
    if (dead[state]) return;
    const before = complete;
    if ('—－-/'.includes(s[p] ?? 'x')) {
      // A blank is a dash or two (`—`, `——`): both readings are tried.
      for (const e of [p + 1, p + 2]) {
        if (e > to || !'—－-/'.includes(s[e - 1] ?? 'x')) continue;
        spans.push([-1, -1]);
        walk(k + 1, e);
        spans.pop();
      }
    } else {
      const role = columns[k]!;
      // The piece `[p, e)` grows a character at a time, read as it grows (no slice or pattern per
      // step): digits with commas between, then a point and at most two decimals.
      let point = -1;
      let comma = false;
      for (let e = p + 1; e <= to && e - p <= 14 && steps < limit; e++) {
        steps++;
        const ch = s[e - 1]!;
        // No longer piece is a number either: a second point, a third decimal, a sign, a leading zero.
        if (ch === '.') {
          if (point >= 0 || e - 1 === p) break;
          point = e - 1;
          continue;
        }
        if (ch === ',' ? point >= 0 || e - 1 === p : !isDigit(ch)) break;
        if (point >= 0 && e - point > 3) break;
        if (s[p] === '0' && point < 0 && e - p > 1) break;
        if (ch === ',') {
          comma = true;
          continue;
        }
        if (role === 'rate') {
          // A rate is written plainly, with its percent sign.
          if (comma || (s[e] !== '%' && s[e] !== '％')) continue;
          spans.push([p, e + 1]);
          walk(k + 1, e + 1);
          spans.pop();
        } else {
          if ((role === 'weight' || role === 'score') && Number(s.slice(p, e).replace(/,/g, '')) > 100) continue;
          spans.push([p, e]);
          walk(k + 1, e);
          spans.pop();
        }
      }
    }
    if (complete === before && steps < limit) dead[state] = 1;
  };
  walk(0, from);
  return best === null ? null : (best as { spans: Span[] }).spans;
}

/**
 * Pieces of a budget row walked at the most (see {@link readBudget}): 1,000, or 8 per character
 * of its figures for a longer row. `2000.002000.001930.001096.50%9.65` takes 231 for its 33
 * characters; whole numbers, cut more ways, 729 for `48052046890%109`.
 */
const BUDGET_STEPS = 8;
const BUDGET_STEPS_MIN = 1000;

function budgetCost(s: string, spans: Span[], columns: Role[]): number | null {
  const value = (role: Role) => {
    const k = columns.indexOf(role);
    const span = k >= 0 ? spans[k] : undefined;
    return span && span[0] >= 0 ? Number(s.slice(span[0], span[1]).replace(/[,%％]/g, '')) : null;
  };
  const amounts = (['initial', 'adjusted', 'executed'] as Role[])
    .map((role) => spans[columns.indexOf(role)])
    .filter((span): span is Span => span !== undefined && span[0] >= 0)
    .map((span) => s.slice(span[0], span[1]));
  if (amounts.length < 2) return null;
  const decimals = new Set(amounts.map((a) => (a.includes('.') ? a.length - a.indexOf('.') - 1 : 0)));
  // Whole numbers run together cut anywhere: such a reading stands only when its rate bears it out
  // (`48052046890%` is 480, 520, 468 at 90%), or when every amount is 0 (`000`); `5000亩` is no row.
  const rateShown = value('rate');
  const whole = decimals.size === 1 && decimals.has(0);
  if (whole && !amounts.every((a) => Number(a) === 0)) {
    const exe = value('executed');
    const of = value('adjusted') ?? value('initial');
    if (rateShown === null || exe === null || !of || Math.abs((exe / of) * 100 - rateShown) > 1) return null;
  }
  let cost = decimals.size === 1 ? 0 : 5;
  const rate = value('rate');
  const executed = value('executed');
  const base = value('adjusted') ?? value('initial');
  if (rate !== null && executed !== null && base) cost += Math.min(10, Math.abs((executed / base) * 100 - rate));
  else if (rate !== null) cost += 10;
  // Amounts of one row are of one size (`350 350 343`, not `35 0 3`).
  const sizes = amounts.map((a) => Number(a.replace(/,/g, ''))).filter((a) => a > 0);
  for (let k = 1; k < sizes.length; k++) cost += Math.abs(Math.log10(sizes[k]! / sizes[0]!));
  if (rate !== null && rate > 200) cost += 10;
  const weight = value('weight');
  const score = value('score');
  if (weight !== null && score !== null && score > weight) cost += 5;
  return cost;
}
