import { describe, expect, it } from 'vitest';
import { charSet, displayWidth, inSet, isSpace, squash } from '../../src/text/chars.js';
import { entryTable } from '../../src/figures/numbers.js';

describe('character sets', () => {
  // U+200B was white space here, so leaves dropped it: it is a format character (Cf), not white space.
  it('isSpace is exactly JavaScript white space, over every code unit (not the zero-width space)', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const expected = /\s/.test(String.fromCharCode(c));
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

describe('squash', () => {
  it('removes white space and zero-width characters, for comparing what people wrote', () => {
    expect(squash(' 保\u3000密\u200b ')).toBe('保密');
    expect(squash('目\u200d录')).toBe('目录');
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

describe('displayWidth', () => {
  it('counts wide and full-width characters two, others one, a character outside the BMP once', () => {
    expect(displayWidth('a1 ')).toBe(3);
    expect(displayWidth('个文件，（一）ＡＢ')).toBe(18);
    // U+20BB7 (𠮷, two code units) is one wide character; U+1F600 (two code units) one narrow one.
    expect(displayWidth('𠮷')).toBe(2);
    expect(displayWidth('\u{1f600}')).toBe(1);
  });

  it('measures a span of the text, by UTF-16 offsets', () => {
    const text = '指标\t𠮷年度目标\t95%';
    expect(displayWidth(text, 3, 9)).toBe(2 + 8);
    expect(displayWidth(text, 10)).toBe(3);
  });
});
