import type { TableSource } from '../tree/schema.js';

/**
 * The table shape every reader hands on: rows of cells with their spans, as HTML and
 * Word have them. A cell covered by a span from above or from the left is absent from
 * its row, so `rows[r]` lists only the cells that start in row `r`, left to right.
 */
export interface Grid {
  rows: GridCell[][];
  /**
   * True when rows may leave out cells anywhere, not only at their end: text copied
   * from a form drops the merged cells (`数量指标 | 拆除… | 32座` under a four-label
   * header), so cells are placed by what they hold, not by their index.
   */
  ragged?: boolean;
}

/** One cell: its text (wrapped lines joined back) and how many rows and columns it covers. */
export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** UTF-16 offsets of `text` in the text a reader returned, end exclusive, when the cell came from it. */
  start?: number;
  end?: number;
}

/** One slot of a grid with its spans written out: the cell covering it and where that cell starts. */
export interface Slot {
  cell: GridCell;
  /** Row and column of the cell's top-left slot. */
  row: number;
  col: number;
}

/**
 * The grid as a rectangle of slots, spans written out (`null` where a short row ends).
 *
 * @example
 *   const cell = (text: string, rowSpan = 1) => ({text, rowSpan, colSpan: 1});
 *   const grid = {rows: [[cell('产出指标', 2), cell('数量指标')], [cell('质量指标')]]};
 *   expandGrid(grid)[1].map((s) => s?.cell.text) // ['产出指标', '质量指标']
 */
export function expandGrid(grid: Grid): Array<Array<Slot | null>> {
  const out: Array<Array<Slot | null>> = grid.rows.map(() => []);
  for (let r = 0; r < grid.rows.length; r++) {
    const row = out[r]!;
    let c = 0;
    for (const cell of grid.rows[r]!) {
      while (row[c]) c++;
      const rows = Math.max(1, Math.min(cell.rowSpan, grid.rows.length - r));
      const cols = Math.max(1, cell.colSpan);
      const slot: Slot = { cell, row: r, col: c };
      for (let dr = 0; dr < rows; dr++) {
        const target = out[r + dr]!;
        for (let dc = 0; dc < cols; dc++) target[c + dc] ??= slot;
      }
      c += cols;
    }
  }
  const width = out.reduce((w, row) => Math.max(w, row.length), 0);
  for (const row of out) for (let c = 0; c < width; c++) row[c] ??= null;
  return out;
}

/**
 * Joins the lines a cell's text wrapped over, or its paragraphs: CJK text runs on with no
 * space (`年度指标` + `值` → `年度指标值`), nor do the pieces of a number a narrow column
 * broke (`640.0` + `0`); two ASCII words keep one (`LED` + `lamps`).
 *
 * @example
 *   joinLines(['偏差原因', '分析及改', '进措施']) // '偏差原因分析及改进措施'
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const a = out.charCodeAt(out.length - 1);
    const b = line.charCodeAt(0);
    // A number the column was too narrow for (`640.0` + `0`) joins up; two words keep a space.
    if (out && wordChar(a) && wordChar(b) && !(digit(a) && digit(b))) out += ' ';
    out += line;
  }
  return out;
}

/**
 * Removes the white space a PDF's layout puts inside words and figures (`2022 年7 月`,
 * `260 万元`, `自 评`, `≥ 90 %`): a run of white space stays, as one space, only between
 * two ASCII letters or digits (`LED lamps`, `1 500`).
 *
 * @example
 *   closeUp('2022 年7 月完成 260 万元') // '2022年7月完成260万元'
 */
export function closeUp(text: string): string {
  let out = '';
  let pending = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || code === 10 || code === 13) {
      pending = out.length > 0;
      continue;
    }
    if (pending && wordChar(out.charCodeAt(out.length - 1)) && wordChar(code)) out += ' ';
    pending = false;
    out += text[i];
  }
  return out;
}

function digit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** ASCII letter or digit: the characters between which a space is a real word break. */
function wordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Where a table stands in the text a reader returned: the table, each row (a line) and each
 * cell as UTF-16 offsets into that text (end exclusive), with the cells' spans. Rows list the
 * cells that start in them, as {@link Grid} does; `parse(text, {tables})` builds table nodes
 * from them, so merged cells survive the trip through text.
 */
export interface TableLayout {
  source: TableSource;
  start: number;
  end: number;
  /** The PDF page the table starts on. */
  page?: number;
  /** Column alignment of a GFM table. */
  align?: Array<'left' | 'right' | 'center' | null>;
  /** Where the table stands on its PDF page (PDF user space, y up). */
  bbox?: { x0: number; y0: number; x1: number; y1: number };
  rows: Array<{ start: number; end: number; cells: LayoutCell[] }>;
}

/** A cell of a {@link TableLayout}: its offsets and spans. */
export interface LayoutCell {
  start: number;
  end: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Writes a grid as text, one line per row with its slots separated by tabs (a slot covered
 * by a merged cell left empty), and says where each cell went: what the Word and PDF readers
 * put in their text for a table. `at` is the offset the text will stand at. Tabs and line
 * breaks inside a cell become spaces, so a cell stays on its line.
 *
 * @example
 *   const cell = (text: string, colSpan = 1) => ({text, rowSpan: 1, colSpan});
 *   const {text, table} = gridText({rows: [[cell('合计', 2), cell('100')]]}, 0, 'docx');
 *   text // '合计\t\t100\n'
 *   table.rows[0].cells[1] // {start: 4, end: 7, rowSpan: 1, colSpan: 1}
 */
export function gridText(grid: Grid, at: number, source: TableSource): { text: string; table: TableLayout } {
  const slots = expandGrid(grid);
  let text = '';
  const rows: TableLayout['rows'] = [];
  for (let r = 0; r < slots.length; r++) {
    const row = slots[r]!;
    const start = at + text.length;
    const cells: LayoutCell[] = [];
    for (let c = 0; c < row.length; c++) {
      if (c > 0) text += '\t';
      const slot = row[c];
      if (!slot || slot.row !== r || slot.col !== c) continue;
      const value = slot.cell.text.replace(/[\t\r\n]+/g, ' ');
      cells.push({
        start: at + text.length,
        end: at + text.length + value.length,
        rowSpan: Math.max(1, Math.min(slot.cell.rowSpan, slots.length - r)),
        colSpan: Math.max(1, slot.cell.colSpan),
      });
      text += value;
    }
    rows.push({ start, end: at + text.length, cells });
    text += '\n';
  }
  return { text, table: { source, start: at, end: at + Math.max(0, text.length - 1), rows } };
}
