/**
 * Extracted records (figures, and the rows of self-evaluation tables) as spreadsheet rows: CSV and the sheets
 * of an .xlsx workbook. Pure: no DOM.
 */
import type { Finding, RecordRow } from '../protocol.js';
import { toCsv } from './csv.js';

/** Record kinds that are rows of a self-evaluation table (issue 11), not figures of the prose. */
export const TABLE_KINDS: ReadonlySet<string> = new Set(['indicator', 'budget', 'total']);
export const isTableRow = (row: RecordRow) => TABLE_KINDS.has(row.kind);

/** The CLI's figure columns (`jixiao extract --format csv`): `file`, then every field of `extract()`. */
export const FIGURE_COLUMNS = [
  'file',
  'kind',
  'text',
  'start',
  'end',
  'line',
  'column',
  'value',
  'min',
  'max',
  'approx',
  'unit',
  'currency',
  'yearInferred',
  'qualifier',
  'subject',
  'section',
  'sectionTitle',
  'sentence',
] as const;

/** One file's records. */
export interface FileRecords {
  file: string;
  records: readonly RecordRow[];
}

function withFile(files: readonly FileRecords[], keep: (row: RecordRow) => boolean): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const f of files) for (const row of f.records) if (keep(row)) out.push({ file: f.file, ...row });
  return out;
}

/**
 * The columns of table rows: `file`, `kind`, then every field in the order first met. Table rows of different
 * kinds have different fields, and the columns must not depend on which kind comes first in a file.
 */
export function tableColumns(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  const seen = new Set<string>(['file', 'kind']);
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** The figures of many files as one CSV (with BOM). */
export function figuresCsv(files: readonly FileRecords[]): string {
  return toCsv(
    FIGURE_COLUMNS,
    withFile(files, (row) => !isTableRow(row)),
  );
}

/** The self-evaluation table rows (indicators, budget lines, totals) of many files as one CSV (with BOM). */
export function tablesCsv(files: readonly FileRecords[]): string {
  const rows = withFile(files, isTableRow);
  return toCsv(tableColumns(rows), rows);
}

/**
 * The indices of the findings whose span meets a row's span: the rows a table view marks as failing. A row whose
 * place in the text is not known (`start`/`end` null, as table rows may be) meets none.
 */
export function findingsIn(row: { start: number | null; end: number | null }, findings: readonly Finding[]): number[] {
  const out: number[] = [];
  const { start, end } = row;
  if (start === null || end === null) return out;
  findings.forEach((f, i) => {
    const meets = f.start === f.end ? f.start >= start && f.start < end : f.start < end && f.end > start;
    if (meets) out.push(i);
  });
  return out;
}

/** A cell of write-excel-file: typed, so numbers stay numbers and full dates become dates. */
export type XlsxCell = {
  type: StringConstructor | NumberConstructor | BooleanConstructor | DateConstructor;
  value: unknown;
  format?: string;
} | null;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function xlsxCell(value: unknown): XlsxCell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return { type: Number, value };
  if (typeof value === 'boolean') return { type: Boolean, value };
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const day = ISO_DAY.exec(text);
  if (day) return { type: Date, value: new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!)), format: 'yyyy-mm-dd' };
  return { type: String, value: text };
}

/** One sheet: a name, a header row of labels, then the rows; the header stays in view when scrolling. */
export interface XlsxSheet {
  sheet: string;
  data: Array<Array<XlsxCell | { value: string; fontWeight: 'bold' }>>;
  stickyRowsCount: number;
  columns: Array<{ width: number }>;
}

/** Display width of a cell's text, in Excel's character units: a Chinese character is two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/**
 * A sheet with `columns` (field names) headed by `label(column)`. Columns are as wide as their content, up to 60
 * characters (a sentence column would otherwise fill the screen).
 */
export function xlsxSheet(
  name: string,
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, unknown>>,
  label: (column: string) => string,
): XlsxSheet {
  const widths = columns.map((c) => width(label(c)));
  const data: XlsxSheet['data'] = [columns.map((c) => ({ value: label(c), fontWeight: 'bold' as const }))];
  for (const row of rows) {
    data.push(
      columns.map((c, i) => {
        const cell = xlsxCell(row[c]);
        if (cell) widths[i] = Math.max(widths[i]!, width(cell.type === Date ? '0000-00-00' : String(cell.value)));
        return cell;
      }),
    );
  }
  return { sheet: name, data, stickyRowsCount: 1, columns: widths.map((w) => ({ width: Math.min(60, w + 2) })) };
}

/**
 * The workbook of a batch: a sheet of figures, and one sheet per kind of table row that occurs (indicators,
 * budget lines, totals). `names` gives the sheet names and column labels in the page's language.
 */
export function xlsxSheets(
  files: readonly FileRecords[],
  names: { sheet: (kind: string) => string; column: (field: string) => string },
): XlsxSheet[] {
  const sheets = [
    xlsxSheet(
      names.sheet('figures'),
      FIGURE_COLUMNS,
      withFile(files, (r) => !isTableRow(r)),
      names.column,
    ),
  ];
  for (const kind of TABLE_KINDS) {
    const rows = withFile(files, (r) => r.kind === kind);
    if (rows.length > 0) sheets.push(xlsxSheet(names.sheet(kind), tableColumns(rows), rows, names.column));
  }
  return sheets;
}
