/**
 * What `jixiao extract` writes. The columns, headers, CSV and the workbook's layout are
 * browser-safe modules of ./format, shared with the web console; only the writing of the
 * workbook is Node's.
 */
import type { Locale } from '../index.js';
import type { Row } from './format/records.js';
import { workbook } from './format/workbook.js';

export { CSV_BOM, neutralise } from './format/csv.js';
export { COLUMNS, HEADERS, csvHeader, csvRow, jsonLine, type Row } from './format/records.js';

/**
 * An .xlsx workbook with one sheet per record kind present (see `workbook`), written by
 * write-excel-file's Node build.
 */
export async function xlsx(rows: Row[], locale: Locale): Promise<Uint8Array> {
  const { sheets, options } = workbook(rows, locale);
  // Loaded when a workbook is written, not by every run of the CLI.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const buffer = await writeXlsxFile(sheets as never, options as never).toBuffer();
  return new Uint8Array(buffer);
}
