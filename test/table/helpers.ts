import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import mammoth from 'mammoth';
import headings from '../../fixtures/forms/headings.json';
import { docxTableGrid, type MammothElement } from '../../src/read/docx-table.js';
import type { Grid } from '../../src/read/grid.js';
import { pdfPageBlocks, pdfRulings, type PdfBlock, type PdfTextItem } from '../../src/read/pdf-grid.js';
import { textTables } from '../../src/table/text.js';
import { loadPdf } from '../../src/read/pdf.js';

export const FORMS = join(import.meta.dirname, '..', '..', 'fixtures', 'forms');

// The forms' headings as the official forms write them (fixtures/forms/headings.json, which
// bench/make-forms.mjs writes the fixtures with).

/** The indicator headings of the 财预〔2020〕10号 form, in order. */
export const HEAD_10: readonly string[] = headings['10'];

/** The budget headings of the 10号 form, after its 项目资金（万元） label. */
export const BUDGET_10: readonly string[] = headings['10-budget'];

/** The indicator headings of the Sichuan split-column form. */
export const HEAD_SC: readonly string[] = headings.sichuan;

/** The indicator headings of the Chongqing 部门整体 form. */
export const HEAD_CQ: readonly string[] = headings.chongqing;

/** A form fixture's bytes. */
export function form(name: string): Buffer {
  return readFileSync(join(FORMS, name));
}

/** The top-level Word tables of a .docx, as mammoth's document model gives them. */
export async function docxTables(bytes: Buffer): Promise<MammothElement[]> {
  const found: MammothElement[] = [];
  const visit = (el: MammothElement) => {
    if (el.type === 'table') found.push(el);
    else for (const child of el.children ?? []) visit(child);
  };
  await mammoth.convertToHtml(
    { buffer: bytes },
    {
      transformDocument: (doc: MammothElement) => {
        visit(doc);
        return doc;
      },
    },
  );
  return found;
}

const pages = new Map<string, Promise<PdfBlock[]>>();

/**
 * A PDF's pages as blocks, from pdf.js's text items and the operator list's ruling lines
 * (optionally left out). Read once per file and test file: pdf.js takes a while.
 */
export function pdfPages(name: string, { lines = true } = {}): Promise<PdfBlock[]> {
  const key = `${name}:${lines}`;
  if (!pages.has(key)) pages.set(key, readPdf(form(name), lines));
  return pages.get(key)!;
}

async function readPdf(bytes: Buffer, lines: boolean): Promise<PdfBlock[]> {
  const { OPS } = await import('unpdf/pdfjs');
  const { document: doc } = await loadPdf(new Uint8Array(bytes), { maxExpandedSize: 1 << 30, maxPages: 100 });
  const blocks: PdfBlock[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const items = (await page.getTextContent()).items.filter((i): i is PdfTextItem & typeof i => 'str' in i);
      const ops = await page.getOperatorList();
      const segments = lines ? pdfRulings(ops.fnArray, ops.argsArray, OPS) : [];
      for (const block of pdfPageBlocks(items, segments, { page: p })) blocks.push(block);
    }
  } finally {
    await doc.destroy();
  }
  return blocks;
}

/** The tables of a form fixture, as grids, whatever its format. */
export async function gridsOf(name: string): Promise<Grid[]> {
  const bytes = form(name);
  switch (extname(name)) {
    case '.docx':
      return (await docxTables(bytes)).map(docxTableGrid);
    case '.pdf':
      return (await pdfPages(name)).filter((b) => b.type === 'table');
    default:
      return textTables(bytes.toString('utf8'));
  }
}

/** Gold records of a form fixture (the format of ../shared/tools/tables.mjs). */
export interface Gold {
  id: string;
  indicators: Array<{
    level1: string | null;
    level2: string | null;
    name: string;
    target: string;
    actual: string;
    weight: number;
    score: number;
    reason: string;
    achieved: boolean | null;
  }>;
  budget: Array<{ item: string; initial: number; adjusted: number; executed: number; rate: number | null }>;
  total: { weight: number | null; score: number };
  findings: string[];
}

export function gold(id: string): Gold {
  return JSON.parse(readFileSync(join(FORMS, `${id}.gold.json`), 'utf8')) as Gold;
}

/** The rules on self-evaluation forms (issue 11's seven, and score-grade-mismatch, which reads the form's total). */
export const TABLE_RULES: ReadonlySet<string> = new Set([
  'indicator-score-exceeds-weight',
  'indicator-total-mismatch',
  'weight-total',
  'missed-target-full-score',
  'missing-deviation-reason',
  'budget-rate-mismatch',
  'score-mismatch',
  'score-grade-mismatch',
]);
