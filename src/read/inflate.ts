/**
 * Input is fed to the inflater in pieces this small so that it can be stopped soon after
 * passing a limit: deflate expands at most about 1032:1, so one piece yields at most
 * ~4 MB past the limit before the next read sees it.
 */
const PIECE = 4096;

/**
 * How many bytes `data` inflates to, counting up to `limit` and no further: the output
 * is measured and dropped, never kept, and inflating stops as soon as it passes the
 * limit (then the result is over `limit`). Damaged or truncated data counts what came
 * out before the damage, as the readers that inflate it later would get no more.
 * Uses the platform's DecompressionStream (browsers, Node ≥ 18): no dependency.
 *
 * @example
 *   await inflatedSize(deflated, 'deflate-raw', 200 * 1024 * 1024) // e.g. 523_000
 */
export async function inflatedSize(
  data: Uint8Array,
  format: 'deflate' | 'deflate-raw',
  limit: number,
): Promise<number> {
  let offset = 0;
  const input = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      controller.enqueue(data.slice(offset, offset + PIECE));
      offset += PIECE;
    },
  });
  const reader = input.pipeThrough(new DecompressionStream(format)).getReader();
  let total = 0;
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
