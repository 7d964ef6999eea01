import type { Count, Money } from '../../tree/schema.js';
import { defineRule } from '../types.js';
import { sentencesOf, type Labelled } from '../walk.js';

const TOTAL = /(?:共计|合计|总计|总额|总共|累计|共|总数)/;
const PART = /其中/;
/** After 其中, these verbs start a different quantity (`共走访企业12个，其中发现问题15个`). */
const OTHER_MATTER = /发现|解决|涉及|整改|收到|办理|提出|新增|开展|完成|处理/;

type Amount = Money | Count;
const isAmount = (l: Labelled): l is Labelled & { node: Amount } =>
  (l.node.type === 'money' || l.node.type === 'count') && l.node.amount !== undefined;

/** `共/合计/总计 X，其中 Y` where a part is larger than the whole, for money and counts. */
export const subtotalExceedsTotal = defineRule({
  id: 'subtotal-exceeds-total',
  severity: 'error',
  summary: { zh: '“其中”的分项大于合计', en: 'a part after 其中 exceeds its total' },
  options: {},
  check({ tree, report }) {
    for (const sentence of sentencesOf(tree)) {
      let total: (Labelled & { node: Amount }) | undefined;
      let inParts = false;
      for (const item of sentence.figures) {
        if (!isAmount(item)) continue;
        if (PART.test(item.before) && total) inParts = true;
        else if (TOTAL.test(item.before)) {
          total = item;
          inParts = false;
          continue;
        }
        if (!total || !inParts) continue;
        const whole = total.node;
        const part = item.node;
        if (part.type !== whole.type || (part.type === 'count' && part.unit !== whole.unit)) continue;
        if (OTHER_MATTER.test(item.before)) continue;
        if (part.amount! <= whole.amount! * (1 + 1e-9)) continue;
        report(
          part,
          {
            zh: `分项“${part.value}”大于合计“${whole.value}”，应不超过合计`,
            en: `Unexpected part “${part.value}” larger than its total “${whole.value}”, expected at most the total`,
          },
          {
            cause: { node: whole, wording: { zh: '合计在此', en: 'the total is here' } },
            actual: part.value,
            expected: [`≤ ${whole.value}`],
          },
        );
      }
    }
  },
});
