import { describe, expect, it, vi } from 'vitest';
import { visit } from 'unist-util-visit';
import { parse } from '../../src/index.js';
import type { Line } from '../../src/text/lines.js';
import { expectValidTree } from '../helpers/invariants.js';

// Counts how often the parser looks at the tables of contents it found: a text of many
// small tables (`目录` / `一、…` / `一、…` again) searched them all for every line.
const tocReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/outline/front-matter.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/outline/front-matter.js')>();
  return {
    ...original,
    findTocs: (input: string, lines: Line[], title: string | undefined) =>
      new Proxy(original.findTocs(input, lines, title), {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) tocReads.count++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
  };
});

/** `n` tables of contents, each ended by its numbering starting over. */
const manyTocs = (n: number) => '目录\n一、基本情况\n一、基本情况\n正文。\n'.repeat(n);

function readsFor(n: number): number {
  tocReads.count = 0;
  parse(manyTocs(n));
  return tocReads.count;
}

describe('many tables of contents', () => {
  it('are each looked up a bounded number of times, not once per line', () => {
    const small = readsFor(200);
    expect(small).toBeGreaterThan(0);
    expect(readsFor(800) / small).toBeLessThan(4.5);
  });

  it('each become a table of contents, with every character in one leaf', () => {
    const input = manyTocs(50);
    const tree = parse(input);
    expectValidTree(input, tree);
    // Each after the first stands in the section before it.
    let tocs = 0;
    visit(tree, 'toc', () => void tocs++);
    expect(tocs).toBe(50);
  });
});
