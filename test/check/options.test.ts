import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { check, extract, JixiaoError, jixiaoParse, parse, type ParseOptions } from '../../src/index.js';
import { fromMarkdown, remarkJixiao } from '../../src/markdown.js';

const text = '某局2020年度部门整体支出绩效自评报告\n一、基本情况\n9月7日召开会议，支出520万元。\n';

/** The JixiaoError `run` throws (fails the test when it throws nothing or something else). */
function thrown(run: () => unknown): JixiaoError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(JixiaoError);
    return error as JixiaoError;
  }
  throw new Error('expected a JixiaoError, nothing was thrown');
}

describe('options are checked once, with an error naming the option', () => {
  // Found in issue 12: `year: 2020.5` gave dates `2020.5-09-07`, `year: '2020'` gave `20200-09-07`,
  // `figures: {}` or `null` a TypeError deep inside recognition.
  it.each([
    [{ year: 2020.5 }, 'year', 'option "year": expected a four-digit year such as 2020, got 2020.5'],
    [{ year: '2020' }, 'year', 'option "year": expected a four-digit year such as 2020, got "2020" (a string)'],
    [{ year: 20 }, 'year', 'option "year": expected a four-digit year such as 2020, got 20'],
    [{ figures: {} }, 'figures', 'option "figures": expected false or { parsers, refiners }'],
    [{ figures: null }, 'figures', 'option "figures": expected false or { parsers, refiners }'],
    [{ figures: { parsers: [{}], refiners: [] } }, 'figures', 'option "figures": expected false or { parsers'],
    [{ format: 'docx' }, 'format', 'option "format": jixiao reads plain text; got "docx" (a string)'],
  ])('parse(text, %j)', (options, key, message) => {
    // Markdown's reader says what it reads itself.
    const markdownMessage =
      key === 'format' ? 'option "format": fromMarkdown reads Markdown; got "docx" (a string)' : message;
    for (const [run, says] of [
      () => parse(text, options as ParseOptions),
      () => extract(text, options as ParseOptions),
      () => check(text, options as ParseOptions),
      () =>
        unified()
          .use(jixiaoParse, options as ParseOptions)
          .freeze(),
      () =>
        unified()
          .use(remarkParse)
          .use(remarkJixiao, options as ParseOptions)
          .freeze(),
      () => fromMarkdown(text, options as ParseOptions),
    ].map((run, i) => [run, i < 4 ? message : markdownMessage] as const)) {
      const error = thrown(run);
      expect(error.code).toBe('options');
      expect(error.key).toBe(key);
      expect(error.message.startsWith(says), error.message).toBe(true);
    }
  });

  it('takes good options as before', () => {
    const dates = extract(text, { year: 2019 }).filter((r) => r.kind === 'date');
    expect(dates.map((d) => ('value' in d ? d.value : null))).toEqual(['2020', '2019-09-07']);
    expect(extract(text, { figures: false })).toEqual([]);
    expect(parse('一、基本情况\n', { format: 'text' } as ParseOptions).data.format).toBe('text');
  });

  it('rejects options that are not an object, and a report that is neither text nor a tree', () => {
    expect(thrown(() => parse(text, 2020 as never)).message).toBe(
      'options: expected an object such as { year: 2020 }, got 2020',
    );
    expect(thrown(() => check(undefined as never)).code).toBe('options');
    expect(thrown(() => extract({ type: 'root', children: [] } as never)).message).toMatch(
      /^expected a report's text or its tree \(from parse\(\)\), got \{"type":"root"/,
    );
  });

  it('checks check’s own options: locale and rules', () => {
    const locale = thrown(() => check(text, { locale: 'fr' as never }));
    expect([locale.code, locale.key, locale.message]).toEqual([
      'options',
      'locale',
      'option "locale": expected "zh-CN" or "en", got "fr" (a string)',
    ]);
    expect(thrown(() => check(text, { rules: ['numbering-style'] as never })).key).toBe('rules');
  });

  it('names the rule and the option in bad rule settings (code config)', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { 'rate-consistency': ['error', { tolerance: -1 }] },
        'rule "rate-consistency": invalid options: "tolerance" must be a number ≥ 0, got -1. See docs/rules/rate-consistency.md for the options it takes.',
      ],
      [
        { 'rate-consistency': ['error', { tolerence: 1 }] },
        'rule "rate-consistency": invalid options: unknown option "tolerence"; it takes "tolerance". See docs/rules/rate-consistency.md for the options it takes.',
      ],
      [
        { 'numbering-style': ['warn', { strict: true }] },
        'rule "numbering-style": invalid options: unknown option "strict"; it takes no options. See docs/rules/numbering-style.md for the options it takes.',
      ],
      [
        { 'date-out-of-range': ['error', { maxYearsAfter: 1.5 }] },
        'rule "date-out-of-range": invalid options: "maxYearsAfter" must be a whole number ≥ 0, got 1.5. See docs/rules/date-out-of-range.md for the options it takes.',
      ],
      [
        { 'score-grade-mismatch': ['error', { bands: { 优: 90 } }] },
        'rule "score-grade-mismatch": invalid options: "bands" must be an object of numbers with exactly the keys 优, 良, 中, 差, got {"优":90}. See docs/rules/score-grade-mismatch.md for the options it takes.',
      ],
      [
        { 'no-placeholder-section': ['error', 'allowNone'] },
        'rule "no-placeholder-section": invalid options: expected an object of options, got "allowNone". See docs/rules/no-placeholder-section.md for the options it takes.',
      ],
    ];
    for (const [rules, message] of cases) {
      const error = thrown(() => check(text, { rules: rules as never }));
      expect([error.code, error.key, error.message]).toEqual(['config', `rules.${Object.keys(rules)[0]}`, message]);
    }
  });

  it('fills in the defaults of options left out, and takes each rule’s options', () => {
    const report = '一、存在的问题\n保密\n二、改进措施\n无\n';
    const ids = (rules: Record<string, unknown>) =>
      check(report, { profile: 'generic', rules: rules as never }).map((m) => m.ruleId);
    expect(ids({})).toContain('no-placeholder-section');
    expect(ids({ 'no-placeholder-section': ['error', { allowWithheld: true, allowNone: true }] })).not.toContain(
      'no-placeholder-section',
    );
    expect(ids({ 'no-placeholder-section': ['error', {}] })).toContain('no-placeholder-section');
  });
});

