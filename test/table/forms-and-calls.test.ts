/**
 * What a form is, and what a call sees: forms that end without a total, a total stated
 * before the rows, scores of other years in the prose, and trees the caller changes between
 * calls. The forms are written for the project in the shapes of the official ones.
 */
import { describe, expect, it } from 'vitest';
import { check, indicators, parse, type ReportNode } from '../../src/index.js';

const HEAD = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分';
const formRules = (text: string) =>
  check(text)
    .filter((m) => ['weight-total', 'indicator-total-mismatch', 'score-mismatch'].includes(m.ruleId ?? ''))
    .map((m) => `${m.ruleId}: ${m.reason}`);

describe('forms', () => {
  it('ends a form without a total where the next form’s header starts, once its weights are all there', () => {
    const text = [
      '一、项目一自评表',
      HEAD,
      '产出指标\t数量指标\t新建道路\t≥10公里\t10公里\t50\t50',
      '效益指标\t社会效益指标\t出行条件\t改善\t改善\t50\t48',
      '',
      '二、项目二自评表',
      HEAD,
      '产出指标\t数量指标\t改造危桥\t≥3座\t3座\t60\t60',
      '满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t93%\t40\t38',
      '总分\t\t\t\t\t100\t98',
      '',
    ].join('\n');
    expect(formRules(text)).toEqual([]);
  });

  it('keeps a form continued under a repeated header in one form (its weights fall short)', () => {
    const text = [
      HEAD,
      '产出指标\t数量指标\t新建道路\t≥10公里\t10公里\t50\t50',
      '',
      HEAD,
      '效益指标\t社会效益指标\t出行条件\t改善\t改善\t50\t48',
      '总分\t\t\t\t\t100\t98',
      '',
    ].join('\n');
    expect(formRules(text)).toEqual([]);
    expect(formRules(text.replace('100\t98', '100\t97'))).toEqual([
      'indicator-total-mismatch: 总分97分与各项得分之和98分不符',
    ]);
  });

  it('takes a total stated above the rows (自评总分 at the top) as the total of the rows below', () => {
    const text = [
      '项目名称\t农田灌溉\t自评总分（分）\t90',
      HEAD,
      '产出指标\t数量指标\t新建渠道\t≥12公里\t12公里\t30\t30',
      '产出指标\t质量指标\t验收合格率\t100%\t100%\t30\t30',
      '效益指标\t社会效益指标\t灌溉条件\t改善\t改善\t40\t39.5',
      '',
    ].join('\n');
    expect(formRules(text)).toEqual(['indicator-total-mismatch: 总分90分与各项得分之和99.5分不符']);
  });
});

describe('score-mismatch and the prose', () => {
  const form = [HEAD, '产出指标\t数量指标\t新建道路\t≥10公里\t10公里\t100\t92', '总分\t\t\t\t\t100\t92', ''].join('\n');

  it('leaves out a score of another year, and takes any score that matches the total', () => {
    expect(formRules(`项目自评得分92分，较上年自评得分95分下降3分。\n${form}`)).toEqual([]);
    expect(formRules(`项目自评得分95分。\n${form}`)).toEqual([
      'score-mismatch: 正文的自评得分95分与自评表总分92分不符',
    ]);
  });
});

describe('a tree the caller changes between calls', () => {
  it('is read again by indicators() and check()', () => {
    const text = [HEAD, '产出指标\t数量指标\t新建道路\t≥40公里\t41公里\t10\t10', ''].join('\n');
    const tree = parse(text);
    expect(indicators(tree)[0]).toMatchObject({ actual: '41公里', achieved: true });
    expect(check(tree).filter((m) => m.ruleId === 'missed-target-full-score')).toEqual([]);
    // The actual value's leaf now says 36公里.
    const walk = (node: ReportNode): void => {
      if ('value' in node && node.value === '41公里') (node as { value: string }).value = '36公里';
      if ('children' in node) for (const child of node.children as ReportNode[]) walk(child);
    };
    walk(tree);
    expect(indicators(tree)[0]).toMatchObject({ actual: '36公里', achieved: false });
    expect(check(tree).map((m) => m.ruleId)).toContain('missed-target-full-score');
  });
});
