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
 * A file stays UTF-8 when it has at least this many valid multi-byte UTF-8 sequences per
 * invalid one. Measured on the 17 fixtures and 30 real reports encoded in GB18030: such
 * text has 0.16–0.31 valid sequences per invalid one (no more than 5 valid in a row), so
 * it is 10 times or more below this line. A damaged byte in UTF-8 makes at most 3 invalid
 * sequences (a lead byte orphans its continuation bytes), so a UTF-8 text with 9 or more
 * Chinese characters per damaged byte stays above it. (A GB18030 file of a few characters
 * can be valid UTF-8 as a whole, e.g. 目录 = C4 BF C2 BC = "Ŀ¼"; no report is that short.)
 */
const VALID_PER_INVALID = 3;

/** Valid multi-byte sequences; invalid ones (each one U+FFFD, as TextDecoder counts them); the first's offset. */
interface Utf8Scan {
  valid: number;
  invalid: number;
  first: number;
}

/** Scans bytes as the WHATWG UTF-8 decoder reads them: a byte that breaks a sequence starts the next one. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { valid: 0, invalid: 0, first: -1 };
  const bad = (at: number) => {
    if (scan.invalid++ === 0) scan.first = at;
  };
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      bad(i++);
      continue;
    }
    let k = 1;
    for (; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || b < (k === 1 ? low : 0x80) || b > (k === 1 ? high : 0xbf)) break;
    }
    if (k > need) scan.valid++;
    else bad(i);
    i += k;
  }
  return scan;
}

/** 1-based line of a byte offset: line feeds are the same byte in UTF-8 and GB18030. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/**
 * Decodes a text file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is
 * UTF-8, UTF-8 with a few damaged bytes stays UTF-8 (they become U+FFFD, and a warning
 * says where), and anything else is read as GB18030 (which covers GBK and GB2312), with
 * a warning, as a wrong guess would turn the report into mojibake. `forced` overrides
 * the detection. The BOM itself is kept out of the text.
 *
 * @example
 *   decode(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])).text // '你好' (GB18030, with an encoding-fallback warning)
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
    // Not valid UTF-8: count how far from it (the native decoder above is the fast path for the usual case).
  }
  const scan = scanUtf8(bytes);
  const detail = { count: scan.invalid, line: lineAt(bytes, scan.first) };
  if (scan.valid >= scan.invalid * VALID_PER_INVALID)
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      warnings: [{ code: 'invalid-utf8', detail }],
    };
  return {
    text: new TextDecoder('gb18030').decode(bytes),
    encoding: 'gb18030',
    warnings: [{ code: 'encoding-fallback', detail }],
  };
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
