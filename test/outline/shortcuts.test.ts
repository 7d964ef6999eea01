import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { findTocs, labelKind } from '../../src/outline/front-matter.js';
import { placeholderKind } from '../../src/outline/placeholders.js';
import { findTemplateText } from '../../src/outline/template-text.js';
import { splitLines } from '../../src/text/lines.js';

// Lines that cannot be a label, a placeholder, template text or a `目录` are answered before the
// patterns run (issue 14's speed round): these hold each to what it found before.

describe('findTemplateText: 字 counts only after a digit', () => {
  it('finds length limits, spaced or not', () => {
    expect(findTemplateText('说明情况（200字以内）')).toEqual([[4, 12]]);
    const spaced = '说明情况（ 限 300 字 ）';
    expect(findTemplateText(spaced)).toEqual([[4, spaced.length]]);
  });

  it('finds nothing in text whose 字 follows no digit', () => {
    expect(findTemplateText('字\n字\n字')).toEqual([]);
    expect(findTemplateText('文字材料（二百字以内）')).toEqual([]);
  });

  it('finds the other patterns without a 字', () => {
    const text = '结合自评情况，说明项目自评总分。';
    expect(findTemplateText(text)).toEqual([[0, text.length]]);
    expect(findTemplateText('20XX年度')).toEqual([[0, 4]]);
  });
});

describe('labelKind', () => {
  it('classifies every kind of label as before', () => {
    expect(labelKind('附件2')).toBe('attachment');
    expect(labelKind('邵东办字〔2020〕41号')).toBe('docNumber');
    expect(labelKind('—3—')).toBe('pageNumber');
    expect(labelKind('第 3 页 共 8 页')).toBe('pageNumber');
    expect(labelKind('浏览次数：120')).toBe('chrome');
    expect(labelKind('（此页为封面）')).toBe('chrome');
    expect(labelKind('2021年3月5日')).toBe('date');
    expect(labelKind('2021.03.05')).toBe('date');
    expect(labelKind(' 2021-03-05')).toBe('date');
    expect(labelKind('邵东县财政局（制）')).toBe('issuer');
  });

  it('leaves prose and empty text unclassified', () => {
    expect(labelKind('项目实施情况良好')).toBeUndefined();
    expect(labelKind('字')).toBeUndefined();
    expect(labelKind('')).toBeUndefined();
  });
});

describe('placeholderKind', () => {
  it('reads placeholders with brackets, white space and zero-width characters', () => {
    expect(placeholderKind('（略）')).toBe('omitted');
    expect(placeholderKind(' 暂 无 ')).toBe('none');
    expect(placeholderKind('无\u200b。')).toBe('none');
    expect(placeholderKind('—')).toBe('none');
  });

  it('leaves short content alone', () => {
    expect(placeholderKind('项目已完成')).toBeUndefined();
    expect(placeholderKind('无重大问题。')).toBeUndefined();
  });
});

describe('findTocs', () => {
  it('opens a table of contents at a spread-out 目 录 and at 目錄', () => {
    for (const header of ['目 录', '目錄', '　目　次　']) {
      const text = `${header}\n一、基本情况\n二、绩效目标\n一、基本情况\n正文。\n`;
      expect(findTocs(text, splitLines(text), undefined)).toEqual([[0, 2]]);
    }
  });

  it('finds none where 目 stands in a short line of prose', () => {
    const text = '项目目标\n一、基本情况\n正文。\n';
    expect(findTocs(text, splitLines(text), undefined)).toEqual([]);
    expect(parse(text).children.some((n) => n.type === 'toc')).toBe(false);
  });
});
