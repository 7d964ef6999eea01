import { MAX_DEFLATE_RATIO, inflatedSize } from './inflate.js';
import { ReadFailure } from './messages.js';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const STREAM = ascii('stream');
const ENDSTREAM = ascii('endstream');
const OBJ = ascii('obj');
/** A stream's dictionary sits right before it; real ones are far shorter than this. */
const DICTIONARY_REACH = 4096;
const latin1 = new TextDecoder('latin1');

/** Where `needle` next occurs in `bytes` at or after `from`, or -1 (the native search finds each first byte). */
function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(needle[0]!, from); i >= 0 && i <= last; i = bytes.indexOf(needle[0]!, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** Where `needle` last occurs in `bytes` within [floor, before), or -1. */
function lastIndexOf(bytes: Uint8Array, needle: Uint8Array, before: number, floor: number): number {
  for (let i = before - needle.length; i >= floor; i--) {
    let k = 0;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/**
 * Refuses a PDF whose streams inflate to more than `limit` bytes in all, before pdf.js
 * decodes any of them (pdf.js keeps a stream's whole decoded data in memory and has no
 * limit of its own: a 1.4 MB file inflating to 1 GB took 134 s). Streams sit at the top
 * level of a PDF (never inside object streams), so a scan of the file finds every one.
 * Counted: FlateDecode streams other than images, which text extraction never decodes.
 * Inflating stops as soon as the total passes the limit; a file too small to reach it
 * even at deflate's greatest ratio (under ~190 KB for 200 MB) is not inflated at all.
 * Streams of an encrypted PDF do not inflate as they are and count nothing here.
 * Throws `ReadFailure('too-large')`.
 */
export async function checkPdfStreams(bytes: Uint8Array, limit: number): Promise<void> {
  if (bytes.length * MAX_DEFLATE_RATIO <= limit) return;
  let total = 0;
  for (let at = indexOf(bytes, STREAM, 0); at >= 0; at = indexOf(bytes, STREAM, at)) {
    const keyword = at;
    at += STREAM.length;
    // `stream` is a keyword only at the end of a line, and not as the tail of `endstream`.
    let data = at;
    if (bytes[data] === 0x0d) data++;
    if (bytes[data] === 0x0a) data++;
    const tail = keyword >= 3 && latin1.decode(bytes.subarray(keyword - 3, keyword)) === 'end';
    if (data === at || tail) continue;
    const close = indexOf(bytes, ENDSTREAM, data);
    const end = close < 0 ? bytes.length : close;
    at = end;
    const open = lastIndexOf(bytes, OBJ, keyword, Math.max(0, keyword - DICTIONARY_REACH));
    if (open < 0) continue;
    const dictionary = latin1.decode(bytes.subarray(open, keyword));
    if (!/\/FlateDecode\b/.test(dictionary) || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    total += await inflatedSize(bytes.subarray(data, end), 'deflate', limit - total);
    if (total > limit) {
      const number = /(\d+)\s+\d+\s*$/.exec(latin1.decode(bytes.subarray(Math.max(0, open - 24), open)));
      throw new ReadFailure('too-large', {
        what: 'expanded',
        limit,
        ...(number ? { part: `object ${number[1]}` } : {}),
      });
    }
  }
}
