import { isDigit } from '../text/chars.js';
import { findLastIndex } from '../tree/arrays.js';
import type { Candidate } from './candidates.js';

/** A candidate accepted as a section heading, with its depth in the outline. */
export interface Heading {
  cand: Candidate;
  depth: number;
  /** Rank of the level the heading was placed in (differs from its own for a mis-styled marker). */
  rank: number;
}

/** What the numbering says about every candidate. */
export interface Decision {
  headings: Heading[];
  /** Line-start candidates that are list items (whole sentences), not headings. */
  items: Candidate[];
}

interface Level {
  style: Candidate['style'];
  level: number;
  rank: number;
  last: number;
}

/**
 * Decides which candidates are headings and how deep each one sits.
 *
 * 1. Siblings vote: a run of line-start markers of one style (`1、2、3、` under one
 *    parent) is a list when at least half of its entries read as sentences, so a
 *    short sentence among numbered duties does not become a heading.
 * 2. Sequence and siblings, not style alone, decide depth: a marker continues an open
 *    level of its style; a mis-styled marker that continues another level's numbering
 *    (the seed's `2、` between `一、` and `三、`) joins that level; any other marker
 *    opens a level below the deepest open level that ranks above it.
 * 3. Mid-line markers must continue the numbering exactly, so a `（一）` inside a
 *    sentence never opens a section.
 *
 * @example
 *   const text = '一、基本情况\n2、主要职能\n（一）人员编制\n三、存在的问题';
 *   const { headings } = decideHeadings(findCandidates(text, splitLines(text), () => false));
 *   headings.map((h) => `${text.slice(h.cand.start, h.cand.end)} ${h.depth}`) // ['一、 1', '2、 1', '（一） 2', '三、 1']
 */
export function decideHeadings(candidates: Candidate[]): Decision {
  const itemSet = voteRuns(candidates.filter((c) => c.place === 'lineStart'));
  const headings: Heading[] = [];
  const items: Candidate[] = [];
  const stack: Level[] = [];

  for (const cand of candidates) {
    if (cand.place === 'lineStart') {
      if (itemSet.has(cand)) items.push(cand);
      else place(cand, false);
    } else if (cand.phrase && !startsWithDigit(cand)) {
      place(cand, true);
    }
  }
  deepenOrphans(headings);
  return { headings, items };

  function place(cand: Candidate, strict: boolean): void {
    const same = findLastIndex(stack, (l) => l.style === cand.style && l.level === cand.level);
    if (same >= 0) {
      if (strict && cand.ordinal !== stack[same]!.last + 1) return;
      stack.length = same;
      return open(cand, cand.style, cand.rank);
    }
    if (cand.ordinal !== 1) {
      // A marker written in the wrong style but continuing an open level's numbering.
      const sibling = findLastIndex(stack, (l) => l.last === cand.ordinal - 1 && l.rank < cand.rank);
      if (sibling >= 0 && !strict) {
        const { style, rank } = stack[sibling]!;
        stack.length = sibling;
        return open(cand, style, rank);
      }
      if (strict) return;
    }
    // A new level opened mid-line needs a real title, not the start of a sentence.
    if (strict && cand.sentence) return;
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= cand.rank) stack.pop();
    open(cand, cand.style, cand.rank);
  }

  function open(cand: Candidate, style: Candidate['style'], rank: number): void {
    headings.push({ cand, depth: stack.length + 1, rank });
    stack.push({ style, level: cand.level, rank, last: cand.ordinal });
  }
}

/**
 * Line-start candidates that belong to a run voted to be a list: a run of which half
 * the entries read as sentences, or that a `：` introduces; a run under an annex
 * heading (`五、附件（佐证依据）` / `1.2023年度部门决算报表`); a run of document names
 * with nothing under any of them (`1.《预算法》` / `2.…办法`). Items of a list of
 * documents are not empty sections.
 */
function voteRuns(lineStart: Candidate[]): Set<Candidate> {
  const runs: Candidate[][] = [];
  const parents = new Map<Candidate[], Candidate>();
  const open = new Map<string, Candidate[]>();
  // The candidates that may head the next one, by rising rank: its parent is the last that ranks above it.
  const heads: Candidate[] = [];
  for (const cand of lineStart) {
    while (heads.length > 0 && heads[heads.length - 1]!.rank >= cand.rank) heads.pop();
    const parent = heads[heads.length - 1];
    heads.push(cand);
    // A marker of a higher level closes the runs below it.
    for (const [key, run] of open) if (run[0]!.rank > cand.rank) open.delete(key);
    const key = `${cand.style}/${cand.level}`;
    const run = open.get(key);
    // Items count strictly upwards: a repeated number starts a new run (`2.评价结论`
    // after list items `1.…2.…` is the next heading, not a third item).
    if (run && cand.ordinal > run[run.length - 1]!.ordinal) run.push(cand);
    else {
      const fresh = [cand];
      runs.push(fresh);
      open.set(key, fresh);
      if (parent) parents.set(fresh, parent);
    }
  }
  const items = new Set<Candidate>();
  for (const run of runs) {
    let sentences = 0;
    let documents = 0;
    let bodiless = 0;
    for (const c of run) {
      if (c.sentence) sentences++;
      if (c.document) documents++;
      if (c.bodiless) bodiless++;
    }
    const list =
      sentences * 2 >= run.length ||
      run[0]!.introduced ||
      parents.get(run)?.annex === true ||
      (bodiless === run.length && documents * 2 >= run.length);
    if (list) for (const c of run) items.add(c);
    else for (const c of run) if (c.titleEnd === c.titleStart) items.add(c);
  }
  return items;
}

/**
 * A text that starts mid-report (a page cut out of a longer document) may open with
 * low-level sections (`7.`) before a higher-level one (`（二）`). They keep the depth
 * their level has in the rest of the document instead of posing as top level.
 */
function deepenOrphans(headings: Heading[]): void {
  const roots: number[] = [];
  headings.forEach((h, i) => h.depth === 1 && roots.push(i));
  // One pass from the right, carrying the best rank among later roots: linear.
  let laterBest = Infinity;
  let end = headings.length;
  for (let r = roots.length - 1; r >= 0; r--) {
    const index = roots[r]!;
    const rank = headings[index]!.rank;
    if (laterBest < rank) for (let i = index; i < end; i++) headings[i]!.depth++;
    laterBest = Math.min(laterBest, rank);
    end = index;
  }
}

function startsWithDigit(cand: Candidate): boolean {
  return isDigit(cand.titleChar);
}
