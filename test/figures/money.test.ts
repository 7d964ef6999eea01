import { describe, expect, it } from 'vitest';
import { figures, only } from './helpers.js';

describe('money', () => {
  it.each([
    ['共收到捐款1342.23万元。', '1342.23万元', 13422300],
    ['总额1,342.23万元。', '1,342.23万元', 13422300],
    ['总额1，342.23万元。', '1，342.23万元', 13422300],
    ['助学奖励23000元。', '23000元', 23000],
    ['授信68亿元的合作协议', '68亿元', 6800000000],
    ['经费5千元', '5千元', 5000],
    ['联系贷款三千二百万元', '三千二百万元', 32000000],
    ['安排一亿二千万元', '一亿二千万元', 120000000],
    ['拨付壹佰万元整', '壹佰万元整', 1000000],
    ['投入０.５万元', '０.５万元', 5000],
    ['基本支出总额864.2万', '864.2万', 8642000],
    ['项目预算1781.86 万\n元，', '1781.86 万\n元', 17818600],
  ])('%s', (text, raw, value) => {
    const m = only(text, 'money');
    expect(m.text).toBe(raw);
    expect(m.value).toBe(value);
    expect(m.currency).toBe('CNY');
  });

  it('gives values in yuan with no float noise', () => {
    for (const [text, value] of [
      ['1342.23万元', 13422300],
      ['325.8万元', 3258000],
      ['0.07万元', 700],
      ['11.60万元', 116000],
      ['1.1亿元', 110000000],
    ] as const) {
      expect(only(`资金${text}`, 'money').value).toBe(value);
    }
  });

  it('keeps the unit as written and the currency', () => {
    expect(only('人民币1342.23万元', 'money')).toMatchObject({ unit: '万元', currency: 'CNY' });
    expect(only('采购设备5万美元', 'money')).toMatchObject({ value: 50000, unit: '万美元', currency: 'USD' });
    expect(only('￥300元', 'money')).toMatchObject({ value: 300, currency: 'CNY' });
  });

  it.each([
    ['投入资金20余万元', 200000, 'over', 200000, null],
    ['投入资金二十余万元', 200000, 'over', 200000, null],
    ['资金20多万元', 200000, 'over', 200000, null],
    ['资金10万元以上', 100000, 'over', 100000, null],
    ['资金逾10万元', 100000, 'over', 100000, null],
    ['资金超过10万元', 100000, 'over', 100000, null],
    ['资金约10万元', 100000, 'about', null, null],
    ['资金10万元左右', 100000, 'about', null, null],
    ['资金10万元上下', 100000, 'about', null, null],
    ['资金近10万元', 100000, 'under', null, 100000],
    ['资金不足10万元', 100000, 'under', null, 100000],
    ['资金不到10万元', 100000, 'under', null, 100000],
    ['资金10万元以下', 100000, 'under', null, 100000],
  ])('keeps the qualifier of %s', (text, value, approx, min, max) => {
    expect(only(text, 'money')).toMatchObject({ value, approx, min, max });
  });

  it.each([['2至3万元'], ['2-3万元'], ['2~3万元'], ['2～3万元'], ['二至三万元']])(
    'distributes the unit over the range %s',
    (range) => {
      expect(only(`补助${range}`, 'money')).toMatchObject({ text: range, value: null, min: 20000, max: 30000 });
    },
  );

  it('does not read counts, measures or bare numbers as money', () => {
    expect(figures('森林蓄积1.26亿立方米').filter((f) => f.kind === 'money')).toEqual([]);
    expect(figures('覆盖服务人口4.52万人').filter((f) => f.kind === 'money')).toEqual([]);
    expect(figures('马头桥镇约6万余人').filter((f) => f.kind === 'money')).toEqual([]);
    expect(figures('万企大走访活动').filter((f) => f.kind === 'money')).toEqual([]);
    expect(figures('联系电话13974010178').filter((f) => f.kind !== 'date')).toEqual([]);
    expect(figures('预算编码: 906017')).toEqual([]);
  });

  it('does not take a section number glued to an amount into a count', () => {
    const found = figures('安排资金50万元2.3本项目由县财政全额保障');
    expect(found.map((f) => [f.kind, f.text])).toEqual([['money', '50万元']]);
  });
});
