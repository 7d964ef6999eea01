/**
 * What a reader says when a file cannot be read, or was read with a caveat: in Chinese
 * (the default, for reviewers) and in English. Each sentence says what is wrong and
 * what to do about it. The data (sizes, names, a library's own error line) is filled in
 * by the caller, so the wording lives here alone and the CLI and the web page say the same.
 */

import type { Locale } from '../errors.js';

/** Language of the reasons. */
export type { Locale };

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
  | 'encrypted-pdf'
  | 'pdf-no-text'
  | 'unsupported';

/** What a caveat on a file that was read is about. */
export type ReadWarningCode = 'encoding-fallback' | 'invalid-utf8' | 'missing-cmap';

/** The facts a sentence may need. */
export interface Detail {
  /** A library's or the system's own words (English), shown in parentheses. */
  cause?: string;
  /** A size in bytes, or a page count with `limit` for `pages`. */
  size?: number;
  limit?: number;
  /** Which limit was passed. */
  what?: 'file' | 'expanded' | 'pages';
  /** For `empty`: nothing at all, a document without text, or only white space. */
  empty?: 'file' | 'document' | 'blank';
  /** For encoding warnings: how many byte sequences were invalid, and the first one's line. */
  count?: number;
  line?: number;
  /** For `unsupported`: the extension (with `cause`: its reader could not be loaded). */
  ext?: string;
  /** For `missing-cmap`: the CMap's name. */
  name?: string;
  /** For an expanded size: what the package declared, or the part that passed the limit. */
  declared?: number;
  part?: string;
}

type Say = (d: Detail) => string;

/** A size as people read it: `1.2 MB`, `3 KB`, `20 bytes` (the same in both languages but the last). */
function size(n: number | undefined, locale: Locale): string {
  const bytes = n ?? 0;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return locale === 'en' ? `${bytes} bytes` : `${bytes} 字节`;
}

function cause(d: Detail): string {
  return d.cause ? ` (${d.cause})` : '';
}

function zhCause(d: Detail): string {
  return d.cause ? `（${d.cause}）` : '';
}

function expandedEn(d: Detail): string {
  if (d.declared !== undefined) return ` (its zip directory declares ${size(d.declared, 'en')})`;
  return d.part ? ` (reached in ${d.part})` : '';
}

function expandedZh(d: Detail): string {
  if (d.declared !== undefined) return `（其 zip 目录声明解压后共 ${size(d.declared, 'zh-CN')}）`;
  return d.part ? `（解压到 ${d.part} 时超出）` : '';
}

function tooLargeEn(d: Detail): string {
  if (d.what === 'pages')
    return `${d.size} pages is over the page limit of ${d.limit}; if the file is genuine, raise it with --max-pages`;
  if (d.what === 'expanded')
    return (
      `it unpacks to more than ${size(d.limit, 'en')}, the limit on expanded size${expandedEn(d)}; ` +
      `a real report is far smaller, so this may be a decompression bomb. If the file is genuine, ` +
      `raise the limit with --max-expanded-size`
    );
  return `${size(d.size, 'en')} is over the size limit of ${size(d.limit, 'en')}; raise it with --max-size`;
}

function tooLargeZh(d: Detail): string {
  if (d.what === 'pages') return `共 ${d.size} 页，超过页数上限 ${d.limit} 页；如文件无误，请用 --max-pages 调高上限`;
  if (d.what === 'expanded')
    return (
      `解压后超过 ${size(d.limit, 'zh-CN')}（解压大小上限）${expandedZh(d)}；正常的报告远小于此，可能是“压缩炸弹”。` +
      `如文件无误，请用 --max-expanded-size 调高上限`
    );
  return `文件大小 ${size(d.size, 'zh-CN')}，超过上限 ${size(d.limit, 'zh-CN')}；如确需读取，请用 --max-size 调高上限`;
}

