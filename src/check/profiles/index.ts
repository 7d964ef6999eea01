import { jixiaoError, UNKNOWN_PROFILE } from '../../errors.js';
import type { Report } from '../../tree/schema.js';
import { BUILTIN_PROFILES } from './builtin.js';
import { headingsOf, matchHeadings, type ProfileMatch } from './match.js';
import { readProfile } from './read-profile.js';
import type { Profile, ProfileInput } from './schema.js';

/** The built-in profiles, checked (defaults filled in). */
export const profiles: ReadonlyMap<string, Profile> = /* @__PURE__ */ new Map(
  /* @__PURE__ */ BUILTIN_PROFILES.map((p) => {
    const profile = readProfile(p);
    return [profile.id, profile] as const;
  }),
);

/** A profile must match at least this many slots to be chosen over `generic`. */
const MIN_SLOTS = 3;

/**
 * Picks the built-in profile a report follows: the one whose slots its headings fill
 * best, a title word breaking ties (`整体支出`); `generic` when none fits.
 *
 * @example
 *   detectProfile(parse(seed)).profile.id // 'hunan-dept-overall'
 */
export function detectProfile(tree: Report): ProfileMatch {
  const title = tree.data.title ?? '';
  const top = headingsOf(tree);
  let best: { match: ProfileMatch; score: number } | undefined;
  // A report without sections fills no slot of any profile: matching each is pure cost, paid by
  // every one-paragraph report of a batch.
  for (const profile of top.sections.length > 0 ? profiles.values() : []) {
    if (profile.id === 'generic') continue;
    const match = matchHeadings(top, profile);
    const filled = match.bySlot.size;
    if (filled < MIN_SLOTS) continue;
    const score = filled + (profile.titleWords.some((w) => title.includes(w)) ? 0.5 : 0);
    if (!best || score > best.score) best = { match, score };
  }
  return best?.match ?? matchHeadings(top, profiles.get('generic')!);
}

/**
 * Resolves what the user gave as a profile: a built-in id, or a profile object
 * (checked against the schema, with an error that names what is wrong).
 *
 * @example
 *   resolveProfile('generic').slots.map((s) => s.id) // ['problems', 'measures', 'other', 'annex']
 *   resolveProfile('hunan') // throws JixiaoError: unknown profile "hunan"; use one of hunan-dept-overall, …
 */
export function resolveProfile(given: string | ProfileInput): Profile {
  if (typeof given === 'string') {
    const found = profiles.get(given);
    if (!found) {
      throw jixiaoError(UNKNOWN_PROFILE, { got: given, known: [...profiles.keys()] }, { key: 'profile' });
    }
    return found;
  }
  return readProfile(given);
}

export { matchProfile, normalizeHeading, type ProfileMatch } from './match.js';
export type { Profile, ProfileInput, Slot } from './schema.js';
