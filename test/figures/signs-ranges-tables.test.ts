import { describe, expect, it } from 'vitest';
import { figures, only } from './helpers.js';

describe('signs and directions', () => {
  it.each([
    ['利润率为-12.3%', '-12.3%', -12.3, null],
    ['同比负3.9%', '负3.9%', -3.9, null],
    ['收入增长-5.2%', '-5.2%', -5.2, 'increase'],
    ['变动幅度为-1.5个百分点', '-1.5个百分点', -1.5, null],
    ['支出下降-2%', '-2%', -2, 'decrease'],
    ['（-0.5%）', '-0.5%', -0.5, null],
    ['差异-5%以内', '-5%', -5, null],
    ['结余－3万元', '－3万元', -30000, null],
  ])('keeps the sign of %s as written', (text, raw, value, direction) => {
    const kind = raw.includes('元') ? 'money' : 'percent';
    expect(only(text, kind)).toMatchObject({ text: raw, value, direction });
  });

  it.each([
    ['比上年下降2%', 2, 'decrease'],
    ['同比增长15.3%', 15.3, 'increase'],
    ['下降了2个百分点', 2, 'decrease'],
    ['负增长3%', 3, 'decrease'],
    ['减少支出前压减8万元', 80000, 'decrease'],
    ['增加了3个', 3, 'increase'],
  ])('reads the change word before %s', (text, value, direction) => {
    const figure = figures(text).find((f) => f.kind !== 'date');
    expect(figure).toMatchObject({ value, direction });
  });

  it('gives no direction where the number is a level, not a change', () => {
    expect(only('下降至2%', 'percent').direction).toBeNull();
    expect(only('执行率98%', 'percent').direction).toBeNull();
  });

  it('does not take a range dash or a list bullet for a minus sign', () => {
    expect(figures('完成率90%-100%').map((f) => f.value)).toEqual([90, 100]);
    expect(figures('补助5万元-10万元').map((f) => f.value)).toEqual([50000, 100000]);
    expect(only('- 12%', 'percent').value).toBe(12);
    expect(only('分值区间100-80%', 'percent')).toMatchObject({ min: 80, max: 100 });
    expect(figures('胜5负3').filter((f) => f.kind === 'percent')).toEqual([]);
  });
});

describe('ranges', () => {
  it.each([
    ['预计3至5万元', 'money', 30000, 50000],
    ['预计3万至5万元', 'money', 30000, 50000],
    ['预计五六万元', 'money', 50000, 60000],
    ['覆盖二三十个村', 'count', 20, 30],
    ['培训十五六人', 'count', 15, 16],
    ['需要两三天', 'measure', 2, 3],
    ['提高了百分之二三十', 'percent', 20, 30],
  ])('%s', (text, kind, min, max) => {
    expect(only(text, kind as 'money')).toMatchObject({ value: null, min, max });
  });
});

describe('flattened tables', () => {
  it('never glues numbers of neighbouring cells into one percentage', () => {
    expect(only('2020100%', 'percent')).toMatchObject({ text: '100%', value: 100 });
    expect(only('877383.91%', 'percent')).toMatchObject({ text: '83.91%', value: 83.91 });
    expect(only('年度20201.5%', 'percent')).toMatchObject({ text: '1.5%', value: 1.5 });
  });

  it('keeps percentages above 100 that are written as such', () => {
    expect(only('增长1200%', 'percent').value).toBe(1200);
    expect(only('完成率120.5%', 'percent').value).toBe(120.5);
    expect(only('增长12,345%', 'percent').value).toBe(12345);
  });
});
