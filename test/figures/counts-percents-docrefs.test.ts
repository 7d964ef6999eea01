import { describe, expect, it } from 'vitest';
import { figures, only } from './helpers.js';

describe('counts', () => {
  it.each([
    ['共有2名党外干部得到提拔', '2名', 2, '名'],
    ['成立两个工作小组', '两个', 2, '个'],
    ['培训十二名干部', '十二名', 12, '名'],
    ['民营企业70余个', '70余个', 70, '个'],
    ['惠及1.2万人', '1.2万人', 12000, '人'],
    ['服务对象3000人次', '3000人次', 3000, '人次'],
    ['覆盖服务人口4.52(万人)', '4.52(万人)', 45200, '人'],
    ['办结信访案件168起', '168起', 168, '起'],
    ['辖 31 个村', '31 个', 31, '个'],
    ['二十個二級學院', '二十個', 20, '個'],
  ])('%s', (text, raw, value, unit) => {
    expect(only(text, 'count')).toMatchObject({ text: raw, value, unit });
  });

  it('keeps qualifiers and ranges', () => {
    expect(only('民营企业70余个', 'count')).toMatchObject({ approx: 'over', min: 70 });
    expect(only('约 6 万余人', 'count')).toMatchObject({ value: 60000, approx: 'over' });
    expect(only('对接2-3个海外商会', 'count')).toMatchObject({ text: '2-3个', value: null, min: 2, max: 3 });
  });

  it('names the counted thing where it is plain', () => {
    expect(only('共有2名党外干部得到提拔', 'count').subject).toBe('党外干部');
    expect(only('走访调研，行业协会12个。', 'count').subject).toBe('行业协会');
    expect(only('全市57家宗教场所', 'count').subject).toBe('宗教场所');
  });

  it.each([
    ['工期3个月'],
    ['完成2天以内'],
    ['平整土地5亩'],
    ['获得第2名'],
    ['第一次会议'],
    ['“六个纳入”逐步落实'],
    ['“三侨”考生'],
    ['十三五规划'],
    ['大家一起努力'],
    ['部分资金'],
    ['提高2.5个百分点'],
  ])('does not count %s', (text) => {
    expect(figures(text).filter((f) => f.kind === 'count')).toEqual([]);
  });

  it('reads durations and physical measures as measures', () => {
    expect(only('工期3个月', 'measure')).toMatchObject({ value: 3, unit: '个月' });
    expect(only('建设高标准农田1.2万亩', 'measure')).toMatchObject({ value: 12000, unit: '万亩' });
    expect(only('总建筑面积约1000㎡', 'measure')).toMatchObject({ value: 1000, unit: '㎡', approx: 'about' });
  });
});

describe('percents', () => {
  it.each([
    ['执行率98.5%', '98.5%', 98.5, '%'],
    ['满意度98.5％', '98.5％', 98.5, '%'],
    ['覆盖率达到百分之九十', '百分之九十', 90, '%'],
    ['提高2.5个百分点', '2.5个百分点', 2.5, '个百分点'],
    ['受害率0.0738‰', '0.0738‰', 0.0738, '‰'],
  ])('%s', (text, raw, value, unit) => {
    expect(only(text, 'percent')).toMatchObject({ text: raw, value, unit });
  });

  it('reads ranges low to high', () => {
    expect(only('分值区间100-80%', 'percent')).toMatchObject({ value: null, min: 80, max: 100 });
  });
});

describe('document numbers', () => {
  it.each([
    ['（邵东办字[2020]41号）', '邵东办字[2020]41号', '邵东办字〔2020〕41号'],
    ['根据财预〔2020〕10号文件', '财预〔2020〕10号', '财预〔2020〕10号'],
    ['《考核办法》(湘财绩【2015】15号)', '湘财绩【2015】15号', '湘财绩〔2015〕15号'],
    ['(茂财绩函〔2022〕2 号)要求', '茂财绩函〔2022〕2 号', '茂财绩函〔2022〕2号'],
    ['(中发(201834号)文件', '中发(201834号', '中发〔2018〕34号'],
    ['(永財績〔2020〕1號)', '永財績〔2020〕1號', '永財績〔2020〕1号'],
  ])('%s', (text, raw, normalised) => {
    expect(only(text, 'docRef')).toMatchObject({ text: raw, value: normalised });
  });
});
