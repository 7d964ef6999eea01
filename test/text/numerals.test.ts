import { describe, expect, it } from 'vitest';
import { parseCjkNumber, readCjkNumeral, readCjkPair } from '../../src/text/numerals.js';

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
    ['九十五点五', 95.5],
    ['一百二十点五', 120.5],
    ['三点五亿', 350000000],
    ['一万亿', 1e12],
    ['三万五千亿', 3.5e12],
    ['四十九兆九千八百亿', 49_980_000_000_000],
  ])('%s = %d', (text, value) => {
    expect(parseCjkNumber(text)).toBe(value);
  });

  it('rejects what is not a numeral', () => {
    expect(parseCjkNumber('')).toBeUndefined();
    expect(parseCjkNumber('十三五规划')).toBeUndefined();
    expect(parseCjkNumber('三点')).toBeUndefined();
  });
});

describe('readCjkNumeral', () => {
  it('reads decimals written with 点 exactly, the large units after them scaling the whole', () => {
    expect(readCjkNumeral('百分之九十五点五', 3)).toEqual({ end: 8, digits: '955', scale: 1 });
    expect(readCjkNumeral('三点五亿元', 0)).toEqual({ end: 4, digits: '350000000', scale: 0 });
    expect(readCjkNumeral('十二点五万人', 0)).toEqual({ end: 5, digits: '125000', scale: 0 });
  });

  it('does not take 点 as a decimal point where no digit follows (重点, 三点建议)', () => {
    expect(readCjkNumeral('三点建议', 0)).toEqual({ end: 1, digits: '3', scale: 0 });
    expect(readCjkNumeral('三万点五', 0)).toEqual({ end: 2, digits: '30000', scale: 0 });
  });

  it('reads units above 亿 whole, never dropping a part (万亿, 兆)', () => {
    expect(readCjkNumeral('一万亿元', 0)).toEqual({ end: 3, digits: '1000000000000', scale: 0 });
    expect(readCjkNumeral('四十九兆九千八百亿元', 0)).toEqual({ end: 9, digits: '49980000000000', scale: 0 });
    expect(readCjkNumeral('三兆元', 0)).toEqual({ end: 2, digits: '3000000000000', scale: 0 });
  });

  it('keeps values above 2^53 exact', () => {
    expect(readCjkNumeral('九千九百九十九兆九千九百九十九亿九千九百九十九万九千九百九十九', 0)?.digits).toBe(
      '9999999999999999',
    );
    expect(readCjkNumeral('一万兆元', 0)?.digits).toBe('1' + '0'.repeat(16));
  });

  it('leaves 兆 out where it is a prefix of a unit (兆瓦, 兆字节)', () => {
    expect(readCjkNumeral('五兆瓦', 0)).toEqual({ end: 1, digits: '5', scale: 0 });
  });

  it('does not read past the end it is given', () => {
    expect(readCjkNumeral('三千二百万元', 0, 2)).toEqual({ end: 2, digits: '3000', scale: 0 });
    expect(readCjkNumeral('九十五点五', 0, 3)).toEqual({ end: 3, digits: '95', scale: 0 });
  });

  it('starts only at a digit or 十 (not 万企, 百姓)', () => {
    expect(readCjkNumeral('万企', 0)).toBeUndefined();
    expect(readCjkNumeral('百姓', 0)).toBeUndefined();
  });
});

describe('readCjkPair', () => {
  it.each([
    ['二三十个', 20, 30],
    ['十五六人', 15, 16],
    ['三四百万元', 3_000_000, 4_000_000],
    ['两三个', 2, 3],
    ['一两天', 1, 2],
    ['三五个', 3, 5],
    ['三十四五岁', 34, 35],
  ])('%s is %d to %d', (text, low, high) => {
    const pair = readCjkPair(text, 0);
    expect(pair?.map((n) => Number(n.digits))).toEqual([low, high]);
  });

  it.each([['一二三'], ['二〇二〇年'], ['三十五'], ['二三十五'], ['三二个'], ['一九']])('%s is not a range', (text) => {
    expect(readCjkPair(text, 0)).toBeUndefined();
  });
});
