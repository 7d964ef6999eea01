import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import {
  check,
  extract,
  JixiaoError,
  jixiaoParse,
  outline,
  parse,
  type FigureRecord,
  type ParseOptions,
  type Report,
} from '../../src/index.js';
import { fromMarkdown, jixiaoStringify, remarkJixiao, toMarkdown } from '../../src/markdown.js';
import { FIXTURES, fixture, fixtureNames } from '../helpers/fixtures.js';
import { expectValidTree } from '../helpers/invariants.js';

const seed = fixture('seed-shaodong-2020.txt');
const seedMarkdown = readFileSync(join(FIXTURES, 'seed-shaodong-2020.md'), 'utf8');

/** What must survive a round trip: outline, figures with values, placeholders. */
function signature(tree: Report) {
  const placeholders: string[] = [];
  visit(tree, 'section', (node) => {
    if (node.placeholder) placeholders.push(`${node.marker.raw}${node.placeholder}`);
  });
  return {
    outline: outline(tree),
    figures: (extract(tree) as FigureRecord[])
      .filter((r) => r.kind !== 'event')
      .map((r) => [r.kind, r.value, r.min, r.max, r.approx, r.unit]),
    placeholders,
  };
}

function roundTrip(text: string) {
  const first = parse(text);
  const markdown = toMarkdown(first);
  const again = fromMarkdown(markdown);
  expect(signature(again)).toEqual(signature(first));
  expect(toMarkdown(again)).toBe(markdown);
  expectValidTree(markdown, again, { checkColumns: false, markdown: true });
}

describe('toMarkdown', () => {
  it('writes the seed as the reviewed fixture, reading like the seed', () => {
    expect(toMarkdown(parse(seed))).toBe(seedMarkdown);
    expect(seedMarkdown).not.toContain('\\');
  });

  it('gives remark-parse 1 title and 10 section headings of the right depths', () => {
    const headings: Array<[number, string]> = [];
    visit(unified().use(remarkParse).parse(seedMarkdown), 'heading', (h: Heading) => {
      headings.push([h.depth, toString(h)]);
    });
    expect(headings.map(([d]) => d)).toEqual([1, 2, 2, 3, 3, 3, 3, 3, 2, 2, 2]);
    expect(headings[2]).toEqual([2, '2、部门（单位）整体支出绩效状况']);
    expect(headings[3]).toEqual([3, '（一）聚焦党外代表人士政治引领']);
  });

  it('reads the seed’s Markdown back to its outline and figures', () => {
    const tree = fromMarkdown(seedMarkdown);
    expect(outline(tree)).toEqual(outline(parse(seed)));
    expect(signature(tree).figures).toEqual(signature(parse(seed)).figures);
    expect(tree.data.fiscalYear?.year).toBe(2020);
  });

  it('writes front matter, marks figures and appends findings on request', () => {
    const tree = parse(seed);
    const markdown = toMarkdown(tree, {
      frontmatter: true,
      figures: 'mark',
      findings: check(tree),
      profile: 'hunan-dept-overall',
    });
    expect(
      markdown.startsWith(
        '---\ntitle: "邵东市委统战部整体支出绩效自评报告"\nfiscalYear: 2020\nkind: dept-overall\nprofile: hunan-dept-overall\n---\n',
      ),
    ).toBe(true);
    expect(markdown).toContain('折合人民币**1342.23万元**');
    expect(markdown).toContain(
      '## 审核意见\n\n- 第7行第1列（错误）：章节“部门（单位）基本概况”仅有占位内容“保密”（涉密不公开），应填写实际内容（no-placeholder-section）',
    );
    expect(toMarkdown(tree, { findings: check(tree, { locale: 'en' }), locale: 'en' })).toContain(
      '## Findings\n\n- Line 7, column 1 (error):',
    );
    // Front matter and marked figures read back to the same report, plus the findings section.
    const back = outline(fromMarkdown(markdown));
    expect(back.slice(0, -1)).toEqual(outline(tree));
    expect(back[back.length - 1]).toMatchObject({ depth: 1, title: '审核意见' });
  });

  it('writes cover fields as a list and keeps placeholders as written', () => {
    const markdown = toMarkdown(parse(fixture('title-block.txt')));
    expect(markdown).toContain('- 部门(单位)名称:  岳阳县林业局\n- 预 算 编 码:   906017');
    const back = fromMarkdown(markdown);
    expect(back.data.fields).toEqual(parse(fixture('title-block.txt')).data.fields);
    expect(toMarkdown(parse(fixture('placeholders.txt')))).toContain('## 七、主要经验及做法\n\n（略）');
  });

  it('degrades headings deeper than 6 to a bold lead-in, and reads them back at their depth', () => {
    const markdown = toMarkdown(parse(fixture('marker-styles.txt')));
    expect(markdown).toContain('\n**①省级文件**\n');
    expect(outline(fromMarkdown(markdown))).toEqual(outline(parse(fixture('marker-styles.txt'))));
  });
});

