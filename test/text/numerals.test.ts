import { describe, expect, it } from 'vitest';
import { parseCjkNumber } from '../../src/text/numerals.js';

describe('parseCjkNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['三千二百', 3200],
    ['三千二百万', 32000000],
    ['一亿二千万', 120000000],
    ['三万五千', 35000],
    ['两', 2],
    ['壹佰', 100],
    ['贰拾叁', 23],
    ['二〇二〇', 2020],
    ['二零一九', 2019],
  ])('%s = %d', (text, value) => {
    expect(parseCjkNumber(text)).toBe(value);
  });

  it('rejects what is not a numeral', () => {
    expect(parseCjkNumber('')).toBeUndefined();
    expect(parseCjkNumber('十三五规划')).toBeUndefined();
  });
});
