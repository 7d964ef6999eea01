import { numbersOption } from '../options.js';
import type { InlineLeaf, ReportNode } from '../../tree/schema.js';
import { defineRule } from '../types.js';
import { leaves, placeInLeaf, type Leaves } from '../walk.js';

const SCORE =
  /(?:自评得分|自评总分|综合得分|综合评分|自评分|总得分|得分|评分|總分|自評分|得分)\s*(?:为|為|是|：|:|达|達)?\s*(\d{1,3}(?:\.\d+)?)\s*分/g;
const GRADE =
  /(?:评价等级|績效等級|绩效等级|评价等次|绩效等次|等级|等級|等次|评级|評級)\s*(?:为|為|是|：|:|评定为|評定為|评为)?\s*(优秀|優秀|良好|优|優|良|中等|中|较差|較差|差)/g;
const CANONICAL: Record<string, string> = {
  优秀: '优',
  優秀: '优',
  優: '优',
  良好: '良',
  中等: '中',
  较差: '差',
  較差: '差',
};

interface Hit {
  leaf: InlineLeaf;
  block: ReportNode;
  from: number;
  to: number;
  value: string;
}

function find(pattern: RegExp, all: Leaves): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < all.leaves.length; i++) {
    const leaf = all.leaves[i]!;
    const block = all.blocks[i]!;
    if (leaf.type !== 'text') continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(leaf.value); m; m = pattern.exec(leaf.value)) {
      const at = m.index + m[0].lastIndexOf(m[1]!);
      out.push({ leaf, block, from: at, to: at + m[1]!.length, value: m[1]! });
    }
  }
  return out;
}

/** A stated score and grade that disagree (`自评得分85分` with `评价等级：优`). */
export const scoreGradeMismatch = defineRule({
  id: 'score-grade-mismatch',
  severity: 'error',
  summary: { zh: '自评得分与评价等级不符', en: 'a stated score and grade disagree' },
  options: {
    bands: numbersOption({ 优: 90, 良: 80, 中: 60, 差: 0 }, 'the lowest score of each grade'),
  },
  check({ tree, options, report }) {
    const all = leaves(tree);
    const scores = find(SCORE, all);
    const grades = find(GRADE, all);
    const bands = (Object.entries(options.bands) as Array<[string, number]>).sort((a, b) => b[1] - a[1]);
    // The last score of each block, found once (a search per grade was quadratic).
    const lastScore = new Map<ReportNode, Hit>();
    for (const s of scores) lastScore.set(s.block, s);
    const gradeOf = (score: number) => bands.find(([, min]) => score >= min)?.[0];
    for (const grade of grades) {
      // The score in the same block; else the report's only score.
      const score = lastScore.get(grade.block) ?? (scores.length === 1 ? scores[0] : undefined);
      if (!score) continue;
      const stated = CANONICAL[grade.value] ?? grade.value;
      const expected = gradeOf(Number(score.value));
      if (!expected || expected === stated) continue;
      report(
        grade.leaf,
        {
          zh: `评价等级“${grade.value}”与得分${score.value}分不符，应为“${expected}”`,
          en: `Unexpected grade “${grade.value}” for a score of ${score.value}, expected “${expected}”`,
        },
        {
          place: placeInLeaf(grade.leaf, grade.from, grade.to),
          cause: {
            node: { position: placeInLeaf(score.leaf, score.from, score.to) },
            wording: { zh: '得分在此', en: 'the score is here' },
          },
          actual: grade.value,
          expected: [expected],
        },
      );
    }
  },
});
