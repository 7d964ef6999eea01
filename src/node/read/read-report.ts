import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import {
  DEFAULT_MAX_SIZE,
  readBytes,
  type ReadErrorCode,
  type ReadOptions as BytesOptions,
  type ReadResult,
} from '../../read/index.js';
import { firstLine, reason, type Detail, type Locale } from '../../read/messages.js';

export { DEFAULT_MAX_SIZE, ENCODINGS, type Encoding, type ReadResult } from '../../read/index.js';

/** As for `readBytes`; plain data, so it crosses to worker threads. */
export interface ReadOptions extends BytesOptions {
  /**
   * Language of the reasons. Here English when not given, as the CLI's messages were
   * until it passes its `--locale` (readBytes itself defaults to Chinese).
   */
  locale?: Locale;
}

/**
 * Reads one submitted report from disk: checks that the path is a file of an allowed
 * size before reading it, reads Word 97–2003 .doc files (Node only), and hands
 * everything else to `readBytes`, the readers the web console shares. Never throws.
 */
export async function readReport(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const locale = options.locale ?? 'en';
  const fail = (code: ReadErrorCode, detail: Detail = {}): ReadResult => ({
    ok: false,
    code,
    reason: reason(code, locale, detail),
  });
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  let size: number;
  try {
    // Synchronous calls on purpose: a worker reads, then parses, one file at a time, so
    // awaiting the thread pool buys no overlap; the promise API's five round trips
    // (open, stat, read, read, close) cost more than reading a report (see readWhole).
    const info = statSync(path);
    if (!info.isFile()) return fail('not-a-file');
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found');
    return fail('unreadable', { cause: code ?? firstLine(error) });
  }
  if (size === 0) return fail('empty', { empty: 'file' });
  // Checked before reading, so an oversized file is never loaded.
  if (size > maxSize) return fail('too-large', { what: 'file', size, limit: maxSize });

  let bytes: Uint8Array;
  try {
    // A plain view, not a Buffer: the readers are written for Uint8Array (Buffer's slice() does not copy).
    const buffer = readFileSync(path);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  } catch (error) {
    return fail('unreadable', { cause: (error as NodeJS.ErrnoException).code ?? firstLine(error) });
  }
  if (extname(path).toLowerCase() === '.doc') {
    try {
      const { readDoc } = await import('./doc.js');
      const text = await readDoc(bytes);
      return text.trim() ? { ok: true, text, format: 'text', warnings: [] } : fail('empty', { empty: 'document' });
    } catch (error) {
      return fail('unreadable-doc', { cause: firstLine(error) });
    }
  }
  return readBytes(bytes, path, { ...options, locale });
}
