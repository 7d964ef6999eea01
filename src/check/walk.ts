import { sectionTitle } from '../outline/outline.js';
import type { Event, Figure, FlowContent, InlineLeaf, Node, Report, Section } from '../tree/schema.js';

/** A section with its parent (null at the top level), in document order. */
export interface SectionEntry {
  section: Section;
  parent: Section | null;
  title: string;
}

/** Every section of the report, depth-first in document order. */
export function sections(tree: Report): SectionEntry[] {
  const out: SectionEntry[] = [];
  const walk = (nodes: FlowContent[], parent: Section | null) => {
    for (const node of nodes) {
      if (node.type !== 'section') continue;
      out.push({ section: node, parent, title: sectionTitle(node) });
      walk(node.children.slice(1) as FlowContent[], node);
    }
  };
  walk(tree.children, null);
  return out;
}

/** The sections directly under `parent` (or at the top level). */
export function childSections(tree: Report, parent: Section | null): Section[] {
  const nodes = parent ? parent.children.slice(1) : tree.children;
  return (nodes as FlowContent[]).filter((n): n is Section => n.type === 'section');
}

/**
 * The ancestors (root first) of a node, for messages' `ancestors`: found by descending
 * from the root through the children whose span holds the node, so nothing is built
 * for the whole tree and a message costs only its depth.
 */
export function ancestry(tree: Report): (node: Node) => Node[] {
  return (node) => {
    const { start, end } = node.position;
    const chain: Node[] = [];
    let current: Node = tree;
    for (;;) {
      chain.push(current);
      const children: Node[] = 'children' in current ? (current.children as Node[]) : [];
      const next: Node | undefined = children.find(
        (child: Node) => child === node || (child.position.start.offset <= start.offset && end.offset <= child.position.end.offset && 'children' in child && holds(child, node)),
      );
      if (!next || next === node) return chain;
      current = next;
    }
  };
}

/** True when `node` is `parent` or lies inside it (checked by identity, not only by span). */
function holds(parent: Node, node: Node): boolean {
  if (parent === node) return true;
  if (!('children' in parent)) return false;
  const { start, end } = node.position;
  return (parent.children as Node[]).some((child) => child.position.start.offset <= start.offset && end.offset <= child.position.end.offset && holds(child, node));
}

/** Per-tree results several rules need, computed once. */
const LEAVES = new WeakMap<Report, Array<{ leaf: InlineLeaf; block: Node }>>();
const SENTENCES = new WeakMap<Report, Sentence[]>();

/** All leaves of the tree in document order, with the block they stand in. */
export function leaves(tree: Report): Array<{ leaf: InlineLeaf; block: Node }> {
  const cached = LEAVES.get(tree);
  if (cached) return cached;
  const out: Array<{ leaf: InlineLeaf; block: Node }> = [];
  LEAVES.set(tree, out);
  const walk = (node: Node, block: Node) => {
    if (!('children' in node)) {
      if (node.type !== 'marker' && node.type !== 'placeholder') out.push({ leaf: node as InlineLeaf, block });
      return;
    }
    const isBlock = node.type !== 'event' && node.type !== 'lead';
    for (const child of node.children as Node[]) walk(child, isBlock ? node : block);
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

/** A sentence: its plain text and its figures with their labels. */
export interface Sentence {
  text: string;
  figures: Labelled[];
}

const END = /[。！？!?]/;

/** The report's sentences, block by block (a sentence never spans two blocks). */
export function sentencesOf(tree: Report): Sentence[] {
  const cached = SENTENCES.get(tree);
  if (cached) return cached;
  const out: Sentence[] = [];
  let current: Sentence = { text: '', figures: [] };
  let since = '';
  let block: Node | undefined;
  const start = () => {
    current = { text: '', figures: [] };
    out.push(current);
    since = '';
  };
  for (const { leaf, block: b } of leaves(tree)) {
    if (b !== block) {
      block = b;
      start();
    }
    if (leaf.type === 'text' || leaf.type === 'template') {
      let rest = leaf.value;
      for (let m = END.exec(rest); m; m = END.exec(rest)) {
        current.text += rest.slice(0, m.index + 1);
        rest = rest.slice(m.index + 1);
        start();
      }
      current.text += rest;
      since += rest;
    } else {
      current.figures.push({ node: leaf, before: since });
      current.text += leaf.value;
      since = '';
    }
  }
  const result = out.filter((s) => s.text.trim().length > 0);
  SENTENCES.set(tree, result);
  return result;
}

/** Position of `[from, to)` inside a leaf's value (a leaf may hold line breaks). */
export function placeInLeaf(leaf: InlineLeaf, from: number, to: number): Node['position'] {
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

export type { Event };
