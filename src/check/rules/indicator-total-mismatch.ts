import { budgetPart, shown } from '../../table/forms.js';
import { numberOption } from '../options.js';
import { defineRule } from '../types.js';
import { formsOf } from '../walk.js';

/** A form whose row scores (and budget-execution score) do not add up to its total. */
export const indicatorTotalMismatch = defineRule({
  id: 'indicator-total-mismatch',
  severity: 'error',
  summary: { zh: '各项得分之和与总分不符', en: 'the scores do not add up to the total' },
  options: {
    tolerance: numberOption(0.05, 'allowed difference, in points (rounding)', { min: 0 }),
  },
  check({ tree, options, report }) {
    for (const form of formsOf(tree)) {
      const total = form.total;
      if (!total || total.record.score === null) continue;
      const scored = form.indicators.filter((r) => r.record.score !== null);
      if (scored.length === 0) continue;
      const budget = budgetPart(form);
      let sum = 0;
      for (const { record } of scored) sum += record.score!;
      if (budget?.score != null) sum += budget.score;
      const stated = total.record.score;
      if (Math.abs(sum - stated) <= options.tolerance + 1e-9) continue;
      const withBudget = budget?.score != null;
      report(
        total.row,
        {
          zh: `总分${shown(stated)}分与各项得分之和${shown(sum)}分${withBudget ? `（含预算执行得分${shown(budget.score!)}分）` : ''}不符`,
          en: `Unexpected total ${shown(stated)}: the scores add up to ${shown(sum)}${withBudget ? ` (budget execution ${shown(budget.score!)} included)` : ''}`,
        },
        { actual: shown(stated), expected: [shown(sum)] },
      );
    }
  },
});
