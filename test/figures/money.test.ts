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

describe('money: second round', () => {
  it.each([
    ['采购单价￥300，', '￥300', 300, '￥'],
    ['报销金额¥1,200.50。', '¥1,200.50', 1200.5, '¥'],
    ['合同金额RMB 500万，', 'RMB 500万', 5000000, '万'],
    ['合同金额RMB500万元，', '500万元', 5000000, '万元'],
    ['收到人民币3000元捐款', '3000元', 3000, '元'],
    ['每份工本费5元3角', '5元3角', 5.3, '元'],
    ['单价50元6角3分', '50元6角3分', 50.63, '元'],
    ['每人每天补贴3块钱', '3块钱', 3, '块钱'],
    ['一瓶水花了3块。', '3块', 3, '块'],
    ['共筹集12万余元', '12万余元', 120000, '万元'],
    ['全省一般公共预算支出1.2万亿元', '1.2万亿元', 1.2e12, '万亿元'],
    ['资产规模达三兆元', '三兆元', 3e12, '元'],
    ['存款四十九兆九千八百亿元', '四十九兆九千八百亿元', 49_980_000_000_000, '元'],
    ['项目投资三点五亿元', '三点五亿元', 350_000_000, '元'],
    ['安排资金 260 万元', '260 万元', 2600000, '万元'],
  ])('%s', (text, raw, value, unit) => {
    expect(only(text, 'money')).toMatchObject({ text: raw, value, unit, currency: 'CNY' });
  });

  it('keeps 12万余元 as at least 120000, like 20余万元', () => {
    expect(only('共筹集12万余元', 'money')).toMatchObject({ approx: 'over', min: 120000 });
  });

  it.each([
    ['采购设备500美元', '500美元', 500, 'USD'],
    ['援外资金3000港元', '3000港元', 3000, 'HKD'],
    ['会议注册费100欧元', '100欧元', 100, 'EUR'],
    ['日方捐赠1.2亿日元', '1.2亿日元', 120_000_000, 'JPY'],
    ['培训费2000英镑', '2000英镑', 2000, 'GBP'],
    ['捐赠20万美金', '20万美金', 200000, 'USD'],
    ['采购价US$ 300', 'US$ 300', 300, 'USD'],
  ])('sets the currency of %s', (text, raw, value, currency) => {
    expect(only(text, 'money')).toMatchObject({ text: raw, value, currency });
  });

  it('does not take 块 for money where it counts things, nor 兆 where it is a unit prefix', () => {
    expect(figures('制作展板3块').map((f) => f.kind)).toEqual(['count']);
    expect(figures('新建光伏电站5兆瓦').filter((f) => f.kind === 'money')).toEqual([]);
    expect(figures('带宽提升到500兆').filter((f) => f.kind === 'money')).toEqual([]);
    expect(figures('三角形区域').filter((f) => f.kind === 'money')).toEqual([]);
  });

  it('reads a currency sign only where it stands alone (not inside a Latin word)', () => {
    expect(figures('型号XRMB500').filter((f) => f.kind === 'money')).toEqual([]);
  });
});
