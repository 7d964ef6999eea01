import { describe, expect, it } from 'vitest';
import { defaultFigureConfig, parse, type Found } from '../../src/index.js';

describe('figures from parsers of the user', () => {
  it('keep every field the parser gave, also on a built-in type', () => {
    const config = defaultFigureConfig();
    config.parsers.push({
      name: 'tagged-money',
      find: ({ text: input, from, to }) => {
        const out: Found[] = [];
        const at = input.indexOf('专项', from);
        if (at >= 0 && at < to)
          out.push({
            type: 'money',
            start: at,
            end: at + 2,
            value: '专项',
            unit: '元',
            currency: 'CNY',
            source: 'ledger',
          } as Found);
        return out;
      },
    });
    const tree = parse('安排专项经费。', { figures: config });
    const paragraph = tree.children[0]!;
    if (paragraph.type !== 'paragraph') throw new Error('expected a paragraph');
    const money = paragraph.children.find((c) => c.type === 'money') as unknown as Record<string, unknown>;
    expect(money).toMatchObject({ type: 'money', value: '专项', source: 'ledger' });
  });
});

describe('refiners of the user', () => {
  it('may return figures in any order: the tree still has them in document order', () => {
    const config = defaultFigureConfig();
    config.refiners.push({ name: 'reverse', refine: (found) => found.slice().reverse() });
    const tree = parse('安排资金5万元，完成3项，执行率98%。', { figures: config });
    const paragraph = tree.children[0]!;
    if (paragraph.type !== 'paragraph') throw new Error('expected a paragraph');
    const figures = paragraph.children.filter((c) => c.type !== 'text');
    expect(figures.map((f) => f.type)).toEqual(['money', 'count', 'percent']);
    const offsets = paragraph.children.map((c) => c.position.start.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});
