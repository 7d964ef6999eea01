/**
 * The most deflate can expand: a 258-byte match costs at least 2 bits (length and
 * distance codes of one bit each), so 258 × 8 / 2 = 1032 bytes out per byte in.
 */
export const MAX_DEFLATE_RATIO = 1032;

/**
 * The smallest piece of input fed to the inflater at a time. Pieces are as large as the
 * limit still allows (what is left of it ÷ 1032, so one piece cannot pass it by much),
 * and never smaller than this: the output passes the limit by 4 MB at most. Large
 * pieces keep the stream's per-piece cost low (one 4 KB piece at a time made checking
 * a 13 KB .docx take 6 ms).
 */
const MIN_PIECE = 4096;

/**
 * How many bytes `data` inflates to, counting up to `limit` and no further: the output
 * is measured and dropped, never kept, and inflating stops as soon as it passes the
 * limit (then the result is over `limit`). Damaged or truncated data counts what came
 * out before the damage, as the readers that inflate it later would get no more.
 * Uses the platform's DecompressionStream (browsers, Node ≥ 18): no dependency.
 */
export async function inflatedSize(
  data: Uint8Array,
  format: 'deflate' | 'deflate-raw',
  limit: number,
): Promise<number> {
  let offset = 0;
  let total = 0;
  // Typed as what DecompressionStream takes (any BufferSource): with the DOM's and WebWorker's libs a stream of
  // Uint8Array cannot be piped into it (their BufferSource is over ArrayBuffer only, not SharedArrayBuffer).
  const input = new ReadableStream<ArrayBufferView | ArrayBuffer>({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      const piece = Math.max(MIN_PIECE, Math.floor((limit - total) / MAX_DEFLATE_RATIO));
      controller.enqueue(data.slice(offset, offset + piece));
      offset += piece;
    },
  });
  const reader = input.pipeThrough(new DecompressionStream(format)).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        return total;
      }
    }
  } catch {
    return total;
  }
}
