import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { decode, looksBinary, type Encoding } from './decode.js';
import { readDoc } from './doc.js';
import { readDocx } from './docx.js';
import { readPdf } from './pdf.js';

/** Why a file could not be read. Stable: they appear in every output format. */
export type ReadErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'corrupt-docx'
  | 'unreadable-doc'
  | 'corrupt-pdf'
  | 'pdf-no-text';

export type ReadResult =
  | { ok: true; text: string; format: 'text' | 'markdown'; encoding?: Encoding }
  | { ok: false; code: ReadErrorCode; reason: string };

export interface ReadOptions {
  /** Decode text files in this encoding instead of detecting it. */
  encoding?: Encoding;
  /** Files larger than this many bytes are refused. */
  maxSize: number;
}

/** 50 MB: no real report comes near it, and it keeps a stray video out of the batch. */
export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

const fail = (code: ReadErrorCode, reason: string): ReadResult => ({ ok: false, code, reason });

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Reads one submitted report as text, whatever it arrived as: UTF-8 (with or without
 * BOM), UTF-16 with BOM or GB18030 text, Markdown, .docx, .doc or .pdf. Never
 * throws: a file that cannot be read gives a reason code and a sentence saying what
 * to do about it.
 */
export async function readReport(path: string, options: ReadOptions): Promise<ReadResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      return fail(
        'not-a-file',
        'not a file (a folder or a device); give a file, or a folder to check everything in it',
      );
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', 'no such file (check the path)');
    return fail('unreadable', `cannot open it (${code ?? String(error)}); check its permissions`);
  }
  if (size === 0) return fail('empty', 'the file is empty');
  if (size > options.maxSize)
    return fail(
      'too-large',
      `${megabytes(size)} is over the size limit of ${megabytes(options.maxSize)}; raise it with --max-size`,
    );

  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return fail(
      'unreadable',
      `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions`,
    );
  }
  const ext = extname(path).toLowerCase();

  if (ext === '.docx') {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
      return fail('corrupt-docx', 'not a valid .docx (it is not a zip package); open and re-save it in Word');
    try {
      const { text, format } = await readDocx(bytes);
      return text.trim() ? { ok: true, text, format } : fail('empty', 'the document has no text');
    } catch (error) {
      return fail('corrupt-docx', `not a valid .docx (${firstLine(error)}); open and re-save it in Word`);
    }
  }
  if (ext === '.doc') {
    try {
      const text = await readDoc(bytes);
      return text.trim() ? { ok: true, text, format: 'text' } : fail('empty', 'the document has no text');
    } catch (error) {
      return fail(
        'unreadable-doc',
        `cannot read this Word 97–2003 file (${firstLine(error)}); save it as .docx and check that`,
      );
    }
  }
  if (ext === '.pdf') {
    if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46))
      return fail('corrupt-pdf', 'not a valid PDF (no %PDF header)');
    try {
      const text = await readPdf(bytes);
      return text
        ? { ok: true, text, format: 'text' }
        : fail('pdf-no-text', 'the PDF has no text layer (a scan?); run OCR on it or supply the .docx');
    } catch (error) {
      return fail('corrupt-pdf', `cannot read this PDF (${firstLine(error)})`);
    }
  }
  if (!options.encoding && looksBinary(bytes)) {
    return fail('binary', 'not a text file (binary content); give .txt, .md, .docx, .doc or .pdf');
  }
  const { text, encoding } = decode(bytes, options.encoding);
  if (!text.trim()) return fail('empty', 'the file holds only white space');
  return { ok: true, text, format: ext === '.md' || ext === '.markdown' ? 'markdown' : 'text', encoding };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
}
