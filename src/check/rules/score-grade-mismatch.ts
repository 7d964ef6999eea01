import { shown } from '../../table/forms.js';
import { numbersOption } from '../options.js';
import { statedScores, type Stated } from '../stated-scores.js';
import type { ReportNode } from '../../tree/schema.js';
import { defineRule } from '../types.js';
import { placeInLeaf, formsOf } from '../walk.js';

const CANONICAL: Record<string, string> = {
  优秀: '优',
  優秀: '优',
  優: '优',
  良好: '良',
  中等: '中',
  较差: '差',
  較差: '差',
};

/**
 * A stated score and grade that disagree (`自评得分85分` with `评价等级：优`); when the prose
 * states a grade and no score, the score is the total of the report's self-evaluation form.
 */
export const scoreGradeMismatch = defineRule({
  id: 'score-grade-mismatch',
  severity: 'error',
  summary: { zh: '自评得分与评价等级不符', en: 'a stated score and grade disagree' },
  options: {
    bands: numbersOption({ 优: 90, 良: 80, 中: 60, 差: 0 }, 'the lowest score of each grade'),
  },
  check({ tree, options, report }) {
    const { scores, grades } = statedScores(tree);
    if (grades.length === 0) return;
    const bands = (Object.entries(options.bands) as Array<[string, number]>).sort((a, b) => b[1] - a[1]);
    // The last score of each block, found once (a search per grade was quadratic).
    const lastScore = new Map<ReportNode, Stated>();
    for (const s of scores) lastScore.set(s.block, s);
    // No score in the prose: the form's total, when the report has one form with one.
    const totals = scores.length === 0 ? formsOf(tree).filter((f) => f.total?.record.score != null) : [];
    const tableTotal = totals.length === 1 ? totals[0]!.total! : undefined;
    const gradeOf = (score: number) => bands.find(([, min]) => score >= min)?.[0];
    for (const grade of grades) {
      // The score in the same block; else the report's only score; else the form's total.
      const score = lastScore.get(grade.block) ?? (scores.length === 1 ? scores[0] : undefined);
      const value = score ? score.value : tableTotal ? shown(tableTotal.record.score!) : undefined;
      if (value === undefined) continue;
      const stated = CANONICAL[grade.value] ?? grade.value;
      const expected = gradeOf(Number(value));
      if (!expected || expected === stated) continue;
      report(
        grade.leaf,
        {
          zh: `评价等级“${grade.value}”与得分${value}分不符，应为“${expected}”`,
          en: `Unexpected grade “${grade.value}” for a score of ${value}, expected “${expected}”`,
        },
        {
          place: placeInLeaf(grade.leaf, grade.from, grade.to),
          cause: score
            ? {
                node: { position: placeInLeaf(score.leaf, score.from, score.to) },
                wording: { zh: '得分在此', en: 'the score is here' },
              }
            : { node: tableTotal!.row, wording: { zh: '自评表总分在此', en: 'the form’s total is here' } },
          actual: grade.value,
          expected: [expected],
        },
      );
    }
  },
});
