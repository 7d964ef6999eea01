/**
 * jixiao/read: one submitted file's bytes → the report's text, in Node and in browsers
 * (a Web Worker included). No `node:` imports, no Node buffers, no network: the web console
 * and the CLI read files with this same code and say the same things about bad ones.
 * The readers of .docx (mammoth) and .pdf (pdf.js) are loaded only when such a file comes.
 */
import { decode, looksBinary, type Encoding } from './decode.js';
import type { TableLayout } from './grid.js';
import {
  ReadFailure,
  firstLine,
  loadReader,
  reason,
  type Locale,
  type ReadErrorCode,
  type ReadWarningCode,
} from './messages.js';

export { ENCODINGS, type Encoding } from './decode.js';
export type { Locale, ReadErrorCode, ReadWarningCode } from './messages.js';
export type { TableLayout, LayoutCell } from './grid.js';

/** 50 MB: no real report comes near it, and it keeps a stray video out of the batch. */
export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;
/** 200 MB unpacked: a long .docx with photos unpacks to a few MB, a 300-page PDF's streams to tens. */
export const DEFAULT_MAX_EXPANDED_SIZE = 200 * 1024 * 1024;
/** 2,000 pages: a report with every annex is a few hundred. */
export const DEFAULT_MAX_PAGES = 2000;

export interface ReadOptions {
  /** Decode text files in this encoding instead of detecting it. */
  encoding?: Encoding;
  /** Files larger than this many bytes are refused (default 50 MB). */
  maxSize?: number;
  /** .docx and .pdf files that unpack to more than this many bytes are refused (default 200 MB). */
  maxExpandedSize?: number;
  /** PDFs with more pages are refused (default 2,000). */
  maxPages?: number;
  /** Language of the reasons and warnings (default Chinese). */
  locale?: Locale;
}

/** Something the reader noticed on a file it did read. */
export interface ReadWarning {
  code: ReadWarningCode;
  reason: string;
}

export type ReadResult =
  | {
      ok: true;
      text: string;
      format: 'text' | 'markdown';
      /**
       * The tables of a .docx or .pdf, where they stand in `text` (as tab-separated lines):
       * pass them to `parse(text, {format, tables})` so merged cells are kept.
       */
      tables?: TableLayout[];
      encoding?: Encoding;
      warnings: ReadWarning[];
    }
  | { ok: false; code: ReadErrorCode; reason: string };

/** The extension of a file name, lower case, with its dot ('' when none). */
function extension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Reads one submitted file's bytes as a report's text, whatever it arrived as: UTF-8
 * (with or without BOM), UTF-16 with BOM or GB18030 text, Markdown, .docx or .pdf;
 * `name` gives the extension. Never throws: a file that cannot be read gives a code
 * and a sentence saying what is wrong and what to do about it. Word 97–2003 .doc files
 * are read only by the CLI (`unsupported` here).
 *
 * @example
 *   const result = await readBytes(new TextEncoder().encode('一、基本情况'), 'report.txt');
 *   result.ok && result.text // '一、基本情况'
 */
export async function readBytes(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<ReadResult> {
  const locale = options.locale ?? 'zh-CN';
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const limits = {
    maxExpandedSize: options.maxExpandedSize ?? DEFAULT_MAX_EXPANDED_SIZE,
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
  };
  const ext = extension(name);
  try {
    if (bytes.length === 0) throw new ReadFailure('empty', { empty: 'file' });
    if (bytes.length > maxSize)
      throw new ReadFailure('too-large', { what: 'file', size: bytes.length, limit: maxSize });
    if (ext === '.docx') {
      const { readDocx } = await loadReader(ext, () => import('./docx.js'));
      const { text, format, tables } = await readDocx(bytes, limits.maxExpandedSize);
      if (!text.trim()) throw new ReadFailure('empty', { empty: 'document' });
      return { ok: true, text, format, tables, warnings: [] };
    }
    if (ext === '.doc') throw new ReadFailure('unsupported', { ext });
    if (ext === '.pdf') {
      const { readPdf } = await loadReader(ext, () => import('./pdf.js'));
      const { text, tables, warnings } = await readPdf(bytes, limits);
      if (!text) throw new ReadFailure('pdf-no-text');
      return {
        ok: true,
        text,
        format: 'text',
        tables,
        warnings: warnings.map((w) => ({ code: w.code, reason: reason(w.code, locale, { name: w.name }) })),
      };
    }
    if (!options.encoding && looksBinary(bytes)) throw new ReadFailure('binary');
    const { text, encoding, warnings } = decode(bytes, options.encoding);
    if (!text.trim()) throw new ReadFailure('empty', { empty: 'blank' });
    return {
      ok: true,
      text,
      format: ext === '.md' || ext === '.markdown' ? 'markdown' : 'text',
      encoding,
      warnings: warnings.map((w) => ({ code: w.code, reason: reason(w.code, locale, w.detail) })),
    };
  } catch (error) {
    if (error instanceof ReadFailure)
      return { ok: false, code: error.code, reason: reason(error.code, locale, error.detail) };
    // A reader's own bug or an engine's unexpected error: still this file's failure, in the format's terms.
    const code = ext === '.docx' ? 'corrupt-docx' : ext === '.pdf' ? 'corrupt-pdf' : 'unreadable';
    return { ok: false, code, reason: reason(code, locale, { cause: firstLine(error) }) };
  }
}
