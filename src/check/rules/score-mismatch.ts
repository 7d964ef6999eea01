import { shown } from '../../table/forms.js';
import { statedScores } from '../stated-scores.js';
import { defineRule } from '../types.js';
import { placeInLeaf, formsOf } from '../walk.js';

/** Words before a score that make it another year's. */
const OTHER_YEAR = /上年|去年|前年|上一年|上年度|往年|同期/;

/** The total score stated in the prose (`自评得分97.51分`) differs from the self-evaluation form's total. */
export const scoreMismatch = defineRule({
  id: 'score-mismatch',
  severity: 'error',
  summary: { zh: '正文的自评得分与自评表总分不符', en: 'the score in the text differs from the form’s total' },
  options: {},
  check({ tree, report }) {
    const totals = formsOf(tree).filter((f) => f.total?.record.score != null);
    // Several forms (a department's projects) have several totals: the text's score is none of them in particular.
    if (totals.length !== 1) return;
    const total = totals[0]!.total!;
    const { scores } = statedScores(tree);
    if (scores.length === 0) return;
    const expected = total.record.score!;
    // Scores of other years (`较上年自评得分95分`) are not this report's.
    const own = scores.filter((s) => !OTHER_YEAR.test(s.leaf.value.slice(Math.max(0, s.from - 12), s.from)));
    if (own.length === 0 || own.some((s) => Math.abs(Number(s.value) - expected) < 0.005)) return;
    // Else the report's score is the largest it states: the parts' scores (`投入25分`) are smaller.
    let stated = own[0]!;
    for (const s of own) if (Number(s.value) > Number(stated.value)) stated = s;
    report(
      stated.leaf,
      {
        zh: `正文的自评得分${stated.value}分与自评表总分${shown(expected)}分不符`,
        en: `Unexpected score ${stated.value} in the text: the form’s total is ${shown(expected)}`,
      },
      {
        place: placeInLeaf(stated.leaf, stated.from, stated.to),
        cause: { node: total.row, wording: { zh: '自评表总分在此', en: 'the form’s total is here' } },
        actual: stated.value,
        expected: [shown(expected)],
      },
    );
  },
});
