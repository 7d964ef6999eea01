import type { Detail, ReadWarningCode } from './messages.js';

/** Encodings jixiao reads text in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

/** A caveat on how a text was decoded, with the facts its sentence needs. */
export interface DecodeWarning {
  code: ReadWarningCode;
  detail: Detail;
}

/**
 * Decodes a text file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is
 * UTF-8 and anything else is read as GB18030 (which covers GBK and GB2312). `forced`
 * overrides the detection. The BOM itself is kept out of the text.
 *
 * @example
 *   decode(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])).text // '你好' (GB18030)
 */
export function decode(
  bytes: Uint8Array,
  forced?: Encoding,
): { text: string; encoding: Encoding; warnings: DecodeWarning[] } {
  if (forced) return { text: new TextDecoder(forced).decode(bytes), encoding: forced, warnings: [] };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', warnings: [] };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', warnings: [] };
  }
}

/**
 * True for bytes that are not text: NUL bytes (outside UTF-16) or many control
 * characters in the first 8 KB.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}
