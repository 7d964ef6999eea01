import { shown } from '../../table/forms.js';
import { compact, readNumber } from '../../table/values.js';
import type { TableRowNode } from '../../tree/schema.js';
import { defineRule } from '../types.js';
import { formsOf } from '../walk.js';

/**
 * Decimals of the rate as its cell writes it (`95.00%` → 2): the number read has lost its
 * trailing zeros (`String(95.00)` is `'95'`). The cell is the row's one reading as the rate,
 * a `%` one first; failing that, the number's own decimals.
 */
function decimals(row: TableRowNode, rate: number): number {
  let written: string | null = null;
  for (const cell of row.children) {
    const text = compact(cell.children.map((leaf) => leaf.value).join(''));
    if (readNumber(text) !== rate) continue;
    if (written === null || (/[%‰]$/.test(text) && !/[%‰]$/.test(written))) written = text;
  }
  const digits = /\.(\d+)/.exec(written ?? String(rate));
  return digits ? digits[1]!.length : 0;
}

/** A budget row whose stated 执行率 is not 执行数 ÷ 全年（调整后）预算数 to the precision written. */
export const budgetRateMismatch = defineRule({
  id: 'budget-rate-mismatch',
  severity: 'error',
  summary: { zh: '预算执行率与执行数、预算数不符', en: 'a budget execution rate contradicts its amounts' },
  options: {},
  check({ tree, report }) {
    for (const form of formsOf(tree)) {
      for (const { record, row } of form.budget) {
        const { rate, executed, item } = record;
        const base = record.adjusted ?? record.initial;
        if (!record.rateStated || rate === null || executed === null || !base) continue;
        const computed = (executed / base) * 100;
        // Rounding to the decimals written: 94% stands for 93.5–94.5%, 94.17% for 94.165–94.175%,
        // 95.00% for 94.995–95.005%.
        if (Math.abs(computed - rate) <= 0.5 * 10 ** -decimals(row, rate) + 1e-6) continue;
        report(
          row,
          {
            zh: `“${item}”的执行率${shown(rate)}%与执行数÷预算数=${shown(computed)}%不符`,
            en: `Unexpected execution rate ${shown(rate)}% for “${item}”: executed / budget = ${shown(computed)}%`,
          },
          { actual: `${shown(rate)}%`, expected: [`${shown(computed)}%`] },
        );
      }
    }
  },
});
