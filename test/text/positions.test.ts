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
