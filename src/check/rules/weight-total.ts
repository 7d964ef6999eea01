import { budgetPart, shown } from '../../table/forms.js';
import { numberOption } from '../options.js';
import { defineRule } from '../types.js';
import { formsOf } from '../walk.js';

/** A form whose weights (分值 / 权重) do not add up to the total weight. */
export const weightTotal = defineRule({
  id: 'weight-total',
  severity: 'error',
  summary: { zh: '各项分值之和与总分值不符', en: 'the weights do not add up to the total weight' },
  options: {
    total: numberOption(100, 'the total weight when the form states none', { min: 0 }),
  },
  check({ tree, options, report }) {
    for (const form of formsOf(tree)) {
      const weighted = form.indicators.filter((r) => r.record.weight !== null);
      if (weighted.length < 2) continue;
      const budget = budgetPart(form);
      let sum = 0;
      for (const { record } of weighted) sum += record.weight!;
      if (budget?.weight != null) sum += budget.weight;
      const expected = form.total?.record.weight ?? options.total;
      if (Math.abs(sum - expected) <= 1e-6) continue;
      const at = form.total?.row ?? weighted[weighted.length - 1]!.row;
      report(
        at,
        {
          zh: `各项分值之和为${shown(sum)}分，应为${shown(expected)}分`,
          en: `Unexpected weights adding up to ${shown(sum)}, expected ${shown(expected)}`,
        },
        { actual: shown(sum), expected: [shown(expected)] },
      );
    }
  },
});
