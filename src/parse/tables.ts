import type { TableLayout } from '../read/grid.js';
import type { Builder } from '../tree/builder.js';
import type { TableCellNode, TableNode } from '../tree/schema.js';

/**
 * A table node from where its rows and cells stand: each cell's content as leaves (figures
 * recognised within the cell, so none reads across a cell boundary), spans kept.
 */
export function tableNode(b: Builder, layout: TableLayout): TableNode {
  const node: TableNode = {
    type: 'table',
    ...(layout.align ? { align: layout.align } : {}),
    source: layout.source,
    children: layout.rows.map((row) => ({
      type: 'tableRow',
      children: row.cells.map((c, k) => {
        // A delimited cell is read with the one before it as context (`总额 | 864.2万`); a flattened
        // form's cells are glued together, and are read alone.
        const lookback = k > 0 && layout.source !== 'flattened' ? row.cells[k - 1]!.start : c.start;
        const cell: TableCellNode = {
          type: 'tableCell',
          children: b.inline(c.start, c.end, lookback),
          position: b.position(c.start, c.end),
        };
        if (c.rowSpan > 1) cell.rowSpan = c.rowSpan;
        if (c.colSpan > 1) cell.colSpan = c.colSpan;
        return cell;
      }),
      position: b.position(row.start, row.end),
    })),
    position: b.position(layout.start, layout.end),
  };
  if (layout.page !== undefined) node.page = layout.page;
  return node;
}

/**
 * The index of the table whose span holds `offset` in `tables` (sorted, not overlapping), or -1.
 *
 * @example
 *   tableAt([{start: 5, end: 9}], 7) // 0
 */
export function tableAt(tables: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  let lo = 0;
  let hi = tables.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tables[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
