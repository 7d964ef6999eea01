import type { Grid, GridCell } from '../read/grid.js';
import { displayWidth } from '../text/chars.js';
import { splitLines, type Line } from '../text/lines.js';

/** How the cells of a text table are separated. */
export type Separator = 'tab' | 'pipe' | 'spaces';

/**
 * A table found in plain text: its lines are its source, so the table, each row and
 * each cell carry UTF-16 offsets into the input (end exclusive).
 */
export interface TextTable extends Grid {
  separator: Separator;
  start: number;
  end: number;
  rows: TextCell[][];
  /** Offsets of each row's line, in the order of `rows`. */
  lines: Array<{ start: number; end: number }>;
}

/** A cell of a text table; an empty cell put in to line a row up with its header has no offsets. */
export interface TextCell extends GridCell {
  start?: number;
  end?: number;
}

interface Split {
  separator: Separator;
  cells: TextCell[];
  /** A Markdown delimiter row (`| --- | :-: |`): part of the table, not a row of it. */
  delimiter: boolean;
}

/**
 * Finds the tables in plain text: runs of lines whose cells are separated by tabs, by `|`
 * (GFM-style rows included), or by runs of two or more spaces. Prose, list items and
 * single lines are never tables. Rows of space-separated tables are lined up with their
 * header by where their cells start, so blank cells are not lost. `lines` are the text's
 * lines, when the caller has them already.
 *
 * @example
 *   const text = '说明如下：\n指标\t分值\t得分\n产出指标\t50\t48\n';
 *   findTextTables(text)[0].rows[1].map((c) => text.slice(c.start, c.end)) // ['产出指标', '50', '48']
 */
export function findTextTables(text: string, lines: readonly Line[] = splitLines(text)): TextTable[] {
  const tables: TextTable[] = [];
  let run: Array<{ line: Line; split: Split }> = [];
  // The fewest and most cells of the run's rows.
  let fewest = 0;
  let most = 0;
  const flush = () => {
    // Most lines are no row: nothing to accept, and no copies of an empty run made to learn it.
    if (run.length === 0) return;
    const table = accept(text, run);
    if (table) tables.push(table);
    run = [];
  };
  for (const line of lines) {
    const split = line.blank ? null : splitRow(text, line);
    // A delimiter row stands under a table's first row (GFM's rule); anywhere else its dashes are cells.
    if (split?.delimiter && !(run.length === 1 && run[0]!.split.separator === split.separator)) split.delimiter = false;
    const row = split && (split.delimiter || tableLike(split)) ? split : null;
    if (!row || (run.length > 0 && run[0]!.split.separator !== row.separator)) flush();
    else if (run.length > 0 && !sameTable(Math.min(fewest, row.cells.length), Math.max(most, row.cells.length)))
      flush();
    if (!row) continue;
    if (run.length === 0) fewest = most = row.cells.length;
    fewest = Math.min(fewest, row.cells.length);
    most = Math.max(most, row.cells.length);
    run.push({ line, split: row });
  }
  flush();
  return tables;
}

/**
 * Whether rows of `fewest` to `most` cells make one table. Rows drop merged and blank cells, so
 * their counts vary (5 to 9 in a pasted form), but not without bound: a table is as wide as its
 * widest row, and one row of 20,000 cells over 20,000 rows of two made a grid of 400 million
 * slots (records and Markdown write every row out to the full width). Held to this, a table's
 * slots are at most 8 per cell plus 16 per row: linear in the input.
 */
function sameTable(fewest: number, most: number): boolean {
  return most <= 8 * fewest + 16;
}

/** Sentence punctuation: a long cell holding it, or any cell ending a sentence, reads as prose. */
const SENTENCE = /[，。；！？,;]/;

/** A row that can stand in a table: something filled, and not mostly sentences. */
function tableLike(split: Split): boolean {
  let filled = 0;
  let prose = 0;
  for (const cell of split.cells) {
    if (!cell.text) continue;
    filled++;
    if (/[。！？]$/.test(cell.text) || (cell.text.length > 12 && SENTENCE.test(cell.text))) prose++;
  }
  if (filled === 1 && HEADING.test(split.cells.find((c) => c.text)!.text)) return false;
  return filled >= 1 && prose * 2 <= filled && !(filled === 1 && prose === 1);
}

/** A section heading (`二、项目支出明细情况`, `（一）…`) alone in a row: the table stops for it. */
const HEADING =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）])/;

/** The cells of one line, by its first separator: tab, then `|` (first when the row opens with one), then spaces. */
function splitRow(text: string, line: Line): Split | null {
  const shape = shapeOf(text, line.from, line.to);
  // A row that opens with a pipe is a GFM row, whatever tabs its cells hold.
  const gfm = isPipe(text.charCodeAt(line.from));
  if (!gfm && shape & TAB) return cellsOf(text, line.start, line.end, 'tab', (i) => (text[i] === '\t' ? 1 : 0));
  if (shape & PIPE) {
    // A pipe escaped as GFM escapes it (`\|`, as toMarkdown writes one inside a cell) is the cell's text.
    const split = cellsOf(text, line.from, line.to, 'pipe', (i) =>
      (text[i] === '|' || text[i] === '｜') && text[i - 1] !== '\\' ? 1 : 0,
    );
    // GFM rows open and close with a pipe: the empty pieces outside them are no cells.
    if (split.cells.length > 1 && text[line.from] !== undefined && '|｜'.includes(text[line.from]!)) {
      split.cells.shift();
    }
    if (split.cells.length > 1 && '|｜'.includes(text[line.to - 1]!)) split.cells.pop();
    split.delimiter = split.cells.length > 0 && split.cells.every((c) => /^:?-+:?$/.test(c.text));
    return split.cells.length >= 2 ? split : null;
  }
  // Three cells need two gaps: most lines of prose have none, and are not cut into cells to learn it.
  if (!(shape & TWO_GAPS)) return null;
  const split = cellsOf(text, line.from, line.to, 'spaces', (i) => spaceRun(text, i, line.to));
  return split.cells.length >= 3 ? split : null;
}

