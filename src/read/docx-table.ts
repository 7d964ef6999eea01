import { joinLines, type Grid, type GridCell } from './grid.js';

/**
 * An element of mammoth's document model (what `transformDocument` is given): a table is
 * `table` → `tableRow` → `tableCell` → paragraphs. mammoth reads `w:gridSpan` into
 * `colSpan` and turns a `w:vMerge` run of cells into one cell with a `rowSpan`,
 * dropping the cells it continues, so a row lists only the cells that start in it.
 */
export interface MammothElement {
  type: string;
  value?: string;
  breakType?: string;
  /** A paragraph's style name and Word numbering level (as its styles and numbering parts say). */
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  colSpan?: number;
  rowSpan?: number;
  children?: MammothElement[];
}

/**
 * A Word table as a grid: cells with their spans kept, each cell's paragraphs (and line
 * breaks) joined with no space between CJK text. Nested tables add their text to the cell.
 *
 * @example
 *   const text = (value: string) => ({type: 'paragraph', children: [{type: 'text', value}]});
 *   const cell = (value: string, rowSpan = 1) => ({type: 'tableCell', rowSpan, colSpan: 1, children: [text(value)]});
 *   const row = (...children: object[]) => ({type: 'tableRow', children});
 *   const table = {type: 'table', children: [row(cell('产出指标', 2), cell('数量指标')), row(cell('质量指标'))]};
 *   docxTableGrid(table).rows[0][0] // {text: '产出指标', rowSpan: 2, colSpan: 1}
 */
export function docxTableGrid(table: MammothElement): Grid {
  const rows: GridCell[][] = [];
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: GridCell[] = [];
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tableCell') continue;
      const lines: string[] = [];
      cellLines(cell, lines);
      cells.push({
        text: joinLines(lines),
        rowSpan: Math.max(1, cell.rowSpan ?? 1),
        colSpan: Math.max(1, cell.colSpan ?? 1),
      });
    }
    rows.push(cells);
  }
  return { rows };
}

/** Appends the lines of `el`: one per paragraph, split again at line breaks. */
function cellLines(el: MammothElement, lines: string[]): void {
  if (el.type === 'paragraph') {
    lines.push('');
    inline(el, lines);
    return;
  }
  for (const child of el.children ?? []) cellLines(child, lines);
}

function inline(el: MammothElement, lines: string[]): void {
  if (el.type === 'text') lines[lines.length - 1] += el.value ?? '';
  else if (el.type === 'tab') lines[lines.length - 1] += ' ';
  else if (el.type === 'break' && el.breakType !== 'page') lines.push('');
  else for (const child of el.children ?? []) inline(child, lines);
}
