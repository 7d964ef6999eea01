import type { Root } from 'mdast';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { check, extract, outline, parse, type FigureRecord, type Report } from '../../src/index.js';
import { fromMarkdown, remarkJixiao, toMarkdown } from '../../src/markdown.js';
import { expectValidTree } from '../helpers/invariants.js';

/** Blocks a Markdown report is made of, and Markdown syntax a report should survive. */
const BLOCK = fc.constantFrom(
  '# 某局2020年度部门整体支出绩效自评报告',
  '## 一、基本情况',
  '## 二、存在的问题',
  '### （一）主要职能',
  '**（1）资金管理**',
  '全年支出520万元，预算执行率95%。',
  '9月7日，召开会议；12月，完成验收。',
  '根据邵东办字[2020]41号文件开展自评。',
  '保密',
  '无',
  '（200字以内）',
  '单位名称：某局',
  '全年工作：一是加强统计执法。二是提升数据质量。',
  '- 一是加强管理。\n- 二是完善制度。',
  '* 乙',
  '1. 加强管理。\n2. 完善制度。',
  '目录\n\n- 一、基本情况\n- 二、存在的问题',
  '> 引用的文字',
  '[1]: http://example.com/a.pdf "附件"',
  '[x]:\n<http://example.com/b>',
  '```\n代码\n```',
  '    缩进的代码',
  '<!--jixiao disable no-empty-annex-->',
  '<div>\n正文\n</div>',
  '---',
  '标题\n===',
  '| 指标 | 值 |\n|---|---|\n| 完成率 | 95% |',
  '\\[1\\] 转义',
  '#',
);
const SEPARATOR = fc.constantFrom('\n', '\n\n', '\r\n\r\n', '\n\n\n');
const FRONT_MATTER = fc.constantFrom('', '---\nfiscalYear: 2020\n---\n\n', '---\n---\n');
const markdown = fc
  .tuple(
    fc.boolean(),
    FRONT_MATTER,
    fc.array(fc.tuple(BLOCK, SEPARATOR), { minLength: 1, maxLength: 10 }),
    fc.string({ maxLength: 20 }),
  )
  .map(
    ([bom, front, blocks, noise]) =>
      (bom ? '\uFEFF' : '') + front + blocks.map(([block, separator]) => block + separator).join('') + noise,
  );

function viaPlugin(input: string): Report {
  const processor = unified().use(remarkParse).use(remarkJixiao);
  const file = new VFile(input);
  return processor.runSync(processor.parse(file) as Root, file) as Report;
}

describe('parse on any Markdown, with and without a byte order mark', () => {
  it('gives a valid, lossless tree, the same as remarkJixiao gives', () => {
    fc.assert(
      fc.property(markdown, (input) => {
        const tree = fromMarkdown(input);
        expectValidTree(input, tree, { markdown: true });
        expect(viaPlugin(input)).toEqual(tree);
      }),
      { numRuns: 300 },
    );
  });

  it('gives figures whose text is their source, and messages inside the input', () => {
    fc.assert(
      fc.property(markdown, (input) => {
        const tree = fromMarkdown(input);
        for (const record of extract(tree) as FigureRecord[]) {
          const source = input.slice(record.start, record.end);
          if (record.kind === 'event') expect(record.text.replace(/\s/g, '')).toBe(source.replace(/\s/g, ''));
          else expect(record.text).toBe(source);
        }
        for (const message of check(tree)) {
          const place = message.place as { start: { offset: number }; end: { offset: number } };
          expect(place.start.offset).toBeGreaterThanOrEqual(0);
          expect(place.end.offset).toBeLessThanOrEqual(input.length);
          expect(message.ruleId).toMatch(/^[a-z-]+$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('writes Markdown that settles after one pass (joined line wraps may read differently once)', () => {
    fc.assert(
      fc.property(markdown, (input) => {
        const first = toMarkdown(fromMarkdown(input));
        const second = toMarkdown(fromMarkdown(first));
        const tree = fromMarkdown(second);
        expect(toMarkdown(tree)).toBe(second);
        expect(outline(fromMarkdown(toMarkdown(tree)))).toEqual(outline(tree));
      }),
      { numRuns: 200 },
    );
  });
});

/** Lines of text reports: headings, lead-ins, enumerations, fields, placeholders, figures. */
const LINE = fc.constantFrom(
  '某局2020年度部门整体支出绩效自评报告',
  '一、基本情况',
  '二、存在的问题',
  '（一）主要职能',
  '主要职责如下：',
  '1、组织实施全区统计调查，收集数据。',
  '2、开展统计分析和统计监测工作。',
  '1.加强管理，完善制度，落实责任。',
  '2.强化监督，规范程序，提高效率。',
  '（1）加强预算编制管理。（2）加强项目资金监管。',
  '①完善内部控制制度；②强化绩效运行监控。',
  '全年工作：一是加强统计执法。二是提升数据质量。',
  '单位名称：某局',
  '保密',
  '无',
  '* 乙',
  '- 甲',
  '全年支出520万元，预算执行率95%。',
  '9月7日，召开会议。',
);

describe('cases the properties found', () => {
  it('reads no cover field keyed by marks alone (`\\:--`, an escaped colon toMarkdown wrote)', () => {
    const input = '甲\n\n\\:--\n';
    const tree = fromMarkdown(input);
    expect(JSON.stringify(tree)).not.toContain('"field"');
    expect(toMarkdown(tree)).toBe(input);
  });

  it('does not take a body named like an Object.prototype key for a placeholder', () => {
    for (const input of ['一、基本情况\ntoString\n', '# 标题\n\n## 一、基本情况\n\nconstructor\n']) {
      const tree = input.startsWith('#') ? fromMarkdown(input) : parse(input);
      expectValidTree(input, tree, { markdown: tree.data.format === 'markdown' });
      expect(JSON.stringify(tree)).not.toContain('"placeholder"');
    }
  });
});

describe('text → Markdown → tree is idempotent', () => {
  it('writes the same Markdown again from the Markdown it wrote (random reports)', () => {
    fc.assert(
      fc.property(fc.array(LINE, { minLength: 1, maxLength: 12 }), (lines) => {
        const text = lines.join('\n') + '\n';
        const tree = parse(text);
        const markdown = toMarkdown(tree);
        const again = fromMarkdown(markdown);
        expect(toMarkdown(again)).toBe(markdown);
        expect(outline(again)).toEqual(outline(tree));
      }),
      { numRuns: 500 },
    );
  });
});
