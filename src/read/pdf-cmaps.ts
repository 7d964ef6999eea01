/**
 * CMaps for pdf.js without fetching anything. A PDF whose Chinese font is not embedded
 * (`STSong-Light` + `UniGB-UCS2-H`, as Java report writers of finance systems make
 * them), or is embedded without a ToUnicode map, has text only through Adobe's CMaps;
 * without them pdf.js extracts nothing from it. The Simplified Chinese ones (~200 KB)
 * are bundled, in a module loaded only when a PDF asks for one, so this works the same
 * in Node, in a Web Worker and from a page opened as a file. Other scripts' CMaps are
 * not shipped: the reader then warns that text may be missing.
 */

/** pdf.js's `BinaryDataFactory`: asked for CMaps by file name, it answers with their bytes. */
export interface BinaryDataFactory {
  fetch(request: { kind: string; filename: string }): Promise<Uint8Array>;
}

/**
 * A `BinaryDataFactory` class for one document; the names of the CMaps it was asked
 * for and does not have go into `missing`. Other kinds of data (standard fonts, wasm)
 * are refused: text extraction does without them.
 */
export function cmapFactory(missing: Set<string>): new (options: unknown) => BinaryDataFactory {
  return class {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind !== 'cMapUrl') throw new Error(`jixiao loads no ${kind} data`);
      const name = filename.replace(/\.bcmap$/, '');
      const { GB_CMAPS } = await import('./cmaps-gb.js');
      const packed = Object.hasOwn(GB_CMAPS, name) ? GB_CMAPS[name] : undefined;
      if (packed === undefined) {
        missing.add(name);
        throw new Error(`jixiao does not ship the CMap ${name}`);
      }
      const deflated = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
      const stream = new Blob([deflated]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }
  };
}
