import { describe, expect, it } from 'vitest';
import { extract, parse } from '../../src/index.js';
import { figures, only } from './helpers.js';

describe('dates', () => {
  it.each([
    ['报告日期:2019年06月18日', '2019年06月18日', '2019-06-18', false],
    ['2019年6月完成', '2019年6月', '2019-06', false],
    ['2021年度部门整体支出', '2021年度', '2021', false],
    ['2024年完成改造', '2024年', '2024', false],
    ['9月7日，邀请了专家授课', '9月7日', '2020-09-07', true],
    ['协会于11月正式成立', '11月', '2020-11', true],
    ['今年4月，组织开展活动', '今年4月', '2020-04', true],
    ['去年12月启动', '去年12月', '2019-12', true],
    ['于2020.3.5召开', '2020.3.5', '2020-03-05', false],
    ['于2020-03-05召开', '2020-03-05', '2020-03-05', false],
    ['于2020/3/5召开', '2020/3/5', '2020-03-05', false],
    ['填报日期:2021.5.18', '2021.5.18', '2021-05-18', false],
    ['二〇二〇年十二月', '二〇二〇年十二月', '2020-12', false],
    ['3月份布置工作', '3月份', '2020-03', true],
    ['报告日期:  2022 年  7 月  8 日', '2022 年  7 月  8 日', '2022-07-08', false],
  ])('%s', (text, raw, iso, inferred) => {
    const d = only(text, 'date');
    expect(d).toMatchObject({ text: raw, value: iso, yearInferred: inferred });
  });

  it('reads 上年 as the year before the fiscal year', () => {
    expect(only('与上年相比有所增长', 'date')).toMatchObject({ text: '上年', value: '2019', yearInferred: true });
  });

  it.each([
    ['10月前全面铺开', '10月', '2020-10', 'before'],
    ['10月底完成', '10月', '2020-10', 'end'],
    ['5月上旬开展调研', '5月', '2020-05', 'early'],
    ['5月中旬', '5月', '2020-05', 'mid'],
    ['5月下旬前往', '5月', '2020-05', 'late'],
    ['3月起每月通报', '3月', '2020-03', 'since'],
    ['2021年6月底完成建设任务', '2021年6月', '2021-06', 'end'],
  ])('keeps the deadline or part of %s apart from the date', (text, raw, iso, qualifier) => {
    expect(only(text, 'date')).toMatchObject({ text: raw, value: iso, qualifier });
  });

  it.each([
    ['上半年完成', '2020-H1'],
    ['一季度开工', '2020-Q1'],
    ['第三季度', '2020-Q3'],
  ])('reads the period %s', (text, iso) => {
    expect(only(text, 'date').value).toBe(iso);
  });

  it('reads 年底 as the end of the fiscal year, but not 年初预算 (a budget term)', () => {
    expect(only('年底前完成', 'date')).toMatchObject({ value: '2020', qualifier: 'end' });
    expect(figures('年初预算数为100万元').filter((f) => f.kind === 'date')).toEqual([]);
    expect(figures('包括上年结余结转').filter((f) => f.kind === 'date')).toEqual([]);
  });

  it('reads both ends of a range', () => {
    expect(figures('4月12日至5月3日开展培训').map((f) => f.value)).toEqual(['2020-04-12', '2020-05-03']);
    expect(figures('1-6月累计支出').map((f) => f.value)).toEqual(['2020-01', '2020-06']);
    expect(figures('《规划(2016-2025年)》').map((f) => f.value)).toEqual(['2016', '2025']);
  });

  it('never takes the year from the clock', () => {
    const [d] = extract('9月7日召开会议。').filter((f) => f.kind === 'date');
    expect(d).toMatchObject({ text: '9月7日', value: null, yearInferred: true });
    const node = parse('9月7日召开会议。').children[0];
    expect(node?.type === 'paragraph' && node.children[0]).toMatchObject({ type: 'date', known: { month: 9, day: 7 } });
  });

  it('marks impossible dates instead of inventing them', () => {
    const tree = parse('2月30日完成', { year: 2021 });
    const node = tree.children[0];
    expect(node?.type === 'paragraph' && node.children[0]).toMatchObject({ type: 'date', valid: false });
    expect(only('13月召开', 'date').value).toBeNull();
  });

  it('does not read durations, document-number years or amounts as dates', () => {
    expect(figures('工期6个月').filter((f) => f.kind === 'date')).toEqual([]);
    expect(figures('（邵东办字[2020]41号）').filter((f) => f.kind === 'date')).toEqual([]);
    expect(figures('完成1-4级残疾军人护理费发放').filter((f) => f.kind === 'date')).toEqual([]);
  });

  it('reads a year glued to a list marker', () => {
    expect(only('主要原因是:1.2024 年中央财政补助资金', 'date')).toMatchObject({ text: '2024 年', value: '2024' });
  });
});

