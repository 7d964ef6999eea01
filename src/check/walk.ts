import { sectionTitle } from '../outline/outline.js';
import { forms, type Form } from '../table/forms.js';
import type { Figure, InlineLeaf, Report, ReportNode, Section } from '../tree/schema.js';

/** A section with its parent (null at the top level), in document order. */
export interface SectionEntry {
  section: Section;
  parent: Section | null;
  title: string;
}

/** The leaves of a tree in document order, and the block each stands in (same index). */
export interface Leaves {
  leaves: InlineLeaf[];
  blocks: ReportNode[];
}

/**
 * What the rules of one check read of a tree, gathered by one walk ({@link indexOf}) and the
 * rest made on first use: every rule used to walk the tree itself (sections, their siblings,
 * the leaves, the tables), each with a cache of its own.
 */
interface TreeIndex {
  tree: Report;
  sections: SectionEntry[];
  siblings: Section[][];
  leaves: Leaves;
  /** Whether a table stands among the sections' blocks: without one there is no form to read. */
  tables: boolean;
  sentences?: Sentence[];
  forms?: Form[];
  /** Readings made by {@link once}, by the function that made them. */
  made?: Map<(tree: Report) => unknown, unknown>;
}

/**
 * The index of the tree last walked. One slot, not a WeakMap per walk: a check asks for the
 * index of one tree only, and with a WeakMap per walk every one-paragraph report of a batch
 * left four entries behind for the garbage collector. With one walk for all the rules, this
 * took checking such a report from about 10–13 µs to 8–9 µs (bench/notes.md, "Per-report fixed
 * cost: check's share"). Keyed by identity, so a call about another tree walks that one;
 * `check` forgets it first and last ({@link forgetWalks}), so nothing of a report is kept after
 * its check.
 */
let last: TreeIndex | undefined;

/**
 * Forgets what the walks below remember (the last tree's sections, siblings, leaves,
 * sentences and forms): `check` calls it first, so a tree the caller changed since the last
 * check is walked again, and last, so the tree is not held after the check.
 */
export function forgetWalks(): void {
  last = undefined;
}

/**
 * The index of `tree`, walked once: its sections (depth-first, in document order), each run
 * of sibling sections, and every leaf with its block, in one pass over the nodes.
 *
 * The walk is a loop of its own rather than unist-util-visit: `visit` makes and names a
 * closure for every node it passes, and two visits of the section level cost 8–9% of the
 * whole pipeline on generated 10 KB and 100 KB reports (0.27 ms against 0.003 ms for these
 * 412 nodes); `visitParents` over the leaves made check four times slower.
 */
function indexOf(tree: Report): TreeIndex {
  if (last?.tree === tree) return last;
  const index: TreeIndex = {
    tree,
    sections: [],
    siblings: [[]],
    leaves: { leaves: [], blocks: [] },
    tables: false,
  };
  walkNodes(index, tree.children, tree, 0, null, index.siblings[0]!);
  last = index;
  return index;
}

/**
 * Walks `nodes` (children of `block`'s subtree) into `index`. `runs` is where the sections
 * among them go (their run of siblings) when they stand at the section level (children of the
 * report or of a section), else null; `from` is the first child at that level (a section's
 * heading, child 0, holds no section).
 */
function walkNodes(
  index: TreeIndex,
  nodes: readonly ReportNode[],
  block: ReportNode,
  from: number,
  parent: Section | null,
  runs: Section[] | null,
): void {
  const { leaves, blocks } = index.leaves;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const children = (node as { children?: ReportNode[] }).children;
    if (children === undefined) {
      if (node.type !== 'marker' && node.type !== 'placeholder') {
        leaves.push(node as InlineLeaf);
        blocks.push(block);
      }
      continue;
    }
    const level = runs !== null && i >= from;
    if (node.type === 'section') {
      if (level) {
        runs.push(node);
        index.sections.push({ section: node, parent, title: sectionTitle(node) });
        const inner: Section[] = [];
        index.siblings.push(inner);
        walkNodes(index, children, node, 1, node, inner);
      } else walkNodes(index, children, node, 0, parent, null);
      continue;
    }
    if (level && node.type === 'table') index.tables = true;
    walkNodes(index, children, node.type !== 'event' && node.type !== 'lead' ? node : block, 0, parent, null);
  }
}

/** Every section of the report, depth-first in document order (walked once per tree: several rules ask). */
export function sections(tree: Report): SectionEntry[] {
  return indexOf(tree).sections;
}

/**
 * Every run of sibling sections: the top level's, then each section's subsections, in
 * document order (walked once per tree). The numbering rules compare siblings.
 */
export function siblingSections(tree: Report): Section[][] {
  return indexOf(tree).siblings;
}

