/**
 * The CLI checks a configuration's shape by hand (src/node/config.ts), so that it does not
 * load zod; the zod schema it ships as config.schema.json (src/node/config-schema.ts) says
 * the same. These tests hold the two to the same answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkConfig } from '../../src/node/config.js';
import { CliConfigSchema } from '../../src/node/config-schema.js';

const agree = (data: unknown) => {
  const zod = CliConfigSchema.safeParse(data);
  const hand = checkConfig(data);
  expect(hand === undefined, `${JSON.stringify(data)}: zod ${JSON.stringify(zod.error?.issues[0])}`).toBe(zod.success);
  return { zod, hand };
};

describe('the hand-written check of a configuration', () => {
  it('accepts what the schema accepts and names the key the schema names', () => {
    for (const good of [
      {},
      { $schema: './node_modules/jixiao/dist/config.schema.json' },
      { profile: 'hunan-dept-overall', locale: 'en', maxWarnings: 0 },
      { profile: { id: 'mine', name: '我的', slots: [{ id: 'basic', title: '基本情况' }] } },
      { rules: { 'numbering-style': 'off', 'no-empty-annex': 2, 'rate-consistency': ['error', { tolerance: 0.5 }] } },
      { rules: { 'no-template-text': ['warn'] } },
      { encoding: 'gb18030', maxSize: 1024, ignore: ['drafts/**', '!drafts/final.txt'] },
      { maxExpandedSize: 10_000_000, timeout: 2.5, maxMemory: 512 },
    ])
      agree(good);
    for (const [bad, key] of [
      [{ rulez: {} }, ''],
      [{ rules: { 'numbering-style': 'sometimes' } }, 'rules.numbering-style'],
      [{ rules: { 'numbering-style': ['warn', {}, 'extra'] } }, 'rules.numbering-style'],
      [{ rules: { 'numbering-style': [] } }, 'rules.numbering-style'],
      [{ rules: [] }, 'rules'],
      [{ locale: 'fr' }, 'locale'],
      [{ maxWarnings: -1 }, 'maxWarnings'],
      [{ maxWarnings: 1.5 }, 'maxWarnings'],
      [{ maxSize: 0 }, 'maxSize'],
      [{ maxExpandedSize: 1.5 }, 'maxExpandedSize'],
      [{ timeout: 0 }, 'timeout'],
      [{ timeout: '60' }, 'timeout'],
      [{ maxMemory: 8 }, 'maxMemory'],
      [{ encoding: 'big5' }, 'encoding'],
      [{ ignore: 'drafts' }, 'ignore'],
      [{ ignore: ['a', 3] }, 'ignore.1'],
      [{ profile: 3 }, 'profile'],
      [{ $schema: 1 }, '$schema'],
    ] as const) {
      const { zod, hand } = agree(bad);
      expect(hand?.key).toBe(key);
      expect(zod.error!.issues[0]!.path.join('.')).toBe(key);
    }
    expect(checkConfig([])?.problem.en).toBe('expected an object, got []');
    // Unknown keys are worded as zod words them (in English and, with its zhCN locale, Chinese).
    const unknown = checkConfig({ rulez: {}, lang: 'en' })!;
    expect(unknown.problem).toEqual({
      en: CliConfigSchema.safeParse({ rulez: {}, lang: 'en' }).error!.issues[0]!.message,
      'zh-CN': CliConfigSchema.safeParse({ rulez: {}, lang: 'en' }, { error: z.locales.zhCN().localeError }).error!
        .issues[0]!.message,
    });
    // Every key the schema has, in its order: the hand check cannot lag behind a key added to it.
    expect(unknown.allowed).toEqual(Object.keys(CliConfigSchema.shape).filter((k) => k !== '$schema'));
    expect(unknown.allowed).toContain('maxMemory');
  });

  it('agrees with the schema on generated configurations', () => {
    const anyOf = <T>(good: fc.Arbitrary<T>) => fc.oneof(good, fc.anything());
    const severity = fc.constantFrom('off', 'warn', 'error', 0, 1, 2, 3, 'on');
    const config = fc.record(
      {
        profile: anyOf(fc.string()),
        rules: anyOf(
          fc.dictionary(
            fc.constantFrom('numbering-style', 'no-empty-annex', 'x'),
            fc.oneof(severity, fc.array(fc.oneof(severity, fc.object()), { maxLength: 3 })),
          ),
        ),
        locale: anyOf(fc.constantFrom('zh-CN', 'en', 'fr')),
        maxWarnings: anyOf(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double())),
        encoding: anyOf(fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk')),
        maxSize: anyOf(fc.integer({ min: -2, max: 5 })),
        maxExpandedSize: anyOf(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double())),
        timeout: anyOf(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double())),
        maxMemory: anyOf(fc.integer({ min: 10, max: 20 })),
        ignore: anyOf(fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 })),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    );
    // A profile object is checked by the core's profile reader after the shape (as for profiles given in code).
    fc.assert(
      fc.property(config, (data) => {
        if (typeof data.profile === 'object' && data.profile !== null && !Array.isArray(data.profile))
          delete data.profile;
        agree(data);
      }),
      { numRuns: 1000 },
    );
  });
});
