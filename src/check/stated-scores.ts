import type { InlineLeaf, Report, ReportNode } from '../tree/schema.js';
import { leaves, once } from './walk.js';

/** A score (`自评得分97.51分`) or a grade (`评价等级为优`) stated in the prose, and where. */
export interface Stated {
  leaf: InlineLeaf;
  block: ReportNode;
  /** Offsets of the value inside the leaf's text. */
  from: number;
  to: number;
  value: string;
}

const SCORE =
  /(?:自评得分|自评总分|综合得分|综合评分|自评分|总得分|得分|评分|總分|自評分|得分)\s*(?:为|為|是|：|:|达|達)?\s*(\d{1,3}(?:\.\d+)?)\s*分/g;
const GRADE =
  /(?:评价等级|績效等級|绩效等级|评价等次|绩效等次|等级|等級|等次|评级|評級)\s*(?:为|為|是|：|:|评定为|評定為|评为)?\s*(优秀|優秀|良好|优|優|良|中等|中|较差|較差|差)/g;

/**
 * The scores and grades the report's prose states, in document order; table cells are not
 * prose (a form's total is read from the form). Read once per check (two rules ask).
 */
export function statedScores(tree: Report): { scores: Stated[]; grades: Stated[] } {
  return once(tree, readStated);
}

function readStated(tree: Report): { scores: Stated[]; grades: Stated[] } {
  const all = leaves(tree);
  const scores: Stated[] = [];
  const grades: Stated[] = [];
  for (let i = 0; i < all.leaves.length; i++) {
    const leaf = all.leaves[i]!;
    const block = all.blocks[i]!;
    if (leaf.type !== 'text' || block.type === 'tableCell') continue;
    // Every score ends in 分 and every grade's label holds 等, 级 or 級: a leaf without them
    // is not searched (the two searches cost 6% of checking the corpus's reports, and most
    // leaves have neither).
    const text = leaf.value;
    if (text.includes('分')) find(SCORE, leaf, block, scores);
    if (text.includes('等') || text.includes('级') || text.includes('級')) find(GRADE, leaf, block, grades);
  }
  return { scores, grades };
}

function find(pattern: RegExp, leaf: InlineLeaf, block: ReportNode, out: Stated[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(leaf.value); m; m = pattern.exec(leaf.value)) {
    const at = m.index + m[0].lastIndexOf(m[1]!);
    out.push({ leaf, block, from: at, to: at + m[1]!.length, value: m[1]! });
  }
}