/**
 * The self-evaluation forms of the report (see `forms`), read once per check however many
 * rules ask (seven do); a report without a table has none, and nothing is read for it.
 */
export function formsOf(tree: Report): Form[] {
  const index = indexOf(tree);
  if (!index.tables) return [];
  return (index.forms ??= forms(tree));
}

/**
 * `make(tree)`, made once however many rules of a check ask for it (the scores and grades the
 * prose states are read by two rules).
 */
export function once<T>(tree: Report, make: (tree: Report) => T): T {
  const made = (indexOf(tree).made ??= new Map());
  if (!made.has(make)) made.set(make, make(tree));
  return made.get(make) as T;
}

/**
 * The ancestors (root first) of a node, for messages' `ancestors`: found by descending
 * from the root through the child whose span holds the node, so nothing is built for
 * the whole tree and a message costs its depth times a binary search. (A linear search
 * among siblings made a report of 150,000 empty sections take ten minutes to check.)
 */
export function ancestry(tree: Report): (node: ReportNode) => ReportNode[] {
  return (node) => {
    // A finding about the whole report (a missing section in a report without any).
    if (node === tree) return [tree];
    const { start, end } = node.position;
    const chain: ReportNode[] = [];
    let current: ReportNode = tree;
    for (;;) {
      chain.push(current);
      const children = (current as { children?: ReportNode[] }).children;
      if (!children) return chain;
      const next = childHolding(children, node, start.offset, end.offset);
      // No next: the node is not in the tree by identity (a position of a rule's own);
      // the nodes whose spans hold it are its ancestors.
      if (!next || next === node) return chain;
      current = next;
    }
  };
}

/**
 * Among siblings in document order, the one that is `node` or whose span holds
 * `[start, end)`: the last sibling starting at or before `start`, or one just before it
 * that ends after `start` (siblings with equal starts).
 */
function childHolding(children: ReportNode[], node: ReportNode, start: number, end: number): ReportNode | undefined {
  let lo = 0;
  let hi = children.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid]!.position.start.offset <= start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = at; i >= 0; i--) {
    const child = children[i]!;
    if (child === node) return child;
    if (child.position.end.offset < start) break;
    if (end <= child.position.end.offset && 'children' in child) return child;
  }
  return undefined;
}

/** All leaves of the tree in document order, with the block they stand in (the nearest
 * ancestor that is not an event or a lead): two parallel arrays rather than a pair object
 * per leaf (a large report has tens of thousands). */
export function leaves(tree: Report): Leaves {
  return indexOf(tree).leaves;
}

/** A figure in a sentence, with the words written since the previous figure (its label). */
export interface Labelled {
  node: Figure;
  /** Text between the previous figure (or the sentence start) and this one: `，预算执行率`. */
  before: string;
}

/** A sentence with figures: its figures with their labels (the rules need nothing else). */
export interface Sentence {
  figures: Labelled[];
}

/** Last index of a sentence end (`。！？!?`) in `text`, or -1. */
function lastEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63) return i;
  }
  return -1;
}

/**
 * The report's sentences that hold figures, block by block (a sentence never spans two
 * blocks). Built from the leaves without rebuilding any sentence's text: only the words
 * since the last figure or sentence end are kept, as each figure's label.
 */
export function sentencesOf(tree: Report): Sentence[] {
  const index = indexOf(tree);
  if (index.sentences) return index.sentences;
  const out: Sentence[] = [];
  let current: Sentence | undefined;
  let since = '';
  let block: ReportNode | undefined;
  const all = index.leaves;
  for (let i = 0; i < all.leaves.length; i++) {
    const leaf = all.leaves[i]!;
    const b = all.blocks[i];
    if (b !== block) {
      block = b;
      current = undefined;
      since = '';
    }
    if (leaf.type === 'text' || leaf.type === 'template') {
      const end = lastEnd(leaf.value);
      if (end < 0) since += leaf.value;
      else {
        current = undefined;
        since = leaf.value.slice(end + 1);
      }
    } else {
      if (!current) out.push((current = { figures: [] }));
      current.figures.push({ node: leaf, before: since });
      since = '';
    }
  }
  index.sentences = out;
  return out;
}

/** Position of `[from, to)` inside a leaf's value (a leaf may hold line breaks). */
export function placeInLeaf(leaf: InlineLeaf, from: number, to: number): ReportNode['position'] {
  const point = (index: number) => {
    let { line, column, offset } = leaf.position.start;
    for (let i = 0; i < index; i++) {
      const c = leaf.value[i];
      offset++;
      if (c === '\n' || (c === '\r' && leaf.value[i + 1] !== '\n')) {
        line++;
        column = 1;
      } else column++;
    }
    return { line, column, offset };
  };
  return { start: point(from), end: point(to) };
}
