/**
 * Counting work instead of timing it: a test holds a scanner to linear cost by the
 * number of characters it reads, which is exact and does not depend on the machine.
 */

/**
 * A stand-in for `text` that counts every character read from it (`charCodeAt(i)`,
 * `text[i]`); everything else (`length`, `slice`, regular expressions) works as on
 * the string itself, uncounted.
 *
 * @example
 *   const input = countingText('一、基本情况')
 *   readMarker(input.text, 0, 6)
 *   input.reads() // 3
 */
export function countingText(text: string): { text: string; reads(): number } {
  let reads = 0;
  const charCodeAt = (i: number) => {
    reads++;
    return text.charCodeAt(i);
  };
  const proxy = new Proxy(new String(text), {
    get(_target, key) {
      if (key === 'charCodeAt') return charCodeAt;
      if (typeof key === 'string' && key.length > 0 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) {
        reads++;
        return text[Number(key)];
      }
      if (key === 'length') return text.length;
      const value: unknown = (text as unknown as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(text) : value;
    },
  });
  return { text: proxy as unknown as string, reads: () => reads };
}

/**
 * How much more work four times the input costs: `work(4n) / work(n)`. About 4 for a
 * linear scan, 16 for a quadratic one; 0 when neither reads anything.
 */
export function growth(work: (n: number) => number, n: number): number {
  return work(4 * n) / Math.max(1, work(n));
}