/** Length of the run of 2+ spaces (ASCII or ideographic) at `i`, else 0. */
function spaceRun(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && isGapChar(text.charCodeAt(j))) j++;
  return j - i >= 2 ? j - i : 0;
}

const isGapChar = (code: number) => code === 32 || code === 0x3000;
const isPipe = (code: number) => code === 0x7c || code === 0xff5c;

/** What {@link shapeOf} finds in a line: a pipe, a tab, two runs of 2+ spaces. */
const PIPE = 1;
const TAB = 2;
const TWO_GAPS = 4;

/**
 * The separators `[from, to)` holds, read in one pass by character code (runs of spaces as
 * {@link spaceRun} cuts them). Every line of a report is asked, and each line was copied and
 * searched three times, and every line of prose cut into one cell to learn it has no gap
 * (tables in plain text in our fixtures, with the empty runs not accepted, CPU: 100–106 → 66–71 µs).
 */
function shapeOf(text: string, from: number, to: number): number {
  let shape = 0;
  let gaps = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isPipe(code)) shape |= PIPE;
    else if (code === 9) shape |= TAB;
    else if (isGapChar(code)) {
      let j = i + 1;
      while (j < to && isGapChar(text.charCodeAt(j))) j++;
      if (j - i >= 2 && ++gaps === 2) shape |= TWO_GAPS;
      i = j - 1;
    }
  }
  return shape;
}

/** Cuts `[from, to)` at separators (`sep(i)` gives a separator's length at `i`, or 0); cells trimmed. */
function cellsOf(text: string, from: number, to: number, separator: Separator, sep: (i: number) => number): Split {
  const cells: TextCell[] = [];
  let start = from;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && isBlankChar(text.charCodeAt(a))) a++;
    while (b > a && isBlankChar(text.charCodeAt(b - 1))) b--;
    cells.push({ text: text.slice(a, b), rowSpan: 1, colSpan: 1, start: a, end: b });
  };
  for (let i = from; i < to;) {
    const n = sep(i);
    if (n > 0) {
      push(i);
      i += n;
      start = i;
    } else i++;
  }
  push(to);
  return { separator, cells, delimiter: false };
}

function isBlankChar(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 13;
}

/** List markers a line may open with (`1.`, `2、`, `（一）`, `①`). */
const MARKER = /^(?:[（(]?[0-9一二三四五六七八九十]+[)）、.．]|[①-⑳])$/;

/** Keeps the longest stretches of `run` that read as a table, or returns `null`. */
function accept(text: string, run: Array<{ line: Line; split: Split }>): TextTable | null {
  // A table opens and closes with rows of two or more filled cells.
  const full = (r: { split: Split }) => !r.split.delimiter && r.split.cells.filter((c) => c.text).length >= 2;
  let a = 0;
  let b = run.length;
  while (a < b && !full(run[a]!)) a++;
  while (b > a && !full(run[b - 1]!)) b--;
  run = run.slice(a, b);
  const separator = run[0]?.split.separator;
  const rows = run.filter((r) => !r.split.delimiter);
  if (!separator || rows.length < 2) return null;
  // Two cells whose first is a list marker make a list item, not a table row.
  if (rows.every(({ split }) => split.cells.filter((c) => c.text).length <= 2 && MARKER.test(split.cells[0]!.text))) {
    return null;
  }
  const first = run[0]!.line;
  const last = run[run.length - 1]!.line;
  const table: TextTable = {
    separator,
    start: first.start,
    end: last.end,
    rows: rows.map((r) => r.split.cells),
    lines: rows.map((r) => ({ start: r.line.start, end: r.line.end })),
    ragged: true,
  };
  if (separator === 'spaces') lineUp(text, table);
  return table;
}

/**
 * Space-separated rows lose their blank cells: each cell is put under the header cell
 * whose display column (CJK counted double, as a monospaced editor shows them) is
 * nearest to its own. Rows that cannot be placed one cell per column stay as they are.
 */
function lineUp(text: string, table: TextTable): void {
  let header = 0;
  for (let r = 1; r < Math.min(3, table.rows.length); r++) {
    if (table.rows[r]!.length > table.rows[header]!.length) header = r;
  }
  const column = (r: number, cell: TextCell) => displayWidth(text, table.lines[r]!.start, cell.start!);
  const anchors = table.rows[header]!.map((cell) => column(header, cell));
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.length === anchors.length) continue;
    const placed: Array<TextCell | undefined> = [];
    let ok = true;
    let last = -1;
    for (const cell of row) {
      const x = column(r, cell);
      let best = 0;
      for (let k = 1; k < anchors.length; k++) {
        if (Math.abs(anchors[k]! - x) < Math.abs(anchors[best]! - x)) best = k;
      }
      if (best <= last) {
        ok = false;
        break;
      }
      placed[best] = cell;
      last = best;
    }
    if (!ok) continue;
    table.rows[r] = anchors.map((_, k) => placed[k] ?? { text: '', rowSpan: 1, colSpan: 1 });
  }
}
