import { INVALID_PROFILE, jixiaoError, type ProfileProblem } from '../../errors.js';
import type { Profile, ProfileInput, Slot } from './schema.js';

const KEBAB = /^[a-z][a-z0-9-]*$/;

type Problems = ProfileProblem[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, path: string, problems: Problems, { id = '', nonEmpty = false } = {}): string {
  if (typeof value !== 'string') problems.push({ path, expected: 'string', got: value });
  else if (id && !KEBAB.test(value)) problems.push({ path, expected: 'kebab-case', like: id, got: value });
  else if (nonEmpty && value.length === 0) problems.push({ path, expected: 'non-empty' });
  return value as string;
}

function flag(value: unknown, fallback: boolean, path: string, problems: Problems): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') problems.push({ path, expected: 'boolean', got: value });
  return value as boolean;
}

function words(value: unknown, path: string, problems: Problems, nonEmpty = false): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ path, expected: 'strings', got: value });
    return [];
  }
  value.forEach((w, i) => text(w, `${path}.${i}`, problems, { nonEmpty }));
  return value as string[];
}

function slot(value: unknown, path: string, problems: Problems): Slot {
  if (!isObject(value)) {
    problems.push({ path, expected: 'slot', got: value });
    return value as unknown as Slot;
  }
  return {
    id: text(value.id, `${path}.id`, problems, { id: 'basic-info' }),
    title: text(value.title, `${path}.title`, problems, { nonEmpty: true }),
    synonyms: words(value.synonyms, `${path}.synonyms`, problems, true),
    required: flag(value.required, true, `${path}.required`, problems),
    annex: flag(value.annex, false, `${path}.annex`, problems),
    allowWithheld: flag(value.allowWithheld, false, `${path}.allowWithheld`, problems),
    allowNone: flag(value.allowNone, false, `${path}.allowNone`, problems),
  };
}

/**
 * Checks a profile as users write it (`jixiao/profile.schema.json` describes it) and fills
 * in the defaults, the way `ProfileSchema.parse` does, without zod in the core. Every
 * problem is named with its path; keys the schema does not know are dropped, as zod does.
 *
 * @example
 *   readProfile({ id: 'city', name: '某市', slots: [{ id: 'goals', title: '绩效目标' }] }).slots[0].required // true
 *   readProfile({ id: 'Bad Id', name: 'x', slots: [] })
 *   // throws JixiaoError: invalid profile: "id" must be kebab-case (hunan-dept-overall), got "Bad Id"; "slots" …
 */
export function readProfile(given: ProfileInput | unknown): Profile {
  const problems: Problems = [];
  let profile: Profile | undefined;
  if (!isObject(given)) problems.push({ path: '', expected: 'object', got: given });
  else {
    profile = {
      id: text(given.id, 'id', problems, { id: 'hunan-dept-overall' }),
      name: text(given.name, 'name', problems),
      ...(given.source === undefined ? {} : { source: text(given.source, 'source', problems) }),
      titleWords: words(given.titleWords, 'titleWords', problems),
      slots: [],
    };
    if (!Array.isArray(given.slots) || given.slots.length === 0) {
      problems.push({ path: 'slots', expected: 'slots', got: given.slots });
    } else {
      profile.slots = given.slots.map((s, i) => slot(s, `slots.${i}`, problems));
    }
  }
  if (problems.length > 0 || !profile) {
    throw jixiaoError(INVALID_PROFILE, { problems }, { key: 'profile' });
  }
  return profile;
}
