import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProfile } from '../../src/check/profiles/read-profile.js';
import { JixiaoError, profiles, resolveProfile } from '../../src/index.js';
import { ProfileSchema } from '../../src/schema.js';

/** Values a profile's fields may take, right and wrong. */
const anyValue = fc.oneof(
  fc.constantFrom('basic-info', 'Bad Id', '', '基本情况', 'x-1'),
  fc.boolean(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.constantFrom('佐证材料', '', 'x'), { maxLength: 3 }),
);
const slot = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.constantFrom('problems', 'annex', 'Bad', '1x'), anyValue),
      title: fc.oneof(fc.constantFrom('存在的问题', ''), anyValue),
      synonyms: fc.oneof(fc.array(fc.constantFrom('存在问题', '问题', ''), { maxLength: 3 }), anyValue),
      required: fc.oneof(fc.boolean(), anyValue),
      annex: fc.boolean(),
      allowWithheld: fc.oneof(fc.boolean(), anyValue),
      allowNone: fc.boolean(),
      extra: anyValue,
    },
    { requiredKeys: ['id', 'title'] },
  ),
  anyValue,
);
const profile = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.constantFrom('city-project', 'Bad Id'), anyValue),
      name: fc.oneof(fc.constant('某市项目'), anyValue),
      source: fc.oneof(fc.constant('a source'), anyValue),
      titleWords: fc.oneof(fc.array(fc.constantFrom('项目', ''), { maxLength: 2 }), anyValue),
      slots: fc.oneof(fc.array(slot, { maxLength: 3 }), anyValue),
      unknownKey: anyValue,
    },
    { requiredKeys: ['id', 'name', 'slots'] },
  ),
  anyValue,
);

describe('profiles checked without zod', () => {
  it('accept and reject what ProfileSchema does, and fill in the same defaults', () => {
    fc.assert(
      fc.property(profile, (given) => {
        const zod = ProfileSchema.safeParse(given);
        let ours: unknown;
        let error: unknown;
        try {
          ours = readProfile(given);
        } catch (e) {
          error = e;
        }
        if (zod.success) expect(ours).toEqual(zod.data);
        else {
          expect(error).toBeInstanceOf(JixiaoError);
          expect((error as JixiaoError).message).toMatch(/^invalid profile: /);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('give the built-in profiles as ProfileSchema reads them', () => {
    for (const [id, builtin] of profiles) expect(ProfileSchema.parse(builtin), id).toEqual(builtin);
  });

  it('name every problem with its path', () => {
    expect(() =>
      resolveProfile({ id: 'Bad Id', name: 'x', slots: [{ id: 'ok', title: '', annex: 'yes' }] } as never),
    ).toThrow(
      'invalid profile: "id" must be kebab-case (hunan-dept-overall), got "Bad Id"; "slots.0.title" must not be empty; "slots.0.annex" must be true or false, got "yes"',
    );
  });
});
