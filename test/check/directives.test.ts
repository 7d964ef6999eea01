import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, parse, type FlowContent } from '../../src/index.js';
import { readDirectives, type Work } from '../../src/check/directives.js';

const RULES = ['no-placeholder-section', 'no-empty-section', 'no-empty-annex'];

/** `count` sections whose bodies are `无`, each after the given directive line (or none). */
function report(count: number, directive: (i: number) => string | undefined): string {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    const d = directive(i);
    if (d) lines.push(d);
    lines.push(`${i}、工作情况`, '无');
  }
  return lines.join('\n');
}

/** Steps taken to ask, at every section of a report with `n` ignores, whether two rules are silenced. */
function lookupSteps(n: number): number {
  const tree = parse(report(n, () => '<!--jixiao ignore no-placeholder-section-->'));
  const work: Work = { steps: 0 };
  const silence = readDirectives(tree, work);
  for (const node of tree.children) {
    silence.silenced('no-placeholder-section', node.position.start.offset);
    silence.silenced('no-empty-section', node.position.start.offset);
  }
  return work.steps;
}

describe('ignore directives at scale', () => {
  // `check` with 80,000 blocks under `ignore` took 16 s: every lookup scanned every span.
  it('looks a rule up in logarithmic steps, not one per directive', () => {
    const small = lookupSteps(500);
    const large = lookupSteps(2000);
    expect(small).toBeGreaterThan(0);
    // Four times the lookups, each a little longer (log n); a scan of every span would be 16 times.
    expect(large / small).toBeLessThan(6);
  });

  it('silences exactly the sections under an ignore', () => {
    const text = report(98, (i) => (i % 2 === 0 ? '<!--jixiao ignore no-placeholder-section-->' : undefined));
    const lines = text.split('\n');
    // The placeholder of every section with no directive above its heading.
    const expected = lines.flatMap((line, k) => (line === '无' && !lines[k - 2]?.startsWith('<!--') ? [k + 1] : []));
    expect(expected).toHaveLength(49);
    const found = check(text, { profile: 'generic', rules: { 'required-section': 'off' } })
      .filter((m) => m.ruleId === 'no-placeholder-section')
      .map((m) => m.line);
    expect(found).toEqual(expected);
  });
});

describe('readDirectives (property: the same answers as scanning every span)', () => {
  type Step = { kind: 'block' } | { kind: 'disable' | 'enable' | 'ignore'; ids: string[] };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.constant({ kind: 'block' as const }),
    fc.record({
      kind: fc.constantFrom('disable' as const, 'enable' as const, 'ignore' as const),
      ids: fc.subarray(RULES, { maxLength: 2 }),
    }),
  );

  /** The plain reading of the directives: a list of spans, every one scanned. */
  function reference(text: string): (ruleId: string, offset: number) => boolean {
    const tree = parse(text);
    const all: FlowContent[] = [];
    const walk = (nodes: FlowContent[]) => {
      for (const node of nodes) {
        all.push(node);
        if (node.type === 'section') walk(node.children.slice(1) as FlowContent[]);
      }
    };
    walk(tree.children);
    const comments = all.filter((n) => n.type === 'html');
    const blocks = all.filter((n) => n.type !== 'html');
    const spans: Array<{ from: number; to: number; id?: string }> = [];
    const open = new Map<string | undefined, number>();
    for (const c of comments) {
      const [, kind, rest] = /^<!--jixiao (\w+)(.*)-->$/.exec(c.value)!;
      const ids = rest!.trim() ? rest!.trim().split(' ') : undefined;
      if (kind === 'disable')
        for (const id of ids ?? [undefined]) if (!open.has(id)) open.set(id, c.position.end.offset);
      if (kind === 'enable') {
        for (const [id, from] of [...open]) {
          if (ids && id !== undefined && !ids.includes(id)) continue;
          spans.push({ from, to: c.position.start.offset, id });
          open.delete(id);
        }
      }
      if (kind === 'ignore') {
        const next = blocks.find((b) => b.position.start.offset >= c.position.end.offset);
        if (next)
          for (const id of ids ?? [undefined])
            spans.push({ from: next.position.start.offset, to: next.position.end.offset, id });
      }
    }
    for (const [id, from] of open) spans.push({ from, to: text.length + 1, id });
    return (ruleId, offset) =>
      spans.some((s) => offset >= s.from && offset < s.to && (s.id === undefined || s.id === ruleId));
  }

  it('agrees with the reference on every block and rule', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let n = 0;
        const text = steps
          .map((s) =>
            s.kind === 'block'
              ? `${++n}、第${n}节\n正文。`
              : `<!--jixiao ${s.kind}${s.ids.map((id) => ` ${id}`).join('')}-->`,
          )
          .join('\n');
        const tree = parse(text);
        const silence = readDirectives(tree);
        const expected = reference(text);
        for (let offset = 0; offset <= text.length; offset++)
          for (const rule of RULES) expect(silence.silenced(rule, offset)).toBe(expected(rule, offset));
      }),
      { numRuns: 200 },
    );
  });
});
