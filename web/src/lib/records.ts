/**
 * Extracted records (figures, and the rows of self-evaluation forms) as the exports write them and the report view
 * marks them. The columns, headers, CSV cells and the workbook's layout are the CLI's own (`jixiao extract`): this
 * module only picks the records. Pure: no DOM.
 */
import { CSV_BOM } from '../../../src/node/format/csv.js';
import { csvHeader, csvRow, type Row } from '../../../src/node/format/records.js';
import { workbook, type Workbook } from '../../../src/node/format/workbook.js';
import type { Locale } from './rc.js';
import type { Finding, RecordRow } from '../protocol.js';

/** Record kinds that are rows of a self-evaluation form (issue 11), not figures of the prose. */
export const TABLE_KINDS: ReadonlySet<string> = new Set(['indicator', 'budget', 'total']);
export const isTableRow = (row: { kind: string }) => TABLE_KINDS.has(row.kind);

/** One file's records, in the order `extract()` gave them. */
export interface FileRecords {
  file: string;
  records: readonly RecordRow[];
}

/** Which records an export takes: all of them (as the CLI writes them), or the forms' rows only. */
export type Pick = 'all' | 'tables';

function rows(files: readonly FileRecords[], pick: Pick): Row[] {
  const out: Row[] = [];
  for (const f of files)
    for (const record of f.records)
      if (pick === 'all' || isTableRow(record)) out.push({ file: f.file, ...record } as unknown as Row);
  return out;
}

/**
 * The records of many files as `jixiao extract --format csv` writes them: BOM, the CLI's columns, CRLF lines.
 *
 * @example
 *   recordsCsv([{ file: 'a.txt', records: [] }], 'all').startsWith('\ufefffile,kind,text,') // true
 */
export function recordsCsv(files: readonly FileRecords[], pick: Pick): string {
  let out = CSV_BOM + csvHeader();
  for (const row of rows(files, pick)) out += csvRow(row);
  return out;
}

/** The records of many files as `jixiao extract --format xlsx` lays them out: a sheet per kind, headed in `locale`. */
export function recordsWorkbook(files: readonly FileRecords[], pick: Pick, locale: Locale): Workbook {
  return workbook(rows(files, pick), locale);
}

/** Where a line starts and ends around `from`…`to`: a form's row is its whole line, cells before its first too. */
function linesAround(text: string, from: number, to: number): [number, number] {
  const start = text.lastIndexOf('\n', from - 1) + 1;
  const newline = text.indexOf('\n', to);
  return [start, newline < 0 ? text.length : newline];
}

/**
 * The indices of the findings about a form's row: those whose span, or the span of the node they relate to (the
 * total the text's score differs from), lies within the row's lines. A finding over more (a section missing its
 * part, which holds the whole form) is not about the row. A row whose place in the text is not known (`start`
 * null) has none.
 *
 * @example
 *   const text = '表\n1\t指标\t10\t12\n'
 *   const finding = { start: 2, end: 12 } as Finding
 *   findingsIn({ start: 4, end: 12 }, [finding, { start: 0, end: 13 } as Finding], text) // [0]
 */
export function findingsIn(
  row: { start: number | null; end: number | null },
  findings: readonly Finding[],
  text: string,
): number[] {
  const out: number[] = [];
  if (row.start === null || row.end === null) return out;
  const [from, to] = linesAround(text, row.start, row.end);
  const within = (span: { start: number; end: number } | undefined) =>
    span !== undefined && span.start >= from && span.end <= to;
  findings.forEach((f, i) => {
    if (within(f) || within(f.related)) out.push(i);
  });
  return out;
}
