import { describe, expect, it } from 'vitest';
import { check, extract, parse, type ReportNode as Node } from '../../src/index.js';
import { fromMarkdown, toMarkdown } from '../../src/markdown.js';

// Found by the benchmark suite: `push(...items)` puts every item on the call stack, so
// a report of 150,000 short lines threw "Maximum call stack size exceeded".
describe('very large inputs', () => {
  it('parses, extracts, checks and converts 150,000 one-word lines', () => {
    const text = '字\n'.repeat(150_000);
    const tree = parse(text);
    expect(tree.children).toHaveLength(150_000);
    expect(tree.children.every((n) => n.type === 'paragraph')).toBe(true);
    expect(tree.children[149_999]!.position.start).toEqual({ line: 150_000, column: 1, offset: 299_998 });
    expect(extract(tree)).toEqual([]);
    // No section at all: the generic profile's two required sections are missing, nothing else.
    expect(check(tree).map((m) => [m.ruleId, m.line, m.ancestors?.length])).toEqual([
      ['required-section', 1, 1],
      ['required-section', 1, 1],
    ]);
    expect(toMarkdown(tree).split('\n\n')).toHaveLength(150_000);
  });

  it('keeps 150,000 lines of one section, in order', () => {
    const tree = parse(`一、基本情况\n${'字\n'.repeat(150_000)}`);
    const section = tree.children[0]!;
    expect(section.type).toBe('section');
    if (section.type !== 'section') return;
    expect(section.children).toHaveLength(150_001);
    expect(section.children[150_000]!.position.start.line).toBe(150_001);
  });

  it('gives each message its ancestors in a report of thousands of empty sections', () => {
    // Ancestors were found by a linear search among siblings: quadratic in this shape.
    const text = Array.from({ length: 3000 }, (_, i) => `## ${i + 1}. 工作情况\n\n无\n`).join('\n');
    const tree = fromMarkdown(text);
    const messages = check(tree).filter((m) => m.ruleId === 'no-placeholder-section');
    expect(messages.length).toBe(3000);
    const last = messages[messages.length - 1]!;
    const chain = last.ancestors as Node[];
    expect(chain.map((n) => n.type)).toEqual(['report', 'section']);
    expect(chain[1]).toBe(tree.children[tree.children.length - 1]);
  });
});
