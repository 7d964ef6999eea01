/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends), made safe to open in Excel or WPS.
 * Pure: no DOM, so the engine, the tests and any later CLI share it.
 */

/** Written first, so Excel on Chinese Windows reads UTF-8 instead of GBK. */
export const BOM = '\ufeff';

/**
 * Text that a spreadsheet would run as a formula when it starts the cell (`=`, `+`, `-`, `@`, and the tab and
 * carriage return OWASP lists). Such a cell gets a leading `'`, which Excel shows as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Strings that could start a formula are neutralised; numbers and booleans are
 * written as they are (a number cannot be a formula, and `-3.5` must stay a number).
 *
 * @example
 *   csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: the BOM, a header of column names, one line per row.
 *
 * @example
 *   toCsv(['file', 'value'], [{ file: 'a.txt', value: 1 }]) // '\ufefffile,value\r\na.txt,1\r\n'
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  let out = BOM + columns.map(csvCell).join(',') + '\r\n';
  for (const row of rows) out += columns.map((c) => csvCell(row[c])).join(',') + '\r\n';
  return out;
}
