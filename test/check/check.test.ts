import { unified } from 'unified';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { describe, expect, it } from 'vitest';
import {
  check,
  JixiaoError,
  detectProfile,
  jixiaoLint,
  jixiaoParse,
  parse,
  recommended,
  rules,
  type ReportNode,
} from '../../src/index.js';
import { profileJsonSchema } from '../../src/schema.js';
import { fixture } from '../helpers/fixtures.js';

const seed = fixture('seed-shaodong-2020.txt');

describe('check on the seed', () => {
  const messages = check(seed);

  it('reports exactly the three findings a reviewer makes, at the right places', () => {
    expect(
      messages.map((m) => [m.ruleId, m.line, m.column, m.place && 'end' in m.place ? m.place.end.line : null]),
    ).toEqual([
      ['no-placeholder-section', 7, 1, 7],
      ['numbering-style', 9, 1, 9],
      ['no-empty-annex', 27, 1, 27],
    ]);
    const [withheld, style, annex] = messages;
    expect(seed.slice((withheld!.place as { start: { offset: number } }).start.offset).startsWith('保密')).toBe(true);
    expect(style!.actual).toBe('2、');
    expect(annex!.reason).toBe('佐证附件“附件（佐证依据）”为“无”，应附上佐证材料');
  });

  it('detects the hunan-dept-overall profile', () => {
    expect(detectProfile(parse(seed)).profile.id).toBe('hunan-dept-overall');
  });

  it('gives messages every field vfile tools expect', () => {
    for (const m of messages) {
      expect(m.source).toBe('jixiao');
      expect(m.url).toBe(`https://github.com/jixiao-dev/jixiao/blob/main/docs/rules/${m.ruleId}.md`);
      expect(m.ancestors?.[0]?.type).toBe('report');
    }
    expect(messages.map((m) => m.fatal)).toEqual([true, false, true]);
    expect(messages[0]!.ancestors!.map((n) => n.type)).toEqual(['report', 'section']);
  });

  it('gives a leaf its whole chain of ancestors, each holding the next', () => {
    const tree = parse('一、基本情况\n（一）职能\n本单位负责全县工作。说明情况（200字以内）');
    const [message] = check(tree).filter((m) => m.ruleId === 'no-template-text');
    const chain = message!.ancestors as ReportNode[];
    expect(chain.map((n) => n.type)).toEqual(['report', 'section', 'section', 'paragraph']);
    expect(chain[0]).toBe(tree);
    for (let i = 1; i < chain.length; i++)
      expect((chain[i - 1] as { children: ReportNode[] }).children).toContain(chain[i]);
    expect((chain[3] as { children: ReportNode[] }).children.some((c) => c.type === 'template')).toBe(true);
  });

  it('speaks English on request', () => {
    expect(check(seed, { locale: 'en' }).map((m) => m.reason)).toEqual([
      'Unexpected placeholder “保密” (withheld) as the body of “部门（单位）基本概况”, expected content',
      'Unexpected marker “2、”, expected the siblings’ style (“一、”)',
      'Unexpected “无” in the evidence annex “附件（佐证依据）”, expected supporting documents',
    ]);
  });
});

describe('configuration', () => {
  it('takes off | warn | error, 0 | 1 | 2 and [severity, options]', () => {
    expect(check(seed, { rules: { 'numbering-style': 'off' } }).map((m) => m.ruleId)).not.toContain('numbering-style');
    expect(check(seed, { rules: { 'numbering-style': 0 } }).map((m) => m.ruleId)).not.toContain('numbering-style');
    expect(check(seed, { rules: { 'numbering-style': 2 } }).find((m) => m.ruleId === 'numbering-style')!.fatal).toBe(
      true,
    );
    expect(
      check(seed, { rules: { 'no-placeholder-section': ['warn', { allowWithheld: true }] } }).map((m) => m.ruleId),
    ).not.toContain('no-placeholder-section');
  });

  it('rejects mistakes with errors that name the rule and the option', () => {
    expect(() => check(seed, { rules: { 'no-such-rule': 'error' } })).toThrow(
      /unknown rule "no-such-rule"; known rules: required-section/,
    );
    expect(() => check(seed, { rules: { 'numbering-style': 'loud' as never } })).toThrow(
      /rule "numbering-style": unknown severity "loud"/,
    );
    expect(() => check(seed, { rules: { 'rate-consistency': ['error', { tolerance: 'wide' }] } })).toThrow(JixiaoError);
    expect(() => check(seed, { rules: { 'rate-consistency': ['error', { tolerance: 'wide' }] } })).toThrow(
      /rule "rate-consistency": invalid options:[^]*tolerance/,
    );
    expect(() => check(seed, { rules: { 'rate-consistency': ['error', { tolerence: 1 }] } })).toThrow(/tolerence/);
  });

  it('lists every rule in the recommended preset', () => {
    expect(Object.keys(recommended())).toEqual(rules.map((r) => r.id));
    expect(Object.keys(recommended())).toHaveLength(20);
  });
});

