import type { LayoutCell, TableLayout } from '../read/grid.js';
import { isSpace } from '../text/chars.js';
import type { Line } from '../text/lines.js';
import { findFlattenedTables, type FlatTable } from './flattened.js';
import { findTextTables, type TextCell, type TextTable } from './text-tables.js';

/**
 * Every table in plain text, in order: delimited tables (tabs, `|`, runs of spaces) and
 * forms flattened into running text. A flattened form inside a delimited table is that
 * table's cell text, not a table of its own. `lines` are the text's lines, when the caller
 * has them already.
 *
 * @example
 *   textTables('指标\t分值\t得分\n产出指标\t50\t48\n').length // 1
 */
export function textTables(text: string, lines?: readonly Line[]): Array<TextTable | FlatTable> {
  const out: Array<TextTable | FlatTable> = [];
  // Flattened forms are looked for between the delimited tables, never in them.
  let from = 0;
  for (const table of findTextTables(text, lines)) {
    for (const flat of findFlattenedTables(text, from, table.start)) out.push(flat);
    out.push(table);
    from = table.end;
  }
  for (const flat of findFlattenedTables(text, from, text.length)) out.push(flat);
  return out;
}

/**
 * The tables of plain text as layouts (where each row and cell stands), for the tree:
 * delimited tables row by row, their separators left between the cells; flattened forms
 * with every character of their span in a cell (a dash between two figures is the blank
 * cell it stands for), so no character of the input falls outside the tree's leaves.
 *
 * @example
 *   textLayouts('指标\t分值\n产出指标\t50\n')[0].rows[1].cells
 *   // [{start: 6, end: 10, rowSpan: 1, colSpan: 1}, {start: 11, end: 13, rowSpan: 1, colSpan: 1}]
 */
export function textLayouts(text: string, lines?: readonly Line[]): TableLayout[] {
  return textTables(text, lines).map((table) =>
    'separator' in table ? delimitedLayout(table) : flatLayout(text, table),
  );
}

const cellAt = (start: number, end: number): LayoutCell => ({ start, end, rowSpan: 1, colSpan: 1 });

function delimitedLayout(table: TextTable): TableLayout {
  return {
    source: table.separator === 'tab' ? 'tab' : table.separator,
    start: table.start,
    end: table.end,
    rows: table.rows.map((row, r) => {
      const line = table.lines[r]!;
      let at = line.start;
      // A cell put in to line a row up with its header has no source: it stands, empty, after the cell before it.
      const cells = row.map((cell: TextCell) => cellAt((at = cell.start ?? at), (at = cell.end ?? at)));
      return { start: line.start, end: line.end, cells };
    }),
  };
}

/**
 * A flattened form's rows, each running up to where the next starts, with the text between
 * two cells given to the empty cell between them (a dash for a blank) or else to the cell
 * before it.
 */
function flatLayout(text: string, table: FlatTable): TableLayout {
  const starts = table.rows.map((row) => {
    let start = Infinity;
    for (const cell of row) start = Math.min(start, cell.start ?? Infinity);
    return start;
  });
  const rows = table.rows.map((row, r) => {
    const start = starts[r]!;
    const end = r + 1 < starts.length ? starts[r + 1]! : table.end;
    const cells: LayoutCell[] = [];
    let cursor = start;
    let blanks: LayoutCell[] = [];
    for (const cell of row) {
      if (cell.start === undefined || cell.end === undefined) {
        blanks.push(cellAt(cursor, cursor));
        cells.push(blanks[blanks.length - 1]!);
        continue;
      }
      fill(text, cursor, cell.start, blanks, cells);
      blanks = [];
      cells.push(cellAt(cell.start, cell.end));
      cursor = cell.end;
    }
    fill(text, cursor, end, blanks, cells);
    return { start, end, cells };
  });
  return { source: 'flattened', start: table.start, end: table.end, rows };
}

/** Gives the non-blank text of `[from, to)` to the first empty cell of `blanks`, else to the last cell. */
function fill(text: string, from: number, to: number, blanks: LayoutCell[], cells: LayoutCell[]): void {
  let a = from;
  let b = to;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  const target = blanks[0] ?? cells[cells.length - 1];
  if (a === b || !target) return;
  if (target === blanks[0]) {
    target.start = a;
    target.end = b;
    // The blanks after it stand after it.
    for (const blank of blanks.slice(1)) blank.start = blank.end = b;
  } else target.end = b;
}
