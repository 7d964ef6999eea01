/**
 * The layout of the extract workbook: its sheets, cells and autofilter, for write-excel-file to
 * write (the CLI with its Node build, the web console with its universal one). Browser-safe (no
 * `node:` import): the page's workbook and the CLI's are one code.
 */
import type { Locale } from '../../index.js';
import { COLUMNS, HEADERS, SHEETS, type Row } from './records.js';
import { displayWidth as width } from '../../text/chars.js';

/** Kinds whose `value` is a date: `2020-09-07`, `2020-04` or `2020`. */
const DATE_KINDS = new Set(['date', 'event']);
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A cell as write-excel-file takes it: typed, so numbers stay numbers and dates are dates. */
type Cell = { type: unknown; value: unknown; format?: string; fontWeight?: 'bold' } | null;

/** A date value as an Excel date (at UTC midnight), shown as precisely as it was written. */
function dateCell(value: string): Cell {
  const m = ISO_DATE.exec(value);
  if (!m) return { type: String, value };
  const date = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
  return { type: Date, value: date, format: m[3] ? 'yyyy-mm-dd' : m[2] ? 'yyyy-mm' : 'yyyy' };
}

function cell(kind: string, column: string, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? { type: Number, value } : { type: String, value: String(value) };
  if (typeof value === 'boolean') return { type: Boolean, value };
  if (column === 'value' && DATE_KINDS.has(kind) && typeof value === 'string') return dateCell(value);
  // Strings are written as strings: a cell starting with `=` stays text, never a formula.
  return { type: String, value: typeof value === 'string' ? value : JSON.stringify(value) };
}

/**
 * Inserts an autofilter over each sheet's used range, and the hidden names Excel keeps
 * for it (write-excel-file has no option for either): a write-excel-file feature.
 */
function autofilter(refs: string[], names: string[]): unknown {
  const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  const defined = names
    .map(
      (name, i) =>
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${name.replace(/'/g, "''").replace(/&/g, '&amp;').replace(/</g, '&lt;')}'!${absolute(refs[i]!)}</definedName>`,
    )
    .join('');
  return {
    files: {
      transform: {
        'xl/workbook.xml': {
          transform: (xml: string) =>
            xml.includes('<definedNames/>')
              ? xml.replace('<definedNames/>', `<definedNames>${defined}</definedNames>`)
              : xml.replace('<definedNames>', `<definedNames>${defined}`),
        },
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml: string, _options: unknown, { sheetIndex }: { sheetIndex: number }) =>
            xml.includes('<autoFilter')
              ? xml
              : xml.replace('</sheetData>', `</sheetData><autoFilter ref="${refs[sheetIndex]}"/>`),
        },
      },
    },
  };
}

function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** One sheet as write-excel-file takes it. */
interface Sheet {
  sheet: string;
  data: Cell[][];
  columns: Array<{ width: number }>;
  stickyRowsCount: number;
}

/** What to pass write-excel-file: `writeXlsxFile(workbook.sheets, workbook.options)`. */
export interface Workbook {
  sheets: Sheet[];
  options: { features: unknown[] };
}

/**
 * The extract workbook: one sheet per record kind present (金额, 日期, 事件… in the order
 * they first appear), headed in `locale`, each with the columns its records use, a
 * frozen header row, an autofilter and column widths that fit; numbers are numbers,
 * dates are dates, text is text (never a formula or a hyperlink).
 *
 * @example
 *   workbook([{ file: 'a.txt', ...extract('收到捐款1342.23万元。')[0]! }], 'zh-CN').sheets[0]!.sheet // '金额'
 */
export function workbook(rows: readonly Row[], locale: Locale): Workbook {
  const byKind = new Map<string, Array<Record<string, unknown>>>();
  for (const row of rows) {
    let list = byKind.get(row.kind);
    if (!list) byKind.set(row.kind, (list = []));
    list.push(row as unknown as Record<string, unknown>);
  }
  const sheets: Sheet[] = [];
  const refs: string[] = [];
  for (const [kind, records] of byKind) {
    // The columns this kind uses: the known ones in their order, then any new fields; a
    // column empty for every record of the kind (currency for dates) is left out.
    const fields = [...COLUMNS];
    for (const record of records) for (const key of Object.keys(record)) if (!fields.includes(key)) fields.push(key);
    const used = fields.filter((f) => f !== 'kind' && records.some((r) => r[f] !== null && r[f] !== undefined));
    const header: Cell[] = used.map((f) => ({ type: String, value: HEADERS[locale][f] ?? f, fontWeight: 'bold' }));
    const data: Cell[][] = records.map((r) => used.map((f) => cell(kind, f, r[f])));
    const widths = used.map((f, i) => {
      let w = width(String(header[i]!.value));
      for (const r of records) {
        const v = r[f];
        if (v !== null && v !== undefined) w = Math.max(w, width(String(v)));
        if (w >= 60) break;
      }
      return { width: Math.min(60, w + 2) };
    });
    refs.push(`A1:${columnLetter(used.length - 1)}${records.length + 1}`);
    sheets.push({
      data: [header, ...data],
      sheet: (SHEETS[locale][kind] ?? kind).slice(0, 31),
      columns: widths,
      stickyRowsCount: 1,
    });
  }
  if (sheets.length === 0) {
    const header = COLUMNS.map((f) => ({ type: String, value: HEADERS[locale][f] ?? f, fontWeight: 'bold' as const }));
    sheets.push({
      data: [header],
      sheet: locale === 'en' ? 'Figures' : '数字',
      columns: [],
      stickyRowsCount: 1,
    });
    refs.push(`A1:${columnLetter(COLUMNS.length - 1)}1`);
  }
  return {
    sheets,
    options: {
      features: [
        autofilter(
          refs,
          sheets.map((s) => s.sheet),
        ),
      ],
    },
  };
}
