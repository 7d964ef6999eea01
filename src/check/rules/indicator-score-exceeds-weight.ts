import { shown } from '../../table/forms.js';
import { defineRule } from '../types.js';
import { formsOf } from '../walk.js';

/** An indicator of a self-evaluation form scored above its weight (得分 > 分值). */
export const indicatorScoreExceedsWeight = defineRule({
  id: 'indicator-score-exceeds-weight',
  severity: 'error',
  summary: { zh: '指标得分超过分值', en: 'an indicator scored above its weight' },
  options: {},
  check({ tree, report }) {
    for (const form of formsOf(tree)) {
      for (const { record, row } of form.indicators) {
        const { weight, score, name } = record;
        if (weight === null || score === null || score <= weight + 1e-9) continue;
        report(
          row,
          {
            zh: `指标“${name}”得分${shown(score)}分超过分值${shown(weight)}分`,
            en: `Unexpected score ${shown(score)} for indicator “${name}”, above its weight ${shown(weight)}`,
          },
          { actual: shown(score), expected: [`≤${shown(weight)}`] },
        );
      }
    }
  },
});
