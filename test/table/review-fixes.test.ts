import { describe, expect, it } from 'vitest';
import { check, extract, indicators } from '../../src/index.js';
import { csvCell, csvLine } from '../../src/node/format/csv.js';
import { COLUMNS, csvRow } from '../../src/node/output.js';
import { achieved, readQuantity } from '../../src/table/values.js';
import { TABLE_RULES } from './helpers.js';

// Forms written for these tests in the shapes of the 财预〔2020〕10号 form (tab-separated lines,
// as a form copied from a spreadsheet is, and a GFM table).

const tab = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';
/** The findings of the form rules alone (a bare form has no report sections to require). */
const ruleIds = (text: string) =>
  check(text, { profile: 'generic' })
    .map((m) => m.ruleId!)
    .filter((id) => TABLE_RULES.has(id));

describe('a target with no sign', () => {
  const form = tab(
    ['三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['新建供水管网', '30公里', '32公里', '20', '20'],
    ['受益人口', '5000人', '5210人', '20', '20'],
    ['水质合格率', '95%', '97%', '20', '20'],
    ['工程完工时间', '10月底前', '9月底前', '20', '20'],
  );

  it('is met when it is beaten, and a deadline is met by an earlier date', () => {
    expect(indicators(form).map((r) => [r.name, r.comparator, r.achieved, r.unit])).toEqual([
      ['新建供水管网', '≥', true, '公里'],
      ['受益人口', '≥', true, '人'],
      ['水质合格率', '≥', true, '%'],
      ['工程完工时间', '≤', true, null],
    ]);
    expect(ruleIds(form)).not.toContain('missed-target-full-score');
  });

  it('is still missed when it is not reached', () => {
    const missed = tab(
      ['三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['新建供水管网', '30公里', '28公里', '20', '20'],
      ['工程完工时间', '10月底前', '11月底前', '20', '20'],
    );
    expect(indicators(missed).map((r) => r.achieved)).toEqual([false, false]);
    expect(ruleIds(missed).filter((id) => id === 'missed-target-full-score')).toHaveLength(2);
  });

  it('is read as at most for a cost or a limit', () => {
    const costs = tab(
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '成本指标', '每公里造价', '38万元', '37.6万元', '10', '10'],
      ['产出指标', '质量指标', '漏损率控制', '12%', '10%', '10', '10'],
      ['产出指标', '质量指标', '投诉件数', '5件以下', '3件', '10', '10'],
      ['产出指标', '质量指标', '单价不超过', '200元', '210元', '10', '10'],
    );
    expect(indicators(costs).map((r) => [r.name, r.comparator, r.achieved])).toEqual([
      ['每公里造价', '≤', true],
      ['漏损率控制', '≤', true],
      ['投诉件数', '≤', true],
      ['单价不超过', '≤', false],
    ]);
  });

  it('keeps a stated sign, and leaves dates of different forms uncompared', () => {
    expect(achieved(readQuantity('=30公里'), readQuantity('32公里'))).toBe(false);
    const mixed = tab(
      ['三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['工程完工时间', '10月底前', '2023年9月20日', '20', '20'],
      ['开工时间', '6月以前', '5月', '20', '20'],
    );
    expect(indicators(mixed).map((r) => [r.comparator, r.achieved, r.unit])).toEqual([
      ['≤', null, null],
      ['≤', true, null],
    ]);
  });
});

describe('a deadline against a date written in another form', () => {
  const met = (target: string, actual: string) => achieved(readQuantity(target), readQuantity(actual), target, actual);

  it('compares the parts both write: an earlier date meets it, a later one misses it', () => {
    expect(met('10月底前', '9月20日')).toBe(true);
    expect(met('10月底前', '11月5日')).toBe(false);
    expect(met('10月20日前', '9月')).toBe(true);
    expect(met('10月20日前', '11月')).toBe(false);
    expect(met('2023年底前', '2023年11月')).toBe(true);
    expect(met('2023年6月30日以前', '2023年7月')).toBe(false);
  });

  it('meets a deadline that says 底 within its month, and leaves the rest open', () => {
    expect(met('10月底前', '10月25日')).toBe(true);
    expect(met('2023年底前', '2023年12月31日')).toBe(true);
    // 10月前 may mean before October; a deadline finer than the date done cannot be told.
    expect(met('10月前', '10月25日')).toBeNull();
    expect(met('10月前', '10月')).toBeNull();
    expect(met('10月前', '9月')).toBe(true);
    expect(met('10月20日前', '10月20日')).toBe(true);
    expect(met('10月20日前', '10月')).toBeNull();
    // A year on one side only could be another year.
    expect(met('10月底前', '2023年9月20日')).toBeNull();
    expect(met('2023年10月底前', '9月20日')).toBeNull();
  });

  it('is read so in a form, and a full score on a missed deadline is found', () => {
    const form = tab(
      ['三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['工程完工时间', '10月底前', '9月20日', '20', '20'],
      ['验收时间', '11月底前', '12月10日', '20', '20'],
    );
    expect(indicators(form).map((r) => r.achieved)).toEqual([true, false]);
    expect(ruleIds(form).filter((id) => id === 'missed-target-full-score')).toHaveLength(1);
  });
});

describe('a limit word inside an indicator’s name', () => {
  it('bounds its scope, not its target: a bare target stays a floor', () => {
    const form = tab(
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['效益指标', '社会效益指标', '5公里以内村庄通达率', '95%', '97%', '10', '10'],
      ['效益指标', '社会效益指标', '60岁以下参保率', '90%', '85%', '10', '8'],
      ['产出指标', '成本指标', '会议费控制在预算以内', '12万元', '11.5万元', '10', '10'],
    );
    expect(indicators(form).map((r) => [r.comparator, r.achieved])).toEqual([
      ['≥', true],
      ['≥', false],
      ['≤', true],
    ]);
  });
});

describe('a 小计 row', () => {
  const gfm = [
    '| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 产出指标 | 数量指标 | 新建供水管网 | ≥30公里 | 32公里 | 30 | 30 | |',
    '| 产出指标 | 质量指标 | 水质合格率 | ≥95% | 97% | 30 | 30 | |',
    '| 小计 | | | | | 60 | 60 | |',
    '| 效益指标 | 社会效益指标 | 受益人口 | ≥5000人 | 5210人 | 30 | 30 | |',
    '| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 | |',
    '| 总分 | | | | | 100 | 100 | |',
    '',
  ].join('\n');

  it('is no indicator and is left out of the sums', () => {
    expect(indicators(gfm).map((r) => r.name)).toEqual(['新建供水管网', '水质合格率', '受益人口', '群众满意度']);
    expect(ruleIds(gfm)).toEqual([]);
  });

  it('is recognised when it names its level (产出指标小计, 效益小计)', () => {
    const named = gfm
      .replace('| 小计 |', '| 产出指标小计 |')
      .replace('| 总分 |', '| 效益小计 | | | | | 30 | 30 | |\n| 总分 |');
    expect(indicators(named).map((r) => r.name)).toEqual(['新建供水管网', '水质合格率', '受益人口', '群众满意度']);
    expect(extract(named).filter((r) => r.kind === 'total')).toHaveLength(1);
    expect(ruleIds(named)).toEqual([]);
  });
});

describe('budget-rate-mismatch', () => {
  const budget = (rate: string) =>
    tab(
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '执行率'],
      ['当年财政拨款', '1000.00', '1000.00', '954.00', rate],
    );

  it('checks a rate to the decimals written, trailing zeros included', () => {
    expect(ruleIds(budget('95.00%'))).toEqual(['budget-rate-mismatch']);
    expect(ruleIds(budget('95.40%'))).toEqual([]);
    expect(ruleIds(budget('95%'))).toEqual([]);
  });
});

describe('CSV of the records', () => {
  it('writes the comparator column’s own values as they are, and still guards other text', () => {
    expect(csvLine(['=', '≥', '定性', '='], ['comparator', 'comparator', 'comparator', 'target'])).toBe(
      "=,≥,定性,'=\r\n",
    );
    expect(csvCell('=1+1', 'comparator')).toBe("'=1+1");
    expect(csvCell('=', 'target')).toBe("'=");
    expect(csvCell('=')).toBe("'=");
  });

  it('gives an extracted indicator’s comparator = without a quote', () => {
    const form = tab(
      ['三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['改造学校数量', '=12所', '12所', '20', '20'],
    );
    const [record] = extract(form).filter((r) => r.kind === 'indicator');
    expect(record).toMatchObject({ comparator: '=', target: '=12所' });
    const cells = csvRow({ file: 'a.txt', ...record! }).split(',');
    expect(cells[COLUMNS.indexOf('comparator')]).toBe('=');
    // The target is report text: still guarded.
    expect(cells[COLUMNS.indexOf('target')]).toBe("'=12所");
  });
});
