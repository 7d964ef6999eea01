import { sectionTitle } from '../outline/outline.js';
import type { Figure, FlowContent, InlineLeaf, Report, ReportNode, Section } from '../tree/schema.js';

/** A section with its parent (null at the top level), in document order. */
export interface SectionEntry {
  section: Section;
  parent: Section | null;
  title: string;
}

const SECTIONS = new WeakMap<Report, SectionEntry[]>();

/**
 * Forgets what the walks below remember of `tree` (its sections, siblings, leaves and
 * sentences, made once per tree for all the rules of a check): `check` calls it first, so a
 * tree the caller changed since the last check is walked again.
 */
export function forgetWalks(tree: Report): void {
  SECTIONS.delete(tree);
  SIBLINGS.delete(tree);
  LEAVES.delete(tree);
  SENTENCES.delete(tree);
}

/**
 * Every section of the report, depth-first in document order (computed once per tree: several rules ask).
 *
 * The walks of check and extract are loops of their own rather than unist-util-visit: `visit`
 * makes and names a closure for every node it passes, and two visits of the section level
 * (sections here, blocks in extract) cost 8–9% of the whole pipeline on generated 10 KB and
 * 100 KB reports (0.27 ms against 0.003 ms for these 412 nodes); `visitParents` over the
 * leaves made check four times slower.
 */
export function sections(tree: Report): SectionEntry[] {
  const cached = SECTIONS.get(tree);
  if (cached) return cached;
  const out: SectionEntry[] = [];
  const walk = (nodes: ReadonlyArray<Section['children'][number] | FlowContent>, parent: Section | null) => {
    for (let i = parent ? 1 : 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type !== 'section') continue;
      out.push({ section: node, parent, title: sectionTitle(node) });
      walk(node.children, node);
    }
  };
  walk(tree.children, null);
  SECTIONS.set(tree, out);
  return out;
}

const SIBLINGS = new WeakMap<Report, Section[][]>();

/**
 * Every run of sibling sections: the top level's, then each section's subsections, in
 * document order (computed once per tree). The numbering rules compare siblings.
 */
export function siblingSections(tree: Report): Section[][] {
  const cached = SIBLINGS.get(tree);
  if (cached) return cached;
  const subsections = (nodes: ReadonlyArray<FlowContent | Section['children'][number]>) =>
    nodes.filter((n): n is Section => n.type === 'section');
  const out = [subsections(tree.children)];
  for (const { section } of sections(tree)) out.push(subsections(section.children));
  SIBLINGS.set(tree, out);
  return out;
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

/** The leaves of a tree in document order, and the block each stands in (same index). */
export interface Leaves {
  leaves: InlineLeaf[];
  blocks: ReportNode[];
}

/** Per-tree results several rules need, computed once. */
const LEAVES = new WeakMap<Report, Leaves>();
const SENTENCES = new WeakMap<Report, Sentence[]>();

/**
 * All leaves of the tree in document order, with the block they stand in (the nearest
 * ancestor that is not an event or a lead): two parallel arrays rather than a pair object
 * per leaf (a large report has tens of thousands). A loop, not `visitParents` (see `sections`).
 */
export function leaves(tree: Report): Leaves {
  const cached = LEAVES.get(tree);
  if (cached) return cached;
  const out: Leaves = { leaves: [], blocks: [] };
  LEAVES.set(tree, out);
  const walk = (node: ReportNode, block: ReportNode) => {
    const children = (node as { children?: ReportNode[] }).children;
    if (children === undefined) {
      if (node.type !== 'marker' && node.type !== 'placeholder') {
        out.leaves.push(node as InlineLeaf);
        out.blocks.push(block);
      }
      return;
    }
    const inner = node.type !== 'event' && node.type !== 'lead' ? node : block;
    for (let i = 0; i < children.length; i++) walk(children[i]!, inner);
  };
  walk(tree, tree);
  return out;
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
  const cached = SENTENCES.get(tree);
  if (cached) return cached;
  const out: Sentence[] = [];
  let current: Sentence | undefined;
  let since = '';
  let block: ReportNode | undefined;
  const all = leaves(tree);
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
  SENTENCES.set(tree, out);
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