describe('dates: second round', () => {
  it.each([
    ['于2020.9.7召开', '2020.9.7', '2020-09-07'],
    ['于2020/09/07召开', '2020/09/07', '2020-09-07'],
    ['于2020-9-7召开', '2020-9-7', '2020-09-07'],
    ['会议时间：20200907', '20200907', '2020-09-07'],
    ['报告日期:2022 年7 月', '2022 年7 月', '2022-07'],
  ])('reads the numeric date %s', (text, raw, iso) => {
    expect(only(text, 'date')).toMatchObject({ text: raw, value: iso, yearInferred: false });
  });

  it('does not read codes or amounts of eight digits as dates', () => {
    for (const text of ['项目编号20200907', '预算20200907元', '联系电话20200907', '共20201399人'])
      expect(
        figures(text).filter((f) => f.kind === 'date'),
        text,
      ).toEqual([]);
  });

  it('lets a written year win over the fiscal year', () => {
    expect(only('2019年第一季度完成', 'date')).toMatchObject({ text: '2019年第一季度', value: '2019-Q1' });
    expect(only('2019年一季度完成', 'date')).toMatchObject({ value: '2019-Q1' });
    expect(only('2021年上半年', 'date')).toMatchObject({ value: '2021-H1' });
    expect(only('2019年度第一季度', 'date')).toMatchObject({ text: '2019年度第一季度', value: '2019-Q1' });
    expect(figures('全年一季度、二季度').map((f) => f.value)).toEqual(['2020-Q1', '2020-Q2']);
    expect(figures('2020年下降3%').map((f) => [f.kind, f.value])).toEqual([
      ['date', '2020'],
      ['percent', 3],
    ]);
    expect(only('1998年建成', 'date')).toMatchObject({ value: '1998', yearInferred: false });
    expect(only('19年10月启动', 'date')).toMatchObject({ text: '19年10月', value: '2019-10', yearInferred: false });
    expect(only('98年10月建成', 'date')).toMatchObject({ value: '1998-10' });
    expect(only('20年度预算', 'date')).toMatchObject({ text: '20年度', value: '2020' });
    expect(only('于20年完成验收', 'date', 2021)).toMatchObject({ text: '20年', value: '2020' });
  });

  it('does not read durations as two-digit years', () => {
    for (const text of ['历经20年', '近20年来', '服务期限为20年', '工作满19年', '建设期20年以上'])
      expect(
        figures(text).filter((f) => f.kind === 'date'),
        text,
      ).toEqual([]);
  });

  it('reads 年初, 年中 and 年底 of a written year as parts of that year', () => {
    expect(only('2019年年底完成', 'date')).toMatchObject({ text: '2019年', value: '2019', qualifier: 'end' });
    expect(only('2019年底完成', 'date')).toMatchObject({ value: '2019', qualifier: 'end' });
    expect(only('2021年年初启动', 'date')).toMatchObject({ value: '2021', qualifier: 'start' });
    expect(only('2021年年中调度', 'date')).toMatchObject({ value: '2021', qualifier: 'mid' });
  });

  it.each([
    ['上半年完成', '2020-H1'],
    ['下半年开工', '2020-H2'],
    ['第四季度', '2020-Q4'],
    ['今年上半年', '2020-H1'],
    ['去年第四季度', '2019-Q4'],
  ])('reads the period %s of the fiscal year', (text, iso) => {
    expect(only(text, 'date').value).toBe(iso);
  });

  it('carries the year and month of a range’s first end to the second', () => {
    expect(figures('2019年10月1日-12月31日开展').map((f) => f.value)).toEqual(['2019-10-01', '2019-12-31']);
    expect(figures('2020年1月至6月').map((f) => f.value)).toEqual(['2020-01', '2020-06']);
    expect(figures('2019年1-6月累计', 2020).map((f) => f.value)).toEqual(['2019-01', '2019-06']);
    expect(figures('10月1日至15日').map((f) => f.value)).toEqual(['2020-10-01', '2020-10-15']);
    expect(figures('2018年12月至2019年3月').map((f) => f.value)).toEqual(['2018-12', '2019-03']);
  });

  it('reads a day written alone after a month in the same sentence', () => {
    expect(figures('9月1日召开动员会，15日完成').map((f) => [f.text, f.value])).toEqual([
      ['9月1日', '2020-09-01'],
      ['15日', '2020-09-15'],
    ]);
    expect(figures('2019年9月1日召开，并于15日前完成').map((f) => f.value)).toEqual(['2019-09-01', '2019-09-15']);
  });

  it('does not read a day alone without a month before it in its sentence, or a count of days', () => {
    for (const text of ['15日召开会议', '9月1日召开。15日完成', '9月1日召开，会期3日', '9月1日通知，要求15日内完成'])
      expect(
        figures(text)
          .filter((f) => f.kind === 'date')
          .map((f) => f.text),
        text,
      ).not.toContain(text.includes('3日') ? '3日' : '15日');
  });

  it('reads OCR-damaged digits of a written year, with a flag', () => {
    expect(only('2021年I月', 'date')).toMatchObject({ text: '2021年I月', value: '2021-01', flags: 'ocr' });
    expect(only('2O21年完成', 'date')).toMatchObject({ text: '2O21年', value: '2021', flags: 'ocr' });
    expect(only('2021年1O月', 'date')).toMatchObject({ value: '2021-10', flags: 'ocr' });
    expect(only('2021年6月', 'date').flags).toBeNull();
    expect(figures('2021年IT项目').map((f) => f.text)).toEqual(['2021年']);
  });
});
