import { numberOption } from '../options.js';
import { findLastIndex } from '../../tree/arrays.js';
import type { Money } from '../../tree/schema.js';
import { defineRule } from '../types.js';
import { sentencesOf, type Labelled } from '../walk.js';

const RATE = /(?:预算)?(?:执行|完成|支出|到位|使用)率/;
const BUDGET = /预算|批复|下达|计划|安排|合计|总额|年初/;
const SPENT = /执行|支出|完成|到位|使用|拨付|决算|实际/;
const LABEL = 12;

function label(l: Labelled): string {
  return l.before.slice(-LABEL);
}

function round(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** A stated rate that its own figures contradict (`预算数2000万元，执行数1500万元，执行率95%`). */
export const rateConsistency = defineRule({
  id: 'rate-consistency',
  severity: 'error',
  summary: { zh: '执行率与其预算数、执行数不符', en: 'a stated rate contradicts its own figures' },
  options: {
    tolerance: numberOption(1, 'allowed difference, in percentage points (rounding)', { min: 0 }),
  },
  check({ tree, options, report }) {
    for (const sentence of sentencesOf(tree)) {
      const seen: Array<Labelled & { node: Money }> = [];
      for (const item of sentence.figures) {
        if (item.node.type === 'money' && item.node.amount !== undefined) {
          seen.push(item as Labelled & { node: Money });
          continue;
        }
        if (item.node.type !== 'percent' || item.node.amount === undefined || !RATE.test(label(item))) continue;
        // The nearest amount labelled as spent, and the nearest before it labelled as budgeted.
        const spentAt = findLastIndex(seen, (m) => SPENT.test(label(m)) && !/预算数|预算为/.test(label(m)));
        if (spentAt < 0) continue;
        const budget = seen[findLastIndex(seen, (m) => BUDGET.test(label(m)), spentAt)];
        if (!budget || budget.node.amount === 0) continue;
        const spent = seen[spentAt]!;
        const computed = (spent.node.amount! / budget.node.amount!) * 100;
        const stated = item.node.amount;
        if (Math.abs(computed - stated) <= options.tolerance) continue;
        report(
          item.node,
          {
            zh: `比率“${item.node.value}”与数字不符：${spent.node.value}÷${budget.node.value}=${round(computed)}%，应为${round(computed)}%`,
            en: `Unexpected rate ${item.node.value}: ${spent.node.value} / ${budget.node.value} = ${round(computed)}%, expected ${round(computed)}%`,
          },
          {
            cause: { node: budget.node, wording: { zh: '预算数在此', en: 'the budget is here' } },
            actual: item.node.value,
            expected: [`${round(computed)}%`],
          },
        );
      }
    }
  },
});
