/**
 * Forms copied as text lose their merged and blank cells, and the copy pads every row with
 * empty cells (`| 10 | |||`). The rows are placed by what their cells hold. These forms are
 * written for the project, shaped as copies of real forms come.
 */
import { describe, expect, it } from 'vitest';
import { check, extract, indicators } from '../../src/index.js';

const indicatorForm = [
  '某镇2021年度部门整体支出绩效自评表',
  '预算执行情况（万元）（20分） | 预算数 | 执行数 | 执行率 | 得分（20分×执行率） | |||',
  '部门整体支出总额 | 512.6 | 98% | 19.6 | ||||',
  '年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值 | 实际完成值 | 得分 | ||',
  '产出指标 | 数量指标 | 维修农村道路 | 12公里 | 12公里 | 20 | |||',
  '质量指标 | 验收合格率 | 100% | 100% | 20 | ||||',
  '效益指标 | 社会效益指标 | 群众出行条件 | 明显改善 | 明显改善 | 20 | |||',
  '满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% | 93% | 20 | |||',
  '总分 | 99.6分 | |||||||',
  '',
].join('\n');

const budgetForm = [
  '某区2021年度就业补助资金绩效自评表',
  '资金投入情况（万元） |',
  '全年预算数 | 全年执行数 | 预算执行率 | |||',
  '年度资金总额： | 300 | 285 | 95% | |||',
  '其中：中央财政资金 | 200 | 190 | 95% | |||',
  '地方财政资金 | |||||',
  '',
].join('\n');

describe('forms copied as text, blanks dropped and rows padded', () => {
  it('places indicator rows that lost their leading label cells, whatever padding follows', () => {
    const rows = indicators(indicatorForm).map(({ level1, level2, name, target, actual, score }) => ({
      level1,
      level2,
      name,
      target,
      actual,
      score,
    }));
    expect(rows).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '维修农村道路', target: '12公里', actual: '12公里', score: 20 },
      { level1: '产出指标', level2: '质量指标', name: '验收合格率', target: '100%', actual: '100%', score: 20 },
      {
        level1: '效益指标',
        level2: '社会效益指标',
        name: '群众出行条件',
        target: '明显改善',
        actual: '明显改善',
        score: 20,
      },
      {
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '沿线群众满意度',
        target: '≥90%',
        actual: '93%',
        score: 20,
      },
    ]);
  });

  it('reads a rate as a rate when the executed amount was left out, and finds no mismatch in it', () => {
    const budget = extract(indicatorForm).filter((r) => r.kind === 'budget');
    expect(budget).toMatchObject([
      { item: '部门整体支出总额', adjusted: 5126000, executed: null, rate: 98, rateStated: true, score: 19.6 },
    ]);
    expect(check(indicatorForm).filter((m) => m.ruleId === 'budget-rate-mismatch')).toEqual([]);
  });

  it('gives a budget header without an item column the item each row opens with', () => {
    const budget = extract(budgetForm).filter((r) => r.kind === 'budget');
    expect(budget).toMatchObject([
      { item: '年度资金总额', adjusted: 3000000, executed: 2850000, rate: 95, rateStated: true },
      { item: '中央财政资金', adjusted: 2000000, executed: 1900000, rate: 95, rateStated: true },
    ]);
    expect(check(budgetForm).filter((m) => m.ruleId === 'budget-rate-mismatch')).toEqual([]);
  });
});