describe('errors in both languages', () => {
  it('tell each mistake in Chinese with messageIn, and in English as the message', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => parse(text, { year: '2020' } as never), '选项“year”应为四位数的年度，如 2020，收到 "2020"（字符串）'],
      [() => parse(text, 2020 as never), '选项应为一个对象，如 { year: 2020 }，收到 2020'],
      [() => check(text, { locale: 'fr' as never }), '选项“locale”应为 "zh-CN" 或 "en"，收到 "fr"（字符串）'],
      [() => check(text, { rules: { 'no-such-rule': 'error' } as never }), '没有规则“no-such-rule”；现有规则：'],
      [
        () => check(text, { rules: { 'date-out-of-range': ['error', { maxYearsAfter: 1.5 }] } }),
        '规则“date-out-of-range”的选项无效：“maxYearsAfter”应为不小于 0 的整数，收到 1.5。可用的选项见 docs/rules/date-out-of-range.md。',
      ],
      [
        () => check(text, { rules: { 'numbering-style': ['warn', { strict: true }] } as never }),
        '规则“numbering-style”的选项无效：没有选项“strict”；该规则没有选项。',
      ],
      [() => check(text, { profile: 'hunan' }), '没有报告类型（profile）“hunan”；请用 hunan-dept-overall、'],
      [
        () => check(text, { profile: { id: 'city', name: '某市', slots: [{ id: 'goals', title: '' }] } }),
        '报告类型（profile）无效：“slots.0.title”不能为空',
      ],
    ];
    for (const [run, zh] of cases) {
      const error = thrown(run);
      expect(error.messageIn('zh-CN')).toContain(zh);
      expect(error.messageIn('en')).toBe(error.message);
      expect(error.message).not.toMatch(/[\u4e00-\u9fff]/u); // the library's message stays English
    }
  });

  it('say their own message in any language when made with one', () => {
    const error = new JixiaoError('something wrong', { code: 'options' });
    expect([error.messageIn('zh-CN'), error.messageIn('en'), error.reason]).toEqual([
      'something wrong',
      'something wrong',
      undefined,
    ]);
  });
});
