import type { HtmlNode as Html, ReportNode as Node, Report } from '../tree/schema.js';

/** `<!--jixiao disable rule-a rule-b-->`, `<!--jixiao enable-->`, `<!--jixiao ignore rule-a-->`. */
const DIRECTIVE = /^<!--\s*jixiao\s+(disable|enable|ignore)((?:\s+[a-z][a-z0-9-]*)*)\s*-->$/;

/** Which offsets each rule is silenced at. */
export interface Silence {
  silenced(ruleId: string, offset: number): boolean;
}

/** Counts the steps lookups take, for tests that hold them to logarithmic cost. */
export interface Work {
  steps: number;
}

/** Where a rule is silenced: sorted, disjoint spans `[starts[i], ends[i])`. */
interface Spans {
  starts: number[];
  ends: number[];
}

/** A report without directives (nearly every one): one answer shared by every check. */
const SILENT_NOWHERE: Silence = { silenced: () => false };

/** The key of the spans that silence every rule. */
const EVERY_RULE = '';

/**
 * Reads ignore directives. `disable` silences rules from the comment on (until an
 * `enable` names them, or everything with a bare `enable`); `ignore` silences them for
 * the next section or block only. No ids means every rule.
 *
 * The spans are merged per rule and looked up by binary search: `check` asks once per
 * message, and scanning every span for each (as before) made a report of 80,000
 * blocks each under an `ignore` take 16 s.
 *
 * @param tree the report
 * @param work when given, counts the steps of every lookup
 */
export function readDirectives(tree: Report, work?: Work): Silence {
  const comments: Html[] = [];
  eachBlock(tree, (node) => {
    if (node.type === 'html') comments.push(node);
  });
  if (comments.length === 0) return SILENT_NOWHERE;
  // The blocks an `ignore` applies to, in document order (comments are rare: only now).
  const blocks: Node[] = [];
  eachBlock(tree, (node) => {
    if (node.type !== 'html') blocks.push(node);
  });

  const found = new Map<string, Array<[number, number]>>();
  const add = (id: string, from: number, to: number) => {
    const list = found.get(id);
    if (list) list.push([from, to]);
    else found.set(id, [[from, to]]);
  };
  const open = new Map<string, number>();
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.value.trim());
    if (!m) continue;
    const ids = m[2]!.trim() ? m[2]!.trim().split(/\s+/) : [EVERY_RULE];
    const at = comment.position.end.offset;
    if (m[1] === 'disable') {
      for (const id of ids) if (!open.has(id)) open.set(id, at);
    } else if (m[1] === 'enable') {
      const until = comment.position.start.offset;
      // A bare `enable` closes everything; a named one closes those rules and a bare `disable`.
      const closing = ids[0] === EVERY_RULE ? [...open.keys()] : [...ids, EVERY_RULE];
      for (const id of closing) {
        const from = open.get(id);
        if (from === undefined) continue;
        add(id, from, until);
        open.delete(id);
      }
    } else {
      const next = firstFrom(blocks, at);
      if (next) for (const id of ids) add(id, next.position.start.offset, next.position.end.offset);
    }
  }
  const end = tree.position.end.offset + 1;
  for (const [id, from] of open) add(id, from, end);

  const byRule = new Map<string, Spans>();
  for (const [id, list] of found) byRule.set(id, merge(list));
  const every = byRule.get(EVERY_RULE);
  return {
    silenced: (ruleId, offset) =>
      (every !== undefined && covers(every, offset, work)) || covers(byRule.get(ruleId), offset, work),
  };
}

/** Sorts spans and merges those that overlap or touch. */
function merge(list: Array<[number, number]>): Spans {
  list.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [from, to] of list) {
    if (to <= from) continue;
    const last = ends.length - 1;
    if (last >= 0 && from <= ends[last]!) ends[last] = Math.max(ends[last]!, to);
    else {
      starts.push(from);
      ends.push(to);
    }
  }
  return { starts, ends };
}

/** True when a span holds `offset`: the last span starting at or before it must end after it. */
function covers(spans: Spans | undefined, offset: number, work: Work | undefined): boolean {
  if (!spans) return false;
  const { starts, ends } = spans;
  const after = firstIndex(starts.length, (i) => {
    if (work) work.steps++;
    return starts[i]! > offset;
  });
  return after > 0 && offset < ends[after - 1]!;
}

/** The first of `blocks` (in document order) starting at or after `offset`. */
function firstFrom(blocks: Node[], offset: number): Node | undefined {
  return blocks[firstIndex(blocks.length, (i) => blocks[i]!.position.start.offset >= offset)];
}

/** The first index below `length` at which `reached` holds, `reached` being false and then true: a binary search. */
function firstIndex(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Calls `fn` with every block and section of the report in document order (not section titles). */
function eachBlock(tree: Report, fn: (node: Node) => void): void {
  const walk = (nodes: readonly Node[], from: number) => {
    for (let i = from; i < nodes.length; i++) {
      const node = nodes[i]!;
      fn(node);
      if (node.type === 'section') walk(node.children, 1);
    }
  };
  walk(tree.children, 0);
}
