import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
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

describe('percents: second round', () => {
  it.each([
    ['不良率为千分之二点四', '千分之二点四', 2.4, '‰'],
    ['差错率控制在万分之三以内', '万分之三', 3, '‱'],
    ['比上年提高12.5个百分点', '12.5个百分点', 12.5, '个百分点'],
    ['較上年提高1.5個百分點', '1.5個百分點', 1.5, '個百分點'],
    ['覆盖率达到百分之９５', '百分之９５', 95, '%'],
    ['满意度百分之九十五点五', '百分之九十五点五', 95.5, '%'],
    ['完成率百分之一百二十点五', '百分之一百二十点五', 120.5, '%'],
    ['合格率百 分 之 2.4', '百 分 之 2.4', 2.4, '%'],
    ['执行率 12 %', '12 %', 12, '%'],
    ['自筹资金约占三成，', '三成', 30, '%'],
    ['七成以上的农户', '七成', 70, '%'],
    ['完成率五十%', '五十%', 50, '%'],
  ])('%s', (text, raw, value, unit) => {
    expect(only(text, 'percent')).toMatchObject({ text: raw, value, unit });
  });

  it('reads 百分之二三十 as a range, 20 to 30', () => {
    expect(only('提高了百分之二三十', 'percent')).toMatchObject({ value: null, min: 20, max: 30 });
  });

  it.each([['一成不变'], ['三五成群'], ['建成为示范'], ['统一成立工作组'], ['三成员单位']])(
    'does not read %s as a share',
    (text) => {
      expect(figures(text).filter((f) => f.kind === 'percent')).toEqual([]);
    },
  );

  it('does not read % in URLs or percent-encoded text as a percentage', () => {
    for (const text of [
      '详见http://www.example.gov.cn/a?q=%E6%96%B0%20b',
      '网址www.example.cn/rate=5%25',
      '链接a%20b%2012',
      '参考 https://example.org/100%-report',
    ])
      expect(
        figures(text).filter((f) => f.kind === 'percent'),
        text,
      ).toEqual([]);
    expect(only('网址见附件，完成率98%', 'percent').value).toBe(98);
  });
});

describe('document numbers: second round', () => {
  it('reads several serial numbers of one year', () => {
    const r = only('依据保财教[2021]41、181、193号文件', 'docRef');
    expect(r).toMatchObject({ text: '保财教[2021]41、181、193号', value: '保财教〔2021〕41、181、193号' });
    const tree = parse('依据保财教[2021]41、181、193号文件');
    const node = tree.children[0]!;
    expect(node.type === 'paragraph' && node.children[1]).toMatchObject({
      type: 'docRef',
      issuer: '保财教',
      year: 2021,
      number: 41,
      numbers: [41, 181, 193],
    });
  });

  it.each([
    ['（湛公警保(财)[2018]115号）', '湛公警保(财)[2018]115号', '湛公警保(财)〔2018〕115号'],
    ['按照上会湘报字(2022)第0001号要求', '上会湘报字(2022)第0001号', '上会湘报字〔2022〕1号'],
    ['根据国务院令第649号', '国务院令第649号', '国务院令第649号'],
    ['（藏民函202117号）', '藏民函202117号', '藏民函〔2021〕17号'],
    ['据财预 〔 2020 〕 10 号', '财预 〔 2020 〕 10 号', '财预〔2020〕10号'],
  ])('%s', (text, raw, normalised) => {
    expect(only(text, 'docRef')).toMatchObject({ text: raw, value: normalised });
  });

  it('does not read codes or registrations as document numbers', () => {
    for (const text of ['证书编号202117号', '登记证202117号', '京ICP备20210123号', '3号楼', '第5号'])
      expect(
        figures(text).filter((f) => f.kind === 'docRef'),
        text,
      ).toEqual([]);
  });

  it('never makes a date of the year of a document number', () => {
    for (const text of ['〔2021〕', '湘财预〔2021〕', '（上会湘报字(2022)第0001号）', '藏民函202117号'])
      expect(
        figures(text).filter((f) => f.kind === 'date'),
        text,
      ).toEqual([]);
  });
});
