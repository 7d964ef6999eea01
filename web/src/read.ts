/**
 * Reading a submitted file in the browser: the one place the page turns bytes into text.
 *
 * TEMPORARY, until the shared browser-safe readers (`src/read/index.ts`, entry `jixiao/read`, `readBytes`) land:
 * then this module becomes a call to `readBytes`, with the CLI's readers and error codes for every format. Until
 * then it reads .txt and .md with the project's own `decode()` (BOM, UTF-8, else GB18030) and the CLI's checks
 * (empty, too large, binary), and answers `not-supported` for .docx, .doc and .pdf.
 */
import { decode, looksBinary, type Encoding } from '../../src/read/decode.js';
import type { Locale } from './lib/rc.js';

export type ReadResult =
  | {
      ok: true;
      text: string;
      format: 'text' | 'markdown';
      encoding?: string;
      warnings: Array<{ code: string; reason: string }>;
    }
  | { ok: false; code: string; reason: string };

export interface ReadOptions {
  encoding?: string;
  maxSize?: number;
  locale?: Locale;
}

/** 50 MB, as in the CLI. */
export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

const ENCODINGS = new Set<string>(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']);

const REASONS = {
  empty: { zh: '文件是空的', en: 'the file is empty' },
  blank: { zh: '文件只有空白字符', en: 'the file holds only white space' },
  tooLarge: {
    zh: (size: string, max: string) => `文件大小 ${size} 超过上限 ${max}；可在配置文件中用 maxSize 调高`,
    en: (size: string, max: string) =>
      `${size} is over the size limit of ${max}; raise it with maxSize in the configuration`,
  },
  binary: {
    zh: '不是文本文件（二进制内容）；请提供 .txt、.md、.docx、.doc 或 .pdf',
    en: 'not a text file (binary content); give .txt, .md, .docx, .doc or .pdf',
  },
  notYet: {
    zh: (ext: string) => `网页版暂不能读取 ${ext} 文件；请用命令行 jixiao check，或另存为 .txt 后再试`,
    en: (ext: string) => `the web page cannot read ${ext} files yet; use the CLI (jixiao check), or save it as .txt`,
  },
};

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads one file's bytes as report text. Never throws: a file that cannot be read gives a code (the CLI's:
 * `empty`, `too-large`, `binary`; `not-supported` for formats the page cannot read yet) and a sentence in the
 * page's language saying what to do.
 */
export async function readBytes(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<ReadResult> {
  const zh = options.locale !== 'en';
  const max = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: zh ? REASONS.empty.zh : REASONS.empty.en };
  if (bytes.length > max) {
    const say = zh ? REASONS.tooLarge.zh : REASONS.tooLarge.en;
    return { ok: false, code: 'too-large', reason: say(megabytes(bytes.length), megabytes(max)) };
  }
  const ext = /\.[^./\\]+$/.exec(name)?.[0].toLowerCase() ?? '';
  if (ext === '.docx' || ext === '.doc' || ext === '.pdf') {
    return { ok: false, code: 'not-supported', reason: (zh ? REASONS.notYet.zh : REASONS.notYet.en)(ext) };
  }
  const forced = options.encoding && ENCODINGS.has(options.encoding) ? (options.encoding as Encoding) : undefined;
  if (!forced && looksBinary(bytes))
    return { ok: false, code: 'binary', reason: zh ? REASONS.binary.zh : REASONS.binary.en };
  const { text, encoding } = decode(bytes, forced);
  if (!text.trim()) return { ok: false, code: 'empty', reason: zh ? REASONS.blank.zh : REASONS.blank.en };
  return { ok: true, text, format: ext === '.md' || ext === '.markdown' ? 'markdown' : 'text', encoding, warnings: [] };
}
