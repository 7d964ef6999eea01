/**
 * CSV (RFC 4180, CRLF line ends) that a spreadsheet opens safely. Browser-safe (no `node:`
 * import): the web console's engine bundles it, so its CSV and the CLI's are one code.
 */

/** Written first, so Excel on Chinese Windows reads UTF-8 instead of GBK. */
export const CSV_BOM = '\ufeff';

/**
 * Neutralises a text cell that a spreadsheet would run as a formula (OWASP, CSV
 * injection): one starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * leading `'`, which Excel and LibreOffice show as text.
 *
 * @example
 *   neutralise('=1+1') // "'=1+1"
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Values of the records' own vocabulary, by column, written as they are: the guard is for
 * text from reports, and a lone `=` runs nothing (`'=` would put a quote in every
 * comparator a pandas user reads).
 */
const VOCABULARY: Readonly<Record<string, ReadonlySet<string>>> = {
  comparator: new Set(['=', '≥', '≤', '定性']),
};

/**
 * One cell: empty for `null`, quoted when it holds a comma, a quote or a line break.
 * `column` names the cell's column, for the values a column writes as they are.
 *
 * @example
 *   csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 *   csvCell('=', 'comparator') // '='
 */
export function csvCell(value: unknown, column?: string): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are data, never formulas: `-5` stays a number.
  const own = typeof value === 'string' && column !== undefined && VOCABULARY[column]?.has(value) === true;
  const text = typeof value === 'string' && !own ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One line of cells; `columns`, when given, names them (see {@link csvCell}).
 *
 * @example
 *   csvLine(['a.txt', -3.5, null]) // 'a.txt,-3.5,\r\n'
 */
export const csvLine = (cells: readonly unknown[], columns?: readonly string[]): string =>
  cells.map((cell, i) => csvCell(cell, columns?.[i])).join(',') + '\r\n';
