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
 * One cell: empty for `null`, quoted when it holds a comma, a quote or a line break.
 *
 * @example
 *   csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are data, never formulas: `-5` stays a number.
  const text = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One line of cells.
 *
 * @example
 *   csvLine(['a.txt', -3.5, null]) // 'a.txt,-3.5,\r\n'
 */
export const csvLine = (cells: readonly unknown[]): string => cells.map(csvCell).join(',') + '\r\n';
