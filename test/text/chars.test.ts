import { describe, expect, it } from 'vitest';
import { charSet, inSet, isSpace } from '../../src/text/chars.js';
import { entryTable } from '../../src/figures/numbers.js';

describe('character sets', () => {
  it('isSpace is exactly JavaScript white space plus the zero-width space, over every code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const expected = /\s/.test(String.fromCharCode(c)) || c === 0x200b;
      if (isSpace(c) !== expected) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('charSet holds its characters and nothing else, at the edges of its words too', () => {
    const set = charSet('。\u001f\u0020\uffff');
    const members = [];
    for (let c = 0; c <= 0xffff; c++) if (inSet(set, c)) members.push(c);
    expect(members).toEqual([0x1f, 0x20, 0x3002, 0xffff]);
    // Past the end of a string charCodeAt gives NaN: never a member.
    expect(inSet(set, '。'.charCodeAt(5))).toBe(false);
  });
});

describe('entryTable', () => {
  it('finds the first listed entry at a position, so longer words listed first win', () => {
    const unit = entryTable([
      ['亿元', 8],
      ['万元', 4],
      ['亿', 8],
      ['元', 0],
    ] as const);
    expect(unit('共3亿元整', 2)).toEqual(['亿元', 8]);
    expect(unit('共3亿人', 2)).toEqual(['亿', 8]);
    expect(unit('共3元', 2)).toEqual(['元', 0]);
    expect(unit('共3人', 2)).toBeUndefined();
    expect(unit('共3', 5)).toBeUndefined();
  });
});
