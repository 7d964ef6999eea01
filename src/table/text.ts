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
  const delimited = findTextTables(text);
  const out: Array<TextTable | FlatTable> = delimited.slice();
  for (const flat of findFlattenedTables(text)) {
    if (!delimited.some((t) => flat.start < t.end && t.start < flat.end)) out.push(flat);
  }
  return out.sort((a, b) => a.start - b.start);
}
