import { describe, expect, it } from 'vitest';
import { check, parse, type Report, type ReportNode, type Section } from '../../src/index.js';
import { forgetWalks, formsOf, leaves, sections, sentencesOf, siblingSections } from '../../src/check/walk.js';
import { forms } from '../../src/table/forms.js';
import { fixture } from '../helpers/fixtures.js';

/** The walks as each rule once made them, each on its own: the index must give the same. */
const reference = {
  sections(tree: Report) {
    const out: Array<{ section: Section; parent: Section | null }> = [];
    const walk = (nodes: readonly ReportNode[], parent: Section | null) => {
      for (const node of nodes.slice(parent ? 1 : 0)) {
        if (node.type !== 'section') continue;
        out.push({ section: node, parent });
        walk(node.children, node);
      }
    };
    walk(tree.children, null);
    return out;
  },
  siblings(tree: Report) {
    const subsections = (nodes: readonly ReportNode[]) => nodes.filter((n): n is Section => n.type === 'section');
    return [subsections(tree.children), ...reference.sections(tree).map((e) => subsections(e.section.children))];
  },
  leaves(tree: Report) {
    const out: Array<[ReportNode, ReportNode]> = [];
    const walk = (node: ReportNode, block: ReportNode) => {
      if (!('children' in node)) {
        if (node.type !== 'marker' && node.type !== 'placeholder') out.push([node, block]);
        return;
      }
      const inner = node.type === 'event' || node.type === 'lead' ? block : node;
      for (const child of node.children as ReportNode[]) walk(child, inner);
    };
    walk(tree, tree);
    return out;
  },
};

const NAMES = [
  'seed-shaodong-2020.txt',
  'clean-dept-overall.txt',
  'clean-project.txt',
  'decimal-numbering.txt',
  'flattened-pdf.txt',
  'forms/roads-tab.txt',
  'marker-styles.txt',
  'placeholders.txt',
  'run-in-headings.txt',
];

describe('one walk for all the rules of a check', () => {
  it.each(NAMES)('gives %s the sections, sibling runs and leaves of separate walks', (name) => {
    const tree = parse(fixture(name));
    expect(sections(tree).map(({ section, parent }) => ({ section, parent }))).toEqual(reference.sections(tree));
    expect(siblingSections(tree)).toEqual(reference.siblings(tree));
    const { leaves: found, blocks } = leaves(tree);
    expect(found.map((leaf, i) => [leaf, blocks[i]])).toEqual(reference.leaves(tree));
    expect(formsOf(tree)).toEqual(forms(tree));
    forgetWalks();
  });

  it('walks another tree when asked about it, and forgets the last one', () => {
    const one = parse('一、概况\n资金100万元，执行率95%。\n二、问题\n无\n');
    const other = parse('一、概况\n资金200万元。\n');
    const first = sections(one);
    expect(sections(other)).toHaveLength(1);
    expect(sections(one)).toHaveLength(2);
    expect(sections(one)).not.toBe(first); // walked again: one slot, keyed by the tree
    forgetWalks();
    expect(sentencesOf(one)).toHaveLength(1);
    forgetWalks();
  });

  it('reads a tree the caller changed since its last check afresh', () => {
    const tree = parse('一、概况\n项目资金预算数2000万元，执行数1500万元，预算执行率95%。\n');
    expect(check(tree).map((m) => m.ruleId)).toContain('rate-consistency');
    // The caller corrects the rate in the tree: the next check must not use the walk of the last.
    const paragraph = (tree.children[0] as Section).children[1] as { children: ReportNode[] };
    const rate = paragraph.children.find((n) => n.type === 'percent') as { amount: number; value: string };
    rate.amount = 75;
    rate.value = '75%';
    expect(check(tree).map((m) => m.ruleId)).not.toContain('rate-consistency');
  });

  it('reads the forms of a report with a table, once for every rule of a check', () => {
    const head = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n';
    const tree = parse(`${head}产出指标\t数量指标\t新建机耕道路\t≥40公里\t36公里\t10\t12\n`);
    expect(formsOf(tree)).toBe(formsOf(tree));
    expect(formsOf(tree)[0]!.indicators).toHaveLength(1);
    forgetWalks();
    expect(check(tree).map((m) => m.ruleId)).toContain('indicator-score-exceeds-weight');
  });
});