describe('Markdown input', () => {
  it('reads headings with or without Chinese markers as sections, positions into the Markdown', () => {
    const markdown =
      '# 某局2021年度部门整体支出绩效自评报告\n\n## 基本情况\n\n内设股室5个，支出520万元。\n\n### （一）主要职能\n\n负责全县林业工作。\n\n## 存在的问题\n\n暂无\n';
    const tree = fromMarkdown(markdown);
    expect(outline(tree)).toEqual([
      { depth: 1, marker: '', ordinal: 0, title: '基本情况' },
      { depth: 2, marker: '（一）', ordinal: 1, title: '主要职能' },
      { depth: 1, marker: '', ordinal: 0, title: '存在的问题' },
    ]);
    const money = (extract(tree) as FigureRecord[]).find((r) => r.kind === 'money')!;
    expect(markdown.slice(money.start, money.end)).toBe('520万元');
    expect(tree.data.title).toBe('某局2021年度部门整体支出绩效自评报告');
    expectValidTree(markdown, tree, { markdown: true });
  });

  it('leaves Markdown to jixiao/markdown: the core says where to go for it', () => {
    for (const format of ['markdown', 'auto']) {
      const error = (() => {
        try {
          parse('## 一、基本情况\n\n保密\n', { format } as ParseOptions);
        } catch (e) {
          return e as JixiaoError;
        }
      })();
      expect(error).toBeInstanceOf(JixiaoError);
      expect(error).toMatchObject({ code: 'options', key: 'format' });
      expect(error!.message).toContain("`fromMarkdown` from 'jixiao/markdown'");
      expect(error!.messageIn('zh-CN')).toContain("Markdown 请用 'jixiao/markdown' 的 `fromMarkdown` 读取");
    }
    // Plain text stays the core's (and the option still says so).
    expect(parse('一、基本情况\n\n保密\n', { format: 'text' } as ParseOptions).data.format).toBe('text');
    // And the other way round: fromMarkdown and remarkJixiao take `format: 'markdown'` (what a program moving from
    // `parse(md, {format: 'markdown'})` writes) and point text to `parse`.
    expect(fromMarkdown('## 一、基本情况\n', { format: 'markdown' } as ParseOptions).children).toHaveLength(1);
    for (const read of [
      () => fromMarkdown('## 一、基本情况\n', { format: 'text' } as ParseOptions),
      () =>
        unified()
          .use(remarkParse)
          .use(remarkJixiao, { format: 'auto' } as ParseOptions)
          .freeze(),
    ]) {
      let error: JixiaoError | undefined;
      try {
        read();
      } catch (e) {
        error = e as JixiaoError;
      }
      expect(error).toMatchObject({ code: 'options', key: 'format' });
      expect(error!.message).toContain("Read plain text with `parse` from 'jixiao'");
      expect(error!.messageIn('zh-CN')).toContain("纯文本请用 'jixiao' 的 `parse` 读取");
    }
  });

  it('falls back to the text rules for Markdown pasted as paragraphs', () => {
    const pasted = '一、基本情况\n\n保密\n\n二、存在的问题\n\n无\n';
    const tree = fromMarkdown(pasted);
    expect(tree.data.format).toBe('markdown'); // read by the text rules, but Markdown: escapes are syntax
    expect(outline(tree).map((o) => o.marker)).toEqual(['一、', '二、']);
  });
});

