import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultFigureConfig,
  extract,
  parse,
  type FigureContext,
  type FigureParser,
  type FigureRecord,
} from '../../src/index.js';
import { toMarkdown } from '../../src/markdown.js';
import { recognize } from '../../src/figures/recognize.js';
import { isDigit } from '../../src/text/chars.js';
import { isCjkNumberFirst } from '../../src/text/numerals.js';
import { expectValidTree } from '../helpers/invariants.js';

/** Characters figures are made of, and what stands around them. */
const ALPHABET = [
  ...'0123456789１２.,，一二两三五九十百千万亿兆点余多至-~负%％‰成元块钱角分美港RMB￥¥ 年月日号度季上下半今去第令',
  ...'〔〕[]()（）、；。，增长下降提高OIl字财办函之约以上左右个名人项天吨亩\n',
];
const figureish = fc
  .array(fc.mapToConstant({ num: ALPHABET.length, build: (i) => ALPHABET[i]! }), { maxLength: 60 })
  .map((a) => a.join(''));
/** A text with a span inside it: `[from, to)`. */
const spanned = figureish.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
    .map(([a, b]) => ({ text, from: Math.min(a, b), to: Math.max(a, b) })),
);

const parsers = defaultFigureConfig().parsers;

describe('figures stay inside the span they are given (issue 12: 1.5余万元 spilled into the next leaf)', () => {
  it('every built-in parser returns figures inside [from, to), with their exact source', () => {
    fc.assert(
      fc.property(spanned, fc.constantFrom(undefined, 2020), ({ text, from, to }, year) => {
        for (const parser of parsers) {
          const ctx: FigureContext = { text, from, to, year };
          for (const f of parser.find(ctx)) {
            expect(f.start, `${parser.name} in ${JSON.stringify(text)} [${from}, ${to})`).toBeGreaterThanOrEqual(from);
            expect(f.end, `${parser.name} in ${JSON.stringify(text)} [${from}, ${to})`).toBeLessThanOrEqual(to);
            expect(f.start).toBeLessThan(f.end);
            expect(f.value).toBe(text.slice(f.start, f.end));
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('gives valid, lossless trees on figure-like text (signs, ranges, OCR letters, 兆, document numbers)', () => {
    fc.assert(
      fc.property(figureish, fc.constantFrom(undefined, 2020), (input, year) => {
        const tree = parse(input, year === undefined ? {} : { year });
        expectValidTree(input, tree, { checkColumns: false });
        for (const record of extract(tree) as FigureRecord[])
          if (record.kind !== 'event') expect(record.text).toBe(input.slice(record.start, record.end));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps 1.5余万元 in one leaf and writes it back once', () => {
    const input = '1.5余万元绩效报告';
    const tree = parse(input);
    expectValidTree(input, tree);
    expect(toMarkdown(tree).split('余万元')).toHaveLength(2);
  });

  it('reads nothing past the end of a span even where the text goes on (余万元, 以上, 元)', () => {
    const text = '资金1.5余万元以上';
    const found = recognize(defaultFigureConfig(), { input: text, from: 0, to: 5 });
    expect(found.every((f) => f.end <= 5)).toBe(true);
  });
});

describe('the parsers’ registration (firstChars)', () => {
  it('is honest: a span holding none of a parser’s first characters gives it nothing', () => {
    fc.assert(
      fc.property(spanned, ({ text, from, to }) => {
        for (const parser of parsers) {
          const chars = new Set(parser.firstChars);
          let holds = false;
          for (let i = from; i < to; i++) if (chars.has(text[i]!)) holds = true;
          if (!holds) expect(parser.find({ text, from, to, year: 2020 })).toEqual([]);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('names exactly the characters a number starts with, for the quantity parsers (over every code unit)', () => {
    const money = parsers.find((p) => p.name === 'money')!;
    const listed = new Set(money.firstChars);
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const starts = isDigit(c) || isCjkNumberFirst(c);
      if (starts !== listed.has(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('is given by every built-in parser', () => {
    for (const parser of parsers) expect(parser.firstChars?.length, parser.name).toBeGreaterThan(0);
  });

  it('lets a user parser without it run on every span, and one with it be skipped where it cannot start', () => {
    const seen: string[] = [];
    const spy = (name: string, firstChars?: string): FigureParser => ({
      name,
      ...(firstChars === undefined ? {} : { firstChars }),
      find: ({ text, from, to }) => {
        seen.push(`${name}:${text.slice(from, to)}`);
        return [];
      },
    });
    const open = defaultFigureConfig();
    open.parsers.push(spy('any'));
    parse('一、概况\n\n无', { figures: open });
    expect(seen.filter((s) => s.startsWith('any:'))).toContain('any:无');

    seen.length = 0;
    const closed = defaultFigureConfig();
    closed.parsers.push(spy('phone', '0123456789'));
    parse('一、概况\n\n无\n\n电话12345', { figures: closed });
    expect(seen).toEqual(['phone:电话12345']);
  });
});

describe('the context a parser sees', () => {
  it('holds the text, the span and the reference year only: no caches in the plugin API', () => {
    const contexts: FigureContext[] = [];
    const config = defaultFigureConfig();
    config.parsers.push({
      name: 'spy',
      find: (ctx) => {
        contexts.push(ctx);
        return [];
      },
    });
    parse('资金5万元，完成3项。', { figures: config, year: 2021 });
    expect(contexts).toHaveLength(1);
    expect(Object.keys(contexts[0]!).sort()).toEqual(['from', 'text', 'to', 'year']);
    expect(contexts[0]).toMatchObject({ text: '资金5万元，完成3项。', year: 2021 });
  });
});

describe('numbers no double holds (issue 12: 1 and 309 zeros 元 became Infinity)', () => {
  const huge = '1' + '0'.repeat(309);

  it('keep their digits in the text, give no value and say why', () => {
    const input = `预算${huge}元。`;
    const tree = parse(input);
    expectValidTree(input, tree);
    const [record] = extract(tree);
    expect(record).toMatchObject({ kind: 'money', text: `${huge}元`, value: null, flags: 'overflow' });
    expect(JSON.stringify(tree)).not.toContain('null');
  });

  it('flag amounts beyond 2^53 − 1 yuan, and keep those below it', () => {
    expect(extract('资金9007199254740991元')[0]).toMatchObject({ value: 9007199254740991, flags: null });
    expect(extract('资金90071992547409920元')[0]).toMatchObject({ value: null, flags: 'overflow' });
    expect(extract(`面积${huge}亩`)[0]).toMatchObject({ kind: 'measure', value: null, flags: 'overflow' });
    expect(extract(`共${huge}-${huge}个`)[0]).toMatchObject({ kind: 'count', min: null, max: null, flags: 'overflow' });
  });
});
