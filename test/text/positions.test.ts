import { describe, expect, it } from 'vitest';
import { parse, type Section } from '../../src/index.js';
import { splitLines } from '../../src/text/lines.js';
import { locator } from '../../src/tree/position.js';
import { expectValidTree } from '../helpers/invariants.js';

describe('locator', () => {
  it('counts \\r\\n, \\r and \\n as one line break each', () => {
    const at = locator('a\r\nb\rc\nd');
    expect(at.point(3)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(at.point(5)).toEqual({ line: 3, column: 1, offset: 5 });
    expect(at.point(7)).toEqual({ line: 4, column: 1, offset: 7 });
  });

  it('counts columns in UTF-16 code units', () => {
    expect(locator('𠀀一').point(2)).toEqual({ line: 1, column: 3, offset: 2 });
  });
});

describe('splitLines', () => {
  it('trims U+3000, NBSP, tabs and trailing blanks without moving offsets', () => {
    const input = '\u3000\u3000一、基本情况\t \r\n\u00a0正文  ';
    const [a, b] = splitLines(input);
    expect(input.slice(a!.from, a!.to)).toBe('一、基本情况');
    expect(a!.indented).toBe(true);
    expect(input.slice(b!.from, b!.to)).toBe('正文');
  });
});

describe('input noise', () => {
  const variants: Record<string, string> = {
    lf: '一、基本情况\n保密\n二、存在问题\n无\n',
    crlf: '一、基本情况\r\n保密\r\n二、存在问题\r\n无\r\n',
    cr: '一、基本情况\r保密\r二、存在问题\r无\r',
    bom: '\ufeff一、基本情况\n保密\n二、存在问题\n无\n',
    indent: '\u3000\u3000一、 基本情况  \n\u00a0\u00a0保密\t\n\t二、存在问题\n　无　\n',
  };
  for (const [name, input] of Object.entries(variants)) {
    it(`reads the same outline and placeholders with ${name}`, () => {
      const tree = parse(input);
      const sections = tree.children.filter((n): n is Section => n.type === 'section');
      expect(sections.map((s) => [s.marker.raw, s.placeholder])).toEqual([
        ['一、', 'withheld'],
        ['二、', 'none'],
      ]);
      expectValidTree(input, tree);
      // Positions point into the original string, noise included.
      const first = sections[0]!;
      expect(input.slice(first.position.start.offset, first.position.start.offset + 2)).toBe('一、');
    });
  }
});

describe('locator: points shared, lines given', () => {
  it('gives the same point again for the same offset, with the same values', () => {
    const at = locator('一、\n保密\n');
    const a = at.point(3);
    expect(at.point(3)).toBe(a);
    const position = at.position(3, 5);
    expect(position.start).toBe(a);
    expect(position).toEqual({ start: { line: 2, column: 1, offset: 3 }, end: { line: 2, column: 3, offset: 5 } });
    // Further back, and again: still right.
    expect(at.point(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(at.point(5)).toEqual({ line: 2, column: 3, offset: 5 });
  });

  it('reads the same points from the lines of splitLines as from the text', () => {
    const input = '一、\r\n\r\n保密\r二、\n正文';
    const own = locator(input);
    const given = locator(
      input,
      splitLines(input).map((l) => l.start),
    );
    for (let offset = 0; offset <= input.length; offset++) expect(given.point(offset)).toEqual(own.point(offset));
  });

  it('leaves a one-leaf paragraph the positions of its leaf', () => {
    const tree = parse('字\n字\n');
    const [first] = tree.children;
    expect(first!.type).toBe('paragraph');
    if (first!.type !== 'paragraph') return;
    expect(first.position).toEqual(first.children[0]!.position);
  });
});
