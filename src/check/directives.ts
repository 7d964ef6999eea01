import type { HtmlNode as Html, ReportNode as Node, Report } from '../tree/schema.js';

/** `<!--jixiao disable rule-a rule-b-->`, `<!--jixiao enable-->`, `<!--jixiao ignore rule-a-->`. */
const DIRECTIVE = /^<!--\s*jixiao\s+(disable|enable|ignore)((?:\s+[a-z][a-z0-9-]*)*)\s*-->$/;

/** Which offsets each rule is silenced at. */
export interface Silence {
  silenced(ruleId: string, offset: number): boolean;
}

interface Range {
  from: number;
  to: number;
  /** Rule ids, or undefined for every rule. */
  ids: Set<string> | undefined;
}

/**
 * Reads ignore directives. `disable` silences rules from the comment on (until an
 * `enable` names them, or everything with a bare `enable`); `ignore` silences them for
 * the next section or block only. No ids means every rule.
 */
export function readDirectives(tree: Report): Silence {
  const comments: Html[] = [];
  eachBlock(tree, (node) => {
    if (node.type === 'html') comments.push(node);
  });
  if (comments.length === 0) return { silenced: () => false };
  // The blocks an `ignore` applies to, in document order (comments are rare: only now).
  const blocks: Node[] = [];
  eachBlock(tree, (node) => {
    if (node.type !== 'html') blocks.push(node);
  });

  const ranges: Range[] = [];
  const open = new Map<string | undefined, number>();
  const end = tree.position.end.offset + 1;
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.value.trim());
    if (!m) continue;
    const ids = m[2]!.trim() ? m[2]!.trim().split(/\s+/) : undefined;
    const at = comment.position.end.offset;
    if (m[1] === 'disable') {
      for (const id of ids ?? [undefined]) if (!open.has(id)) open.set(id, at);
    } else if (m[1] === 'enable') {
      for (const [id, from] of [...open]) {
        if (ids && id !== undefined && !ids.includes(id)) continue;
        ranges.push({ from, to: comment.position.start.offset, ids: id === undefined ? undefined : new Set([id]) });
        open.delete(id);
      }
    } else {
      const next = firstFrom(blocks, at);
      if (next)
        ranges.push({ from: next.position.start.offset, to: next.position.end.offset, ids: ids && new Set(ids) });
    }
  }
  for (const [id, from] of open) ranges.push({ from, to: end, ids: id === undefined ? undefined : new Set([id]) });

  return {
    silenced: (ruleId, offset) =>
      ranges.some((r) => offset >= r.from && offset < r.to && (!r.ids || r.ids.has(ruleId))),
  };
}

/** The first of `blocks` (in document order) starting at or after `offset`: a binary search. */
function firstFrom(blocks: Node[], offset: number): Node | undefined {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.position.start.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return blocks[lo];
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
