import type { Feature, SheetData } from 'write-excel-file/node';
import { RECORD_FIELDS, type ExtractRecord, type Locale } from '../index.js';
import { displayWidth as width } from '../text/chars.js';

/** One extracted record with the file it came from. */
export type Row = { file: string } & ExtractRecord;

/**
 * The CSV columns, in order: `file`, then every field of every kind of record `extract()`
 * gives (figures' fields, then those only the rows of self-evaluation forms have), so every
 * CSV has the same columns whatever its files hold.
 */
export const COLUMNS: string[] = ['file', ...RECORD_FIELDS];

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

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are data, never formulas: `-5` stays a number.
  const text = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180). The caller writes `CSV_BOM` first, so Excel on Chinese Windows reads UTF-8. */
export const CSV_BOM = '\ufeff';
export const csvHeader = () => COLUMNS.join(',') + '\r\n';
export const csvRow = (row: Row) =>
  COLUMNS.map((c) => csvCell((row as unknown as Record<string, unknown>)[c])).join(',') + '\r\n';
/** JSON Lines keep every value exact: JSON has no formulas. */
export const jsonLine = (row: object) => JSON.stringify(row) + '\n';

/** Sheet names by record kind; a kind not listed (a new one) is named by its id. */
const SHEETS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    money: '金额',
    date: '日期',
    event: '事件',
    count: '数量',
    percent: '百分比',
    measure: '计量',
    docRef: '文号',
    indicator: '指标',
    budget: '预算',
    total: '总分',
  },
  en: {
    money: 'Money',
    date: 'Dates',
    event: 'Events',
    count: 'Counts',
    percent: 'Percents',
    measure: 'Measures',
    docRef: 'Document numbers',
    indicator: 'Indicators',
    budget: 'Budget',
    total: 'Totals',
  },
};

/** Column headers by field, every column in both languages (a test checks). */
export const HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    file: '文件',
    kind: '类型',
    text: '原文',
    start: '起始偏移',
    end: '结束偏移',
    line: '行',
    column: '列',
    value: '值',
    min: '最小值',
    max: '最大值',
    approx: '约数',
    unit: '单位',
    currency: '币种',
    yearInferred: '年份为推断',
    qualifier: '限定',
    subject: '对象',
    section: '章节',
    sectionTitle: '章节标题',
    sentence: '所在句子',
    direction: '增减',
    flags: '标记',
    table: '表格序号',
    row: '行序号',
    level1: '一级指标',
    level2: '二级指标',
    name: '指标名称',
    target: '年度指标值',
    comparator: '比较方式',
    targetValue: '指标数值',
    actual: '实际完成值',
    actualValue: '完成数值',
    weight: '分值',
    score: '得分',
    reason: '偏差原因',
    achieved: '是否完成',
    item: '资金项目',
    initial: '年初预算数（元）',
    adjusted: '全年预算数（元）',
    executed: '全年执行数（元）',
    rate: '执行率（%）',
    rateStated: '执行率为填报值',
  },
  en: {
    file: 'File',
    kind: 'Kind',
    text: 'Text',
    start: 'Start offset',
    end: 'End offset',
    line: 'Line',
    column: 'Column',
    value: 'Value',
    min: 'Min',
    max: 'Max',
    approx: 'Approximate',
    unit: 'Unit',
    currency: 'Currency',
    yearInferred: 'Year inferred',
    qualifier: 'Qualifier',
    subject: 'Subject',
    section: 'Section',
    sectionTitle: 'Section title',
    sentence: 'Sentence',
    direction: 'Direction',
    flags: 'Flags',
    table: 'Table',
    row: 'Row',
    level1: 'Level 1',
    level2: 'Level 2',
    name: 'Indicator',
    target: 'Target',
    comparator: 'Comparator',
    targetValue: 'Target value',
    actual: 'Actual',
    actualValue: 'Actual value',
    weight: 'Weight',
    score: 'Score',
    reason: 'Reason',
    achieved: 'Achieved',
    item: 'Item',
    initial: 'Initial budget (yuan)',
    adjusted: 'Full-year budget (yuan)',
    executed: 'Executed (yuan)',
    rate: 'Execution rate (%)',
    rateStated: 'Rate as stated',
  },
};

/** Kinds whose `value` is a date: `2020-09-07`, `2020-04` or `2020`. */
const DATE_KINDS = new Set(['date', 'event']);
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

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
 * for it (write-excel-file has no option for either).
 */
function autofilter(refs: string[], names: string[]): Feature<Buffer> {
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
          transform: (xml) =>
            xml.includes('<definedNames/>')
              ? xml.replace('<definedNames/>', `<definedNames>${defined}</definedNames>`)
              : xml.replace('<definedNames>', `<definedNames>${defined}`),
        },
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml, _options, { sheetIndex }) =>
            xml.includes('<autoFilter')
              ? xml
              : xml.replace('</sheetData>', `</sheetData><autoFilter ref="${refs[sheetIndex]}"/>`),
        },
      },
    },
  } as Feature<Buffer>;
}

function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * An .xlsx workbook with one sheet per record kind present (金额, 日期, 事件… in the order
 * they first appear), headed in `locale`, each with the columns its records use, a
 * frozen header row, an autofilter and column widths that fit; numbers are numbers,
 * dates are dates, text is text (never a formula or a hyperlink).
 */
export async function xlsx(rows: Row[], locale: Locale): Promise<Uint8Array> {
  const byKind = new Map<string, Array<Record<string, unknown>>>();
  for (const row of rows) {
    let list = byKind.get(row.kind);
    if (!list) byKind.set(row.kind, (list = []));
    list.push(row as unknown as Record<string, unknown>);
  }
  const sheets = [];
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
      data: [header, ...data] as SheetData,
      sheet: (SHEETS[locale][kind] ?? kind).slice(0, 31),
      columns: widths,
      stickyRowsCount: 1,
    });
  }
  if (sheets.length === 0) {
    const header = COLUMNS.map((f) => ({ type: String, value: HEADERS[locale][f] ?? f, fontWeight: 'bold' }));
    sheets.push({
      data: [header] as SheetData,
      sheet: locale === 'en' ? 'Figures' : '数字',
      columns: [],
      stickyRowsCount: 1,
    });
    refs.push(`A1:${columnLetter(COLUMNS.length - 1)}1`);
  }
  const features = [
    autofilter(
      refs,
      sheets.map((s) => s.sheet),
    ),
  ];
  // Loaded when a workbook is written, not by every run of the CLI.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const buffer = await writeXlsxFile(sheets as never, { features } as never).toBuffer();
  return new Uint8Array(buffer);
}