describe('round trip', () => {
  for (const name of fixtureNames()) {
    it(`keeps outline, figures and placeholders, and is idempotent: ${name}`, () => roundTrip(fixture(name)));
  }

  const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
  describe.runIf(existsSync(corpus))('on the shared corpus', () => {
    const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.txt')) : [];
    for (const file of files) it(file, () => roundTrip(readFileSync(join(corpus, file), 'utf8')));
  });

  it('keeps the white space between a heading’s leaves, so that its Markdown settles', () => {
    // Found by the tables' property test: `9.5\t-` and `20余万元` written as `9.5\t-20余万元` read as a
    // negative amount the next time, and the Markdown changed again.
    const first = toMarkdown(parse('1.\t9.5\t-\t20余万元\n'));
    const second = toMarkdown(fromMarkdown(first));
    expect(second).toBe('## 1.9.5\t- 20余万元\n');
    expect(toMarkdown(fromMarkdown(second))).toBe(second);
    expect(toMarkdown(parse('（一）完成投资 520万元\n'))).toBe('## （一）完成投资 520万元\n');
  });

  it('holds on generated reports', () => {
    const MARKERS = [
      ['一、', '二、', '三、'],
      ['（一）', '（二）', '（三）'],
      ['1.', '2.', '3.'],
    ] as const;
    const sentence = fc.constantFrom(
      '全年支出520万元。',
      '完成培训12场次。',
      '9月7日，召开会议。',
      '满意度达到95%。',
      '共走访企业70余个。',
      '保密',
      '无',
      '一是加强管理。二是完善制度。',
      '根据财预〔2020〕10号文件开展自评。',
    );
    const report = fc
      .array(
        fc.tuple(
          fc.integer({ min: 0, max: 2 }),
          fc.constantFrom('基本情况', '存在的问题', '改进措施', '绩效目标完成情况'),
          fc.array(sentence, { maxLength: 3 }),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((sections) => {
        const counters = [0, 0, 0];
        let depth = 0;
        const lines = ['某局2020年度部门整体支出绩效自评报告'];
        for (const [wanted, title, body] of sections) {
          const level = Math.min(wanted, depth);
          counters[level]!++;
          for (let i = level + 1; i < 3; i++) counters[i] = 0;
          depth = level + 1;
          lines.push(`${MARKERS[level]![(counters[level]! - 1) % 3]}${title}`);
          for (const b of body) lines.push(b);
        }
        return lines.join('\n') + '\n';
      });
    fc.assert(
      fc.property(report, (text) => roundTrip(text)),
      { numRuns: 150 },
    );
  });
});

describe('unified', () => {
  it('parses text and writes Markdown: unified().use(jixiaoParse).use(jixiaoStringify)', async () => {
    const file = await unified()
      .use(jixiaoParse)
      .use(jixiaoStringify)
      .process(new VFile({ path: 'seed.txt', value: seed }));
    expect(String(file)).toBe(seedMarkdown);
  });

  it('turns remark-parse’s mdast into a report tree: unified().use(remarkParse).use(remarkJixiao)', async () => {
    const processor = unified().use(remarkParse).use(remarkJixiao);
    const file = new VFile(seedMarkdown);
    const tree = (await processor.run(processor.parse(file), file)) as Report;
    expect(outline(tree)).toEqual(outline(parse(seed)));
  });

  it('keeps unist-util-visit and mdast-util-to-string typed over report nodes', () => {
    const tree = parse(seed);
    const amounts: number[] = [];
    visit(tree, 'money', (node) => {
      amounts.push(node.amount ?? 0); // typed: Money has amount
    });
    expect(amounts[0]).toBe(13422300);
    const first = tree.children.find((n) => n.type === 'section')!;
    expect(toString(first.children[0])).toBe('一、部门（单位）基本概况');
  });
});
