import { defineRule } from '../types.js';
import { sentencesOf } from '../walk.js';

/** Rates that cannot exceed 100%: 执行率, 完成率, 满意度 … (not growth rates). */
const CAPPED =
  /(?:执行|完成|到位|使用|支出|拨付|发放|覆盖|合格|达标|知晓|入学|就业|参保|受益|及时|准确|正确|利用|办结|结案|回访|出勤)率|满意度|满意率/;
const GROWTH = /增长|增幅|提高|提升|超出|超过|同比|环比|上升|下降/;
const RATE_LABEL = 14;

/** A rate that cannot exceed 100 stated above it (`预算执行率105%`), or a negative rate. */
export const percentOutOfRange = defineRule({
  id: 'percent-out-of-range',
  severity: 'error',
  summary: { zh: '比率超出0–100%', en: 'a rate is above 100% or negative' },
  options: {},
  check({ tree, report }) {
    for (const sentence of sentencesOf(tree)) {
      for (const { node, before } of sentence.figures) {
        if (node.type !== 'percent' || node.unit !== '%') continue;
        const label = before.slice(-RATE_LABEL);
        if (!CAPPED.test(label) || GROWTH.test(label)) continue;
        const high = node.max ?? node.amount;
        const negative = /[-－负]\s*$/.test(before);
        if (high !== undefined && high > 100) {
          report(
            node,
            {
              zh: `“${label.match(CAPPED)![0]}”为${node.value}，超过100%，应核对`,
              en: `Unexpected ${node.value} for a rate that cannot exceed 100%, expected at most 100%`,
            },
            { actual: node.value, expected: ['≤ 100%'] },
          );
        } else if (negative) {
          report(node, {
            zh: `比率“${node.value}”为负值，应核对`,
            en: `Unexpected negative rate ${node.value}, expected 0–100%`,
          });
        }
      }
    }
  },
});
