import { shown } from '../../table/forms.js';
import { defineRule } from '../types.js';
import { formsOf } from '../walk.js';

/** An indicator that missed its target or lost points, with its deviation reason left empty. */
export const missingDeviationReason = defineRule({
  id: 'missing-deviation-reason',
  severity: 'warn',
  summary: { zh: '未完成或扣分的指标未说明偏差原因', en: 'a missed or marked-down indicator gives no reason' },
  options: {},
  check({ tree, report }) {
    for (const form of formsOf(tree)) {
      for (const { record, row } of form.indicators) {
        const { weight, score, name, reason } = record;
        // A form without a reason column asks for none.
        if (reason !== '') continue;
        const markedDown = weight !== null && score !== null && score < weight - 1e-9;
        if (record.achieved !== false && !markedDown) continue;
        report(row, {
          zh: `指标“${name}”${record.achieved === false ? '未完成年度指标值' : `得分${shown(score!)}分低于分值${shown(weight!)}分`}，未说明偏差原因及改进措施`,
          en: `Missing reason for indicator “${name}”: ${record.achieved === false ? 'its target was missed' : `scored ${shown(score!)} of ${shown(weight!)}`}`,
        });
      }
    }
  },
});
