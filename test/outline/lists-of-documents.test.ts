import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { check, outline, parse, type Report } from '../../src/index.js';
import { expectValidTree } from '../helpers/invariants.js';

/** `parse(input)`, checked against the tree invariants. */
function valid(input: string): Report {
  const tree = parse(input);
  expectValidTree(input, tree);
  return tree;
}

const titles = (tree: Report) => outline(tree).map((e) => `${e.depth} ${e.marker}${e.title}`);
const rules = (text: string) => check(text).map((m) => `${m.line} ${m.ruleId}`);
function lists(tree: Report): string[] {
  const out: string[] = [];
  visit(tree, 'list', (node) => void out.push(node.children.map((i) => i.marker.raw).join(' ')));
  return out;
}

const REPORT = (annex: string) =>
  [
    '一、部门（单位）基本概况',
    '本局内设股室5个，编制30名。',
    '二、部门（单位）整体支出绩效状况',
    '年初预算1000万元，全年支出980万元，预算执行率98%。',
    '三、存在的问题及原因',
    '部分项目支出进度偏慢。',
    '四、提高财政资金绩效的措施与建议',
    '加快支出进度。',
    '五、附件（佐证依据）',
    annex,
  ].join('\n');

describe('lists of documents', () => {
  // A clean report got one `no-empty-section` error per document of its evidence list.
  it('reads the numbered evidence under the annex as a list, not as empty sections', () => {
    const input = REPORT('1.2023年度部门决算报表\n2.项目验收报告');
    const tree = valid(input);
    expect(titles(tree)).toHaveLength(5);
    expect(lists(tree)).toEqual(['1. 2.']);
    expect(rules(input)).toEqual([]);
  });

  it('reads any numbered items under an annex as its list, whatever they name', () => {
    const input = REPORT('（1）预算批复\n（2）2023年度绩效目标申报情况\n（3）现场核查情况');
    expect(titles(parse(input))).toHaveLength(5);
    expect(rules(input)).toEqual([]);
  });

  it('still reports an annex that says 无, or one left empty', () => {
    expect(rules(REPORT('无'))).toEqual(['10 no-empty-annex']);
    expect(rules(REPORT(''))).toEqual(['9 no-empty-annex']);
  });

  it('reads a run of document names with nothing under them as a list anywhere', () => {
    const input =
      '一、基本情况\n（一）评价依据\n1.《中华人民共和国预算法》\n2.《项目支出绩效评价管理办法》（财预〔2020〕10号）\n' +
      '3.项目实施方案\n（二）评价方法\n资料核查与现场查看相结合。\n';
    const tree = valid(input);
    expect(titles(tree)).toEqual(['1 一、基本情况', '2 （一）评价依据', '2 （二）评价方法']);
    expect(lists(tree)).toEqual(['1. 2. 3.']);
  });

  it('keeps empty headings that name no document as sections, so their emptiness is reported', () => {
    const input = '一、基本情况\n（一）项目概况\n（二）项目绩效目标\n二、存在的问题\n进度偏慢。\n';
    expect(titles(parse(input))).toEqual([
      '1 一、基本情况',
      '2 （一）项目概况',
      '2 （二）项目绩效目标',
      '1 二、存在的问题',
    ]);
    expect(check(input, { profile: 'generic' }).filter((m) => m.ruleId === 'no-empty-section')).toHaveLength(2);
  });

  it('keeps headings that name documents as sections when they have bodies', () => {
    const input = '一、资料核查情况\n1.项目验收报告\n项目于2023年5月通过验收。\n2.资金拨付凭证\n资金已全部拨付。\n';
    expect(titles(parse(input))).toEqual(['1 一、资料核查情况', '2 1.项目验收报告', '2 2.资金拨付凭证']);
  });
});

describe('page numbers between pages', () => {
  it('are labels in a section body, and not its content', () => {
    const input = '一、部门基本情况\n正文。\n二、存在的问题\n—3—\n无\n三、改进措施\n第 4 页 共 9 页\n加快进度。\n';
    const tree = valid(input);
    const labels: string[] = [];
    visit(
      tree,
      'label',
      (node) => void labels.push(`${node.kind} ${input.slice(node.position.start.offset, node.position.end.offset)}`),
    );
    expect(labels).toEqual(['pageNumber —3—', 'pageNumber 第 4 页 共 9 页']);
    // The page number between a heading and its 无 does not hide the placeholder.
    expect(tree.children[1]).toMatchObject({ type: 'section', placeholder: 'none' });
  });

  it('after the last entry of a table of contents, are not entries', () => {
    const input = '目  录\n一、基本情况……1\n二、存在的问题……2\n—1—\n一、基本情况\n正文。\n二、存在的问题\n无问题。\n';
    const tree = valid(input);
    expect(tree.children.map((n) => n.type)).toEqual(['toc', 'label', 'section', 'section']);
  });
});