describe('profiles', () => {
  it('takes a profile of the user’s own, and explains a bad one', () => {
    const mine = { id: 'city-project', name: '某市项目', slots: [{ id: 'goals', title: '绩效目标完成情况' }] };
    const messages = check(seed, {
      profile: mine,
      rules: { 'numbering-style': 'off', 'no-placeholder-section': 'off' },
    });
    expect(messages.map((m) => m.reason)).toEqual([expect.stringContaining('缺少“绩效目标完成情况”部分')]);
    expect(() => check(seed, { profile: { id: 'Bad Id', name: 'x', slots: [] } })).toThrow(
      /invalid profile[^]*id[^]*slots/,
    );
    expect(() => check(seed, { profile: 'hunan' })).toThrow(
      /unknown profile "hunan"; use one of hunan-dept-overall, mof-project-2020, generic/,
    );
  });

  it('lets one heading fill two slots', () => {
    const text = '一、基本情况\n略述。\n二、存在的问题及改进措施\n资金拨付偏慢，下一步加快拨付。\n';
    expect(check(text, { profile: 'generic' }).filter((m) => m.ruleId === 'required-section')).toEqual([]);
  });

  it('takes 问题及改进措施 and its kin for the problems (and the measures) of every built-in profile', () => {
    const missing = (heading: string, profile: string) =>
      check(
        `一、基本情况\n项目按计划实施。\n二、绩效自评结果\n自评得分95分。\n三、${heading}\n部分资金拨付滞后，将加快进度。`,
        {
          profile,
        },
      )
        .filter((m) => m.ruleId === 'required-section')
        .map((m) => String(m.reason));
    for (const heading of ['问题及改进措施', '存在的问题及整改措施', '问题和建议']) {
      expect(missing(heading, 'generic'), heading).toEqual([]);
      for (const profile of ['hunan-dept-overall', 'mof-project-2020'])
        expect(
          missing(heading, profile).filter((r) => r.includes('问题')),
          `${heading} in ${profile}`,
        ).toEqual([]);
    }
  });

  it('ships a JSON Schema for profiles', () => {
    const schema = profileJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'name', 'slots']));
  });
});

describe('ignore directives', () => {
  const text = [
    '<!--jixiao disable no-placeholder-section-->',
    '一、部门（单位）基本概况',
    '保密',
    '<!--jixiao enable no-placeholder-section-->',
    '二、部门（单位）整体支出绩效状况',
    '全年支出520万元。',
    '三、存在的问题及原因',
    '暂无',
    '四、措施与建议',
    '加快进度。',
    '<!--jixiao ignore no-empty-annex-->',
    '五、附件（佐证依据）',
    '无',
  ].join('\n');

  it('disables, enables and ignores the next node only', () => {
    expect(check(text).map((m) => `${m.line} ${m.ruleId}`)).toEqual(['8 no-placeholder-section']);
  });

  it('does not count a directive as a section’s content', () => {
    const tree = parse(text);
    const first = tree.children.find((n) => n.type === 'section');
    expect(first?.type === 'section' && first.placeholder).toBe('withheld');
  });
});

describe('false positives a reviewer would be annoyed by', () => {
  it('does not take a real sentence starting with 无 for a placeholder', () => {
    const text = '一、存在的问题\n无重大问题，个别项目进度偏慢。\n二、改进措施\n加快进度。\n';
    expect(check(text, { profile: 'generic' })).toEqual([]);
  });

  it('does not compare a 其中 that refers to something else', () => {
    expect(
      check('共走访企业12个，其中发现问题15个。共召开会议5次，其中议题12个。', {
        profile: 'generic',
        rules: { 'required-section': 'off' },
      }),
    ).toEqual([]);
  });

  it('does not call a parent of non-empty subsections empty', () => {
    const text = '一、存在的问题\n（一）资金方面\n拨付偏慢。\n二、改进措施\n加快进度。\n';
    expect(check(text, { profile: 'generic' })).toEqual([]);
  });

  it('does not flag growth above 100% or history before the fiscal year', () => {
    const text = '一、存在的问题\n我局成立于1958年，收入同比增长120%。\n二、改进措施\n加快进度。\n';
    expect(check(text, { profile: 'generic', year: 2020 })).toEqual([]);
  });
});

describe('unified', () => {
  it('adds messages to the file so vfile-reporter shows them unchanged', async () => {
    const file = new VFile({ path: 'seed.txt', value: seed });
    const processor = unified().use(jixiaoParse).use(jixiaoLint);
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((m) => m.ruleId)).toEqual(['no-placeholder-section', 'numbering-style', 'no-empty-annex']);
    const report = reporter(file);
    expect(report).toContain('seed.txt');
    expect(report).toMatch(/7:1-7:3\s+error\s+章节“部门（单位）基本概况”仅有占位内容“保密”/);
    expect(report).toContain('2 errors');
  });
});
