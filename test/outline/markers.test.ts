import { describe, expect, it } from 'vitest';
import { readEnumeration, readMarker } from '../../src/outline/markers.js';

const read = (text: string) => {
  const m = readMarker(text, 0, text.length);
  return m && { raw: text.slice(m.start, m.end), style: m.style, ordinal: m.ordinal, level: m.level };
};

describe('readMarker', () => {
  it.each([
    ['一、基本情况', '一、', 'cjk', 1],
    ['十二、其他', '十二、', 'cjk', 12],
    ['一．项目概况', '一．', 'cjk', 1],
    ['二.绩效', '二.', 'cjk', 2],
    ['（一）项目', '（一）', 'cjk-paren', 1],
    ['(一)项目', '(一)', 'cjk-paren', 1],
    ['（一)项目', '（一)', 'cjk-paren', 1],
    ['( 三 )项目', '( 三 )', 'cjk-paren', 3],
    ['㈡绩效目标', '㈡', 'cjk-paren', 2],
    ['1.收入', '1.', 'arabic', 1],
    ['1、收入', '1、', 'arabic', 1],
    ['１．收入', '１．', 'arabic', 1],
    ['12. 支出', '12.', 'arabic', 12],
    ['（1）上级文件', '（1）', 'arabic-paren', 1],
    ['(2)本级', '(2)', 'arabic-paren', 2],
    ['3)实施内容', '3)', 'arabic-paren', 3],
    ['①省级', '①', 'circled', 1],
    ['⑳末项', '⑳', 'circled', 20],
    ['第一部分 基本情况', '第一部分', 'part', 1],
    ['1.2024 年中央财政', '1.', 'arabic', 1],
  ])('reads %s', (text, raw, style, ordinal) => {
    expect(read(text)).toMatchObject({ raw, style, ordinal });
  });

  it('reads decimal markers with their depth', () => {
    expect(read('1.1部门职责概述')).toEqual({ raw: '1.1', style: 'decimal', ordinal: 1, level: 2 });
    expect(read('2.3.4绩效分析')).toEqual({ raw: '2.3.4', style: 'decimal', ordinal: 4, level: 3 });
  });

  it.each([
    ['1.5万元用于维修'],
    ['12.5%的增长'],
    ['2020年完成改革'],
    ['2020.3.5召开'],
    ['12个行政村'],
    ['123.项目'],
    ['一是加强'],
    ['十三五规划'],
    ['(2024年度)'],
    ['（此页为封面）'],
    ['一、二类项目'],
    ['3.4 20'],
    ['1'],
  ])('does not read %s as a marker', (text) => {
    expect(read(text)).toBeUndefined();
  });
});

describe('readEnumeration', () => {
  it('reads 一是 … 十是', () => {
    expect(readEnumeration('三是助力复工复产', 0, 8)).toMatchObject({ ordinal: 3, style: 'enumeration', end: 2 });
    expect(readEnumeration('十是', 0, 2)).toMatchObject({ ordinal: 10 });
    expect(readEnumeration('是否', 0, 2)).toBeUndefined();
  });
});

describe('decimal markers', () => {
  it('read five components at most: a longer chain is not a heading number', () => {
    expect(read('1.2.3.4.5标题')).toEqual({ raw: '1.2.3.4.5', style: 'decimal', ordinal: 5, level: 5 });
    expect(read('1.2.3.4.5.6标题')).toBeUndefined();
    expect(read('1.1.1.1.1.1.1.1.1.1.1.1')).toBeUndefined();
  });
});
