import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { FigureRecord } from '../index.js';

/**
 * Writes a file through a temporary file and a rename, so a crash never leaves a
 * half-written output behind.
 */
export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** One extracted figure with the file it came from. */
export type Row = { file: string } & FigureRecord;

/** The columns, in order: `file`, then every field of `extract()`. */
export const COLUMNS: Array<keyof Row> = [
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
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180). The caller writes `CSV_BOM` first, so Excel on Chinese Windows reads UTF-8. */
export const CSV_BOM = '\ufeff';
export const csvHeader = () => COLUMNS.join(',') + '\r\n';
export const csvRow = (row: Row) => COLUMNS.map((c) => csvCell(row[c])).join(',') + '\r\n';
export const jsonLine = (row: Row) => JSON.stringify(row) + '\n';

/** An .xlsx workbook with one sheet of figures; numbers are numbers, blanks are empty cells. */
export async function xlsx(rows: Row[]): Promise<Uint8Array> {
  const header = COLUMNS.map((c) => ({ value: c, fontWeight: 'bold' as const }));
  const data = rows.map((row) =>
    COLUMNS.map((c) => {
      const v = row[c];
      if (v === null || v === undefined) return null;
      if (typeof v === 'number') return { type: Number, value: v };
      if (typeof v === 'boolean') return { type: Boolean, value: v };
      return { type: String, value: String(v) };
    }),
  );
  const sheet: SheetData = [header, ...data] as SheetData;
  const buffer = await writeXlsxFile(sheet).toBuffer();
  return new Uint8Array(buffer);
}
