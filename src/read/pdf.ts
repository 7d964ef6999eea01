import type { PDFDocumentProxy } from 'unpdf/pdfjs';
import { ReadFailure, firstLine, loadReader, type ReadWarningCode } from './messages.js';
import { gridText, type TableLayout } from './grid.js';
import { cmapFactory } from './pdf-cmaps.js';
import { pdfPageBlocks, pdfRulings, type PdfTextItem } from './pdf-grid.js';
import { checkPdfStreams } from './pdf-streams.js';

/** Limits on one PDF. */
export interface PdfLimits {
  /** Bytes all (non-image) streams may inflate to together. */
  maxExpandedSize: number;
  /** Pages a PDF may have. */
  maxPages: number;
}

/** An open PDF and what was noticed while opening it. */
export interface LoadedPdf {
  /**
   * pdf.js's document: `getPage(n)`, then `getTextContent()` (items with `transform`,
   * `width`, `height`) and `getOperatorList()` (the drawing of rules and boxes).
   */
  document: PDFDocumentProxy;
  /** CMaps the PDF asked for that jixiao does not ship (filled as pages are read). */
  missingCMaps: Set<string>;
  /** pdf.js's operator codes (`OPS.constructPath` …), for reading the drawing of a page's ruling lines. */
  OPS: Record<string, number>;
}

/**
 * pdf.js 5 moves the operator list between its halves with `ArrayBuffer#transferToFixedLength`
 * (ES2024). Node 20 lacks it, and pdf.js then returns a truncated list without an error: on
 * fixtures/forms/water-pdf.pdf 13 operators instead of 1,992, so no ruling line of a table is
 * seen. The standard method is supplied where it is missing (a copy; the same result, as
 * nothing keeps the old buffer), and only there: browsers and Node ≥ 21 have their own.
 */
function supplyTransferToFixedLength(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
  if (proto.transferToFixedLength) return;
  Object.defineProperty(proto, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}

/**
 * Opens a PDF with pdf.js (the serverless build unpdf ships: no worker, no canvas, no
 * network), after refusing one whose streams inflate past `maxExpandedSize` or that
 * has more than `maxPages` pages. Throws `ReadFailure` (`too-large`, `encrypted-pdf`,
 * `corrupt-pdf`). The caller destroys the document when done. The table readers use
 * this to get text items with their positions and each page's drawing operators.
 */
export async function loadPdf(bytes: Uint8Array, limits: PdfLimits): Promise<LoadedPdf> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46))
    throw new ReadFailure('corrupt-pdf', { cause: 'no %PDF header' });
  await checkPdfStreams(bytes, limits.maxExpandedSize);
  supplyTransferToFixedLength();
  const { getDocument, OPS } = await loadReader('.pdf', () => import('unpdf/pdfjs'));
  const missingCMaps = new Set<string>();
  let document: PDFDocumentProxy;
  try {
    document = await getDocument({
      // pdf.js may take over the buffer it is given, and refuses Node's buffers: give it a plain copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      // No font data is loaded: text extraction needs only encodings and widths, which pdf.js has built in.
      useSystemFonts: true,
      disableFontFace: true,
      useWasm: false,
      useWorkerFetch: false,
      BinaryDataFactory: cmapFactory(missingCMaps),
      cMapUrl: 'jixiao/cmaps/', // a name, never fetched: BinaryDataFactory answers
      cMapPacked: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    if ((error as { name?: string } | null)?.name === 'PasswordException') throw new ReadFailure('encrypted-pdf');
    throw new ReadFailure('corrupt-pdf', { cause: firstLine(error) });
  }
  if (document.numPages > limits.maxPages) {
    await document.destroy();
    throw new ReadFailure('too-large', { what: 'pages', size: document.numPages, limit: limits.maxPages });
  }
  return { document, missingCMaps, OPS: OPS as unknown as Record<string, number> };
}

/**
 * Extracts the text layer of a PDF, page by page in reading order: lines of text rebuilt from
 * where their characters stand (the spaces a PDF puts inside words and figures closed up),
 * and tables (from the page's ruling lines, or from the text's columns where it has none)
 * written as tab-separated lines and described in `tables`, merged cells kept. Line-wrapped
 * sentences are re-joined later by the parser's paragraph rules (a line cut mid-sentence joins
 * the next). A PDF with no text layer (a scan) gives ''. Throws `ReadFailure`.
 */
export async function readPdf(
  bytes: Uint8Array,
  limits: PdfLimits,
): Promise<{ text: string; tables: TableLayout[]; warnings: Array<{ code: ReadWarningCode; name: string }> }> {
  const { document, missingCMaps, OPS } = await loadPdf(bytes, limits);
  let text = '';
  const tables: TableLayout[] = [];
  try {
    for (let page = 1; page <= document.numPages; page++) {
      const proxy = await document.getPage(page);
      const items = (await proxy.getTextContent()).items.filter(
        (item): item is PdfTextItem & typeof item => 'str' in item,
      );
      const ops = await proxy.getOperatorList();
      const segments = pdfRulings(ops.fnArray, ops.argsArray, OPS);
      for (const block of pdfPageBlocks(items, segments, { page })) {
        if (block.type === 'line') {
          text += block.text + '\n';
          continue;
        }
        const { text: lines, table } = gridText(block, text.length, 'pdf');
        tables.push({ ...table, page, bbox: block.bbox });
        text += lines;
      }
    }
  } catch (error) {
    throw new ReadFailure('corrupt-pdf', { cause: firstLine(error) });
  } finally {
    await document.destroy();
  }
  const warnings = [...missingCMaps].map((name) => ({ code: 'missing-cmap' as const, name }));
  return text.trim() ? { text, tables, warnings } : { text: '', tables: [], warnings };
}
