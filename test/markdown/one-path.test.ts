import { readdirSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { outline, parse, type Report } from '../../src/index.js';
import { fromMarkdown, remarkJixiao, toMarkdown } from '../../src/markdown.js';
import { FIXTURES, fixture, fixtureNames } from '../helpers/fixtures.js';
import { expectValidTree } from '../helpers/invariants.js';

/** The report `unified().use(remarkParse)[.use(remarkFrontmatter)].use(remarkJixiao)` makes of `markdown`. */
function viaPlugin(markdown: string, frontmatter = false): Report {
  const processor = frontmatter
    ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkJixiao)
    : unified().use(remarkParse).use(remarkJixiao);
  const file = new VFile(markdown);
  return processor.runSync(processor.parse(file) as Root, file) as Report;
}

/** Both entry points build the same tree, with or without remark-frontmatter, and it is valid. */
function expectOnePath(markdown: string): Report {
  const tree = fromMarkdown(markdown);
  expect(viaPlugin(markdown)).toEqual(tree);
  expect(viaPlugin(markdown, true)).toEqual(tree);
  expectValidTree(markdown, tree, { markdown: true });
  return tree;
}

const PASTED = '一、基本情况\n\n保密\n\n二、存在的问题\n\n无';
const FRONT =
  '---\ntitle: 某局2021年度部门整体支出绩效自评报告\nfiscalYear: 2020\n---\n\n## 一、基本情况\n\n9月7日召开会议。\n';

describe('one Markdown path: parse(markdown) and remarkJixiao build the same tree', () => {
  const markdownFixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));
  const inputs: Array<[string, string]> = markdownFixtures.map((name) => [name, fixture(name)]);
  for (const name of fixtureNames()) {
    inputs.push([`${name} as Markdown`, fixture(name)]);
    inputs.push([`${name} written as Markdown`, toMarkdown(parse(fixture(name)))]);
  }
  inputs.push(['pasted paragraphs', PASTED], ['front matter', FRONT]);
  for (const [name, markdown] of inputs) {
    it(name, () => {
      expectOnePath(markdown);
      expectOnePath(`\uFEFF${markdown}`);
    });
  }

  it('covers every Markdown fixture', () => {
    expect(markdownFixtures).toEqual(expect.arrayContaining(['seed-shaodong-2020.md', 'clean-project.md']));
  });

  it('reads Markdown with no headings by the text rules, on both paths (two sections)', () => {
    const tree = expectOnePath(PASTED);
    expect(outline(tree).map((o) => o.marker + o.title)).toEqual(['一、基本情况', '二、存在的问题']);
    expect(tree.children.map((s) => s.type === 'section' && s.placeholder)).toEqual(['withheld', 'none']);
  });

  it('keeps the fiscal year of front matter without remark-frontmatter', () => {
    const tree = viaPlugin(FRONT);
    expect(tree.data.fiscalYear).toEqual({ year: 2020, source: 'frontmatter', evidence: 'fiscalYear: 2020' });
    expect(tree.children[0]).toMatchObject({ type: 'yaml', value: FRONT.slice(0, FRONT.indexOf('\n---\n') + 4) });
    // The front matter is not a section (a setext heading `fiscalYear: 2020` to remark-parse alone).
    expect(outline(tree)).toEqual([{ depth: 1, marker: '一、', ordinal: 1, title: '基本情况' }]);
  });
});

describe('Markdown with a byte order mark (readFileSync keeps it)', () => {
  const markdown = '\uFEFF# 某局2020年度自评报告\n\n## 一、基本情况\n\n保密\n';

  it('points every offset into the input, BOM included: titles whole, placeholders found', () => {
    const tree = expectOnePath(markdown);
    expect(tree.data.title).toBe('某局2020年度自评报告');
    expect(outline(tree)).toEqual([{ depth: 1, marker: '一、', ordinal: 1, title: '基本情况' }]);
    const section = tree.children.find((n) => n.type === 'section');
    expect(section?.type === 'section' && section.placeholder).toBe('withheld');
    expectValidTree(markdown, tree, { markdown: true, checkColumns: true });
  });
});

describe('Markdown syntax that holds no text', () => {
  it('ignores an empty `#` heading: no title, no section, no leaf', () => {
    for (const markdown of [
      '#\n\n## 一、基本情况\n\n内容\n',
      '# 某局自评报告\n\n## 一、基本情况\n\n内容\n\n#\n\n## 二、问题\n\n无\n',
    ]) {
      const tree = expectOnePath(markdown);
      expect(JSON.stringify(tree)).not.toContain('"value":"#"');
      expect(outline(tree).map((o) => o.title)).not.toContain('#');
    }
    expect(fromMarkdown('#\n\n## 一、基本情况\n').data.title).toBeUndefined();
  });

  it('keeps a link definition in the leaves, in order, even inside a setext heading’s span', () => {
    const markdown = '[x]:\n<http://example.com/a.pdf>\n内容。\n---\n# 标题\n';
    const tree = expectOnePath(markdown);
    expect(JSON.stringify(tree)).toContain('http://example.com/a.pdf');
  });

  it('reads an ordered list’s numbers as content: the items’ markers', () => {
    const tree = expectOnePath('## 一、措施\n\n1. 加强管理。\n2. 完善制度。\n');
    const section = tree.children[0];
    expect(section?.type === 'section' && section.children[1]).toMatchObject({
      type: 'list',
      style: 'arabic',
      children: [{ marker: { raw: '1.', ordinal: 1 } }, { marker: { raw: '2.', ordinal: 2 } }],
    });
  });
});

describe('text → Markdown → tree is idempotent', () => {
  /** Markdown of `text`, and the Markdown of reading that back: the same. */
  function expectStable(text: string) {
    const markdown = toMarkdown(parse(text));
    expect(toMarkdown(fromMarkdown(markdown))).toBe(markdown);
  }

  it('keeps a list’s lead-in before the first section a paragraph (bullets no longer switch to `*`)', () => {
    const text = '全年工作：一是加强统计执法。二是提升数据质量。\n一、基本情况\n';
    expect(toMarkdown(parse(text))).toBe(
      '全年工作：\n\n- 一是加强统计执法。\n- 二是提升数据质量。\n\n## 一、基本情况\n',
    );
    expectStable(text);
  });

  it('undoes the escapes of Markdown read by the text rules (no `\\\\*` growing on each pass)', () => {
    expectStable('* 乙\n');
    expectStable('- 甲\n');
  });
});
