import { shown } from '../../table/forms.js';
import { defineRule } from '../types.js';
import { formsOf } from '../walk.js';

/** An indicator whose target was missed (comparators respected) that still got its full weight. */
export const missedTargetFullScore = defineRule({
  id: 'missed-target-full-score',
  severity: 'error',
  summary: { zh: '未完成年度指标值却得满分', en: 'a missed target scored in full' },
  options: {},
  check({ tree, report }) {
    for (const form of formsOf(tree)) {
      for (const { record, row } of form.indicators) {
        const { weight, score, name, target, actual } = record;
        if (record.achieved !== false || weight === null || score === null || score < weight - 1e-9) continue;
        report(
          row,
          {
            zh: `指标“${name}”未达到年度指标值（目标${target}，实际${actual}），却得满分${shown(score)}分`,
            en: `Unexpected full score ${shown(score)} for indicator “${name}”: its target ${target} was missed (${actual})`,
          },
          { actual: shown(score), expected: [`<${shown(weight)}`] },
        );
      }
    }
  },
});
