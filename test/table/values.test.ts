import { describe, expect, it } from 'vitest';
import { headerRole, isTotalLabel, moneyScale } from '../../src/table/headers.js';
import { achieved, isBlank, natureComparator, readNumber, readQuantity } from '../../src/table/values.js';
import { HEAD_10, HEAD_CQ, HEAD_SC } from './helpers.js';

describe('cell values', () => {
  it('reads numbers as forms write them, and nothing else', () => {
    expect(
      ['1,500.00', '94.00%', '10分', '９４．１７％', '-6.3', '—', '', '约10', '10-20', '2023年'].map(readNumber),
    ).toEqual([1500, 94, 10, 94.17, -6.3, null, null, null, null, null]);
    expect(['—', '——', '/', '无', ' ', '0'].map(isBlank)).toEqual([true, true, true, true, true, false]);
  });

  it('reads targets: comparator signs and words, before or after, number and unit', () => {
    expect(readQuantity('≥2万亩')).toEqual({ comparator: '≥', value: 2, unit: '万亩' });
    expect(readQuantity('控制在38万元/处以内')).toEqual({ comparator: '≤', value: 38, unit: '万元/处' });
    expect(readQuantity('95%以上')).toEqual({ comparator: '≥', value: 95, unit: '%' });
    expect(readQuantity('＞＝90％')).toEqual({ comparator: '≥', value: 90, unit: '%' });
    expect(readQuantity('不超过24小时')).toEqual({ comparator: '≤', value: 24, unit: '小时' });
    expect(readQuantity('100%')).toEqual({ comparator: null, value: 100, unit: '%' });
    expect(readQuantity('有效保障')).toEqual({ comparator: null, value: null, unit: '' });
    expect(readQuantity('2023年12月底前')).toEqual({ comparator: '≤', value: null, unit: '' });
  });

  it('decides achievement with the comparator, across 万 units, and not for differing qualitative values', () => {
    const met = (t: string, a: string) => achieved(readQuantity(t), readQuantity(a), t, a);
    expect(met('≤38万元/处', '37.6万元/处')).toBe(true);
    expect(met('≤38万元/处', '38.2万元/处')).toBe(false);
    expect(met('≥2万亩', '20300亩')).toBe(true);
    expect(met('≥90%', '88%')).toBe(false);
    expect(met('100%', '100%')).toBe(true);
    expect(met('≥85', '87%')).toBe(true);
    expect(met('≥90%', '基本完成')).toBe(null);
    expect(met('健全', '健全')).toBe(true);
    expect(met('健全', '基本健全')).toBe(null);
    expect(met('良', '优')).toBe(true);
    expect(met('≥3家', '3公里')).toBe(null);
  });

  it('reads 指标性质 cells', () => {
    expect(['≥', '＞＝', '≤', '=', '定性', '正向指标', '反向', '定量', ''].map(natureComparator)).toEqual([
      '≥',
      '≥',
      '≤',
      '=',
      '定性',
      '≥',
      '≤',
      null,
      null,
    ]);
  });
});

describe('header wording', () => {
  it('gives each column of the three form families its role', () => {
    const roles = (texts: readonly string[]) => texts.map((t) => headerRole(t)?.role ?? null);
    expect(roles(HEAD_10)).toEqual(['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'reason']);
    expect(roles(HEAD_SC)).toEqual([
      'level1',
      'level2',
      'name',
      'nature',
      'target',
      'unit',
      'actual',
      'weight',
      'score',
      'reason',
    ]);
    expect(roles(HEAD_CQ)).toEqual([
      'name',
      'unit',
      'nature',
      'targetInitial',
      'targetAdjusted',
      'actual',
      'ignore',
      'weight',
      'score',
      'ignore',
    ]);
    expect(
      roles([
        '年初预算数',
        '全年（调整）预算数',
        '调整后预算数',
        '全年执行数',
        '预算执行数',
        '执行率（%）',
        '执行率得分（分）',
      ]),
    ).toEqual(['initial', 'adjusted', 'adjusted', 'executed', 'executed', 'rate', 'score']);
    expect(roles(['年初目标值(A)', '实际完成值(B)', '一级 指标', '联系电话', '项目负责人'])).toEqual([
      'targetInitial',
      'actual',
      'level1',
      null,
      null,
    ]);
  });

  it('reads the money unit of a header or caption, and total labels', () => {
    expect(['项目资金（万元）', '单位：万元', '年初预算数（元）', '单位：元', '执行率（%）'].map(moneyScale)).toEqual([
      10000,
      10000,
      1,
      1,
      null,
    ]);
    expect(['总分', '合  计', '自评总分（分）', '得分', '合计数'].map(isTotalLabel)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