const EN: Record<ReadErrorCode | ReadWarningCode, Say> = {
  'not-found': () => 'no such file (check the path)',
  'not-a-file': () => 'not a file (a folder or a device); give a file, or a folder to check everything in it',
  unreadable: (d) => `cannot open it${cause(d)}; check its permissions`,
  empty: (d) =>
    d.empty === 'document'
      ? 'the document has no text'
      : d.empty === 'blank'
        ? 'the file holds only white space'
        : 'the file is empty',
  'too-large': tooLargeEn,
  binary: () => 'not a text file (binary content); give .txt, .md, .docx, .doc or .pdf',
  'corrupt-docx': (d) => `not a valid .docx${cause(d)}; open and re-save it in Word`,
  'unreadable-doc': (d) => `cannot read this Word 97–2003 file${cause(d)}; save it as .docx and check that`,
  'corrupt-pdf': (d) => `not a valid PDF${cause(d)}; export or print it to PDF again, or supply the .docx`,
  'encrypted-pdf': () =>
    'the PDF is password-protected, so its text cannot be read; ask the submitter for an unprotected copy (or the .docx)',
  'pdf-no-text': () => 'the PDF has no text layer (a scan?); run OCR on it or supply the .docx',
  unsupported: (d) =>
    d.cause
      ? `cannot load the reader of ${d.ext} files here${cause(d)}; reload the page, or open the page from a web ` +
        `server (a browser may refuse it to a page opened from a folder), or use the jixiao command line`
      : `${d.ext ?? 'this'} files cannot be read here; use the jixiao command line, or save it as .docx`,
  'encoding-fallback': (d) =>
    `not valid UTF-8 (${d.count} invalid byte sequences, the first on line ${d.line}), so it was read as GB18030; ` +
    `if the text looks garbled, give its encoding with --encoding`,
  'invalid-utf8': (d) =>
    `${d.count} byte sequence${d.count === 1 ? ' is' : 's are'} not valid UTF-8 (the first on line ${d.line}) ` +
    `and became U+FFFD (�); the rest is UTF-8. Fix the file there, or give --encoding gb18030 if it is GB18030`,
  'missing-cmap': (d) =>
    `the PDF uses the character map ${d.name}, which jixiao does not ship, so some text may be missing; ` +
    `supply the .docx or a PDF with embedded fonts`,
};

const ZH: Record<ReadErrorCode | ReadWarningCode, Say> = {
  'not-found': () => '文件不存在（请检查路径）',
  'not-a-file': () => '不是文件（是文件夹或设备）；请给出文件，或给出文件夹以检查其中所有文件',
  unreadable: (d) => `无法打开${zhCause(d)}；请检查文件权限`,
  empty: (d) => (d.empty === 'document' ? '文档中没有文字' : d.empty === 'blank' ? '文件只有空白字符' : '文件为空'),
  'too-large': tooLargeZh,
  binary: () => '不是文本文件（内容为二进制）；请提供 .txt、.md、.docx、.doc 或 .pdf 文件',
  'corrupt-docx': (d) => `不是有效的 .docx 文件${zhCause(d)}；请用 Word 打开后重新保存`,
  'unreadable-doc': (d) => `无法读取此 Word 97–2003 文件${zhCause(d)}；请另存为 .docx 后再检查`,
  'corrupt-pdf': (d) => `不是有效的 PDF 文件${zhCause(d)}；请重新导出或打印为 PDF，或提供 .docx 原文件`,
  'encrypted-pdf': () => 'PDF 受密码保护，无法读取文字；请向报送单位索取未加密的版本（或 .docx 原文件）',
  'pdf-no-text': () => 'PDF 中没有文字层（可能是扫描件）；请先进行文字识别（OCR），或提供 .docx 原文件',
  unsupported: (d) =>
    d.cause
      ? `此处无法加载 ${d.ext} 文件的读取程序${zhCause(d)}；请刷新页面，或通过网站服务器打开本页` +
        `（从本地文件夹打开时，浏览器可能不允许加载），或使用 jixiao 命令行工具`
      : `此处无法读取 ${d.ext ?? ''} 文件；请使用 jixiao 命令行工具，或另存为 .docx`,
  'encoding-fallback': (d) =>
    `不是有效的 UTF-8 编码（${d.count} 处无效字节，第一处在第 ${d.line} 行），已按 GB18030 读取；` +
    `如文字显示为乱码，请用 --encoding 指定编码`,
  'invalid-utf8': (d) =>
    `有 ${d.count} 处字节不是有效的 UTF-8（第一处在第 ${d.line} 行），已替换为 U+FFFD（�），其余按 UTF-8 读取；` +
    `请修正该处，如文件实为 GB18030 编码，请用 --encoding gb18030`,
  'missing-cmap': (d) =>
    `PDF 使用了 jixiao 未附带的字符映射表 ${d.name}，部分文字可能缺失；请提供 .docx 原文件或嵌入字体的 PDF`,
};

/**
 * The sentence for a code in a language.
 *
 * @example
 *   reason('empty', 'en', { empty: 'document' }) // 'the document has no text'
 */
export function reason(code: ReadErrorCode | ReadWarningCode, locale: Locale, detail: Detail = {}): string {
  return (locale === 'en' ? EN : ZH)[code](detail);
}

/** A refusal raised inside a reader and turned into a result by `readBytes`. */
export class ReadFailure extends Error {
  readonly code: ReadErrorCode;
  readonly detail: Detail;
  constructor(code: ReadErrorCode, detail: Detail = {}) {
    super(reason(code, 'en', detail));
    this.name = 'ReadFailure';
    this.code = code;
    this.detail = detail;
  }
}

/** The first line of an error's message, short enough to quote. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
}

/**
 * Loads a reader's code (mammoth, pdf.js, the readers themselves): in a browser, a chunk fetched the first time a
 * file of its kind comes. One that cannot be loaded (a page opened from a folder whose browser refuses the script,
 * a server missing the file) makes the file `unsupported` here, with the cause, not a fault of the file.
 */
export async function loadReader<T>(ext: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new ReadFailure('unsupported', { ext, cause: firstLine(error) });
  }
}
