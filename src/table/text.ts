import { findFlattenedTables, type FlatTable } from './flattened.js';
import { findTextTables, type TextTable } from './text-tables.js';

/**
 * Every table in plain text, in order: delimited tables (tabs, `|`, runs of spaces) and
 * forms flattened into running text. A flattened form inside a delimited table is that
 * table's cell text, not a table of its own.
 *
 * @example
 *   textTables('指标\t分值\t得分\n产出指标\t50\t48\n').length // 1
 */
export function textTables(text: string): Array<TextTable | FlatTable> {
  const out: Array<TextTable | FlatTable> = [];
  // Flattened forms are looked for between the delimited tables, never in them.
  let from = 0;
  for (const table of findTextTables(text)) {
    for (const flat of findFlattenedTables(text, from, table.start)) out.push(flat);
    out.push(table);
    from = table.end;
  }
  for (const flat of findFlattenedTables(text, from, text.length)) out.push(flat);
  return out;
}
