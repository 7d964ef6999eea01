import { MAX_DEFLATE_RATIO, inflatedSize } from './inflate.js';
import { ReadFailure } from './messages.js';

/** One file in a zip package, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else the readers downstream refuse. */
  method: number;
  /** The general purpose bit flags (bit 0: encrypted). */
  flags: number;
  compressedSize: number;
  /** As declared: a hostile file may lie, so this is checked by inflating. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
  /**
   * It carries an Info-ZIP Unicode path (extra field 0x7075): JSZip names the entry by it rather than by
   * `name`.
   */
  unicodePath: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A 32-bit field at this value means "see the zip64 extra field". */
const MAX32 = 0xffffffff;

class Reader {
  constructor(private readonly bytes: Uint8Array) {}
  u16(at: number): number {
    if (at + 2 > this.bytes.length) throw new Error('the zip directory is cut short');
    return this.bytes[at]! | (this.bytes[at + 1]! << 8);
  }
  u32(at: number): number {
    return (this.u16(at) | (this.u16(at + 2) << 16)) >>> 0;
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 2 ** 32;
  }
}

/**
 * The entries of a zip package, read from its central directory (as JSZip, which
 * mammoth uses, reads them), zip64 included: every central header that follows the
 * directory's start, whatever count the end record states (JSZip reads on while the
 * signature matches, so a count of 0 must not hide an entry from the size check).
 * Throws a plain Error on a package whose directory is missing or damaged.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const r = new Reader(bytes);
  // The end record is the last thing in the file, followed by a comment of up to 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (r.u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('no zip directory');
  let count = r.u16(end + 10);
  let offset = r.u32(end + 16);
  if ((count === 0xffff || offset === MAX32) && end >= 20 && r.u32(end - 20) === ZIP64_LOCATOR) {
    const record = r.u64(end - 20 + 8);
    if (r.u32(record) !== ZIP64_EOCD) throw new Error('damaged zip64 directory');
    count = r.u64(record + 32);
    offset = r.u64(record + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  // A stated count is a promise of that many headers (fewer is damage); more headers than stated are read on.
  for (let i = 0; i < count || (at + 4 <= bytes.length && r.u32(at) === CENTRAL); i++) {
    if (r.u32(at) !== CENTRAL) throw new Error('damaged zip directory');
    const flags = r.u16(at + 8);
    const method = r.u16(at + 10);
    let compressedSize = r.u32(at + 20);
    let size = r.u32(at + 24);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    let local = r.u32(at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let unicodePath = false;
    // Zip64: the real values follow in the extra field, in this order, for each field at MAX32.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = r.u16(x);
      const length = r.u16(x + 2);
      if (id === 0x0001) {
        let y = x + 4;
        if (size === MAX32) {
          size = r.u64(y);
          y += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = r.u64(y);
          y += 8;
        }
        if (local === MAX32) local = r.u64(y);
      }
      if (id === 0x7075) unicodePath = true;
      x += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, size, offset: local, unicodePath });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The name an entry's local header gives it: the one JSZip goes by (Windows zippers have written `\\` in the
 * central directory's names and `/` in the local headers').
 */
export function localName(bytes: Uint8Array, entry: ZipEntry): string {
  const r = new Reader(bytes);
  if (r.u32(entry.offset) !== LOCAL) throw new Error(`damaged entry ${entry.name}`);
  const length = r.u16(entry.offset + 26);
  return new TextDecoder().decode(bytes.subarray(entry.offset + 30, entry.offset + 30 + length));
}

/** The compressed bytes of an entry: after its local header, whose name and extra lengths may differ. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const r = new Reader(bytes);
  if (r.u32(entry.offset) !== LOCAL) throw new Error(`damaged entry ${entry.name}`);
  const start = entry.offset + 30 + r.u16(entry.offset + 26) + r.u16(entry.offset + 28);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Refuses a zip package that unpacks to more than `limit` bytes, before anything
 * downstream inflates it: first by the sizes its directory declares (no inflating at
 * all); then, as those may lie, unless the package is too small to reach the limit even
 * at deflate's greatest ratio (a .docx under ~190 KB for 200 MB), by inflating each
 * entry and counting, stopping as soon as the total passes the limit. Throws
 * `ReadFailure('too-large')`; a package whose directory cannot be read throws a plain
 * Error for the caller to word.
 */
export async function checkZipSize(bytes: Uint8Array, limit: number): Promise<void> {
  const entries = zipEntries(bytes);
  let declared = 0;
  let most = 0;
  for (const entry of entries) {
    declared += entry.size;
    most += entry.method === 8 ? entry.compressedSize * MAX_DEFLATE_RATIO : entry.compressedSize;
  }
  if (declared > limit) throw new ReadFailure('too-large', { what: 'expanded', limit, declared });
  if (most <= limit) return;
  let total = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    total += entry.method === 8 ? await inflatedSize(data, 'deflate-raw', limit - total) : data.length;
    if (total > limit) throw new ReadFailure('too-large', { what: 'expanded', limit, part: entry.name });
  }
}
