import { sectionTitle } from '../../outline/outline.js';
import type { Report, Section } from '../../tree/schema.js';
import type { Profile, Slot } from './schema.js';

/**
 * A heading reduced to what matters for matching: no marker, no white space, no
 * brackets or `（单位）`, no closing `。：`, 的 dropped, 及/和/与/、 alike, no leading year.
 *
 * @example
 *   normalizeHeading('部门（单位）整体支出绩效状况。') // '部门整体支出绩效状况'
 *   normalizeHeading('存在的问题和原因') // '存在问题及原因'
 */
export function normalizeHeading(title: string): string {
  return title
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]单位[)）]/g, '')
    .replace(/^(?:(?:19|20)\d\d|20[xX×]{2})?(?:本)?年度/, '')
    .replace(/[（()）【】[\]“”"《》]/g, '')
    .replace(/[。：:．.，,；;]+$/, '')
    .replace(/[和与、]/g, '及')
    .replace(/的/g, '');
}

/** Each profile's slot wordings, normalised once. */
const WORDINGS = new WeakMap<Profile, Array<{ slot: Slot; words: string[] }>>();

function wordings(profile: Profile): Array<{ slot: Slot; words: string[] }> {
  let list = WORDINGS.get(profile);
  if (!list) {
    list = profile.slots.map((slot) => ({
      slot,
      words: [slot.title, ...slot.synonyms].map(normalizeHeading).filter((w) => w.length > 0),
    }));
    WORDINGS.set(profile, list);
  }
  return list;
}

/** Which slots a normalised heading fills: a heading may fill two (`存在的问题及改进措施`). */
function slotsFor(profile: Profile, heading: string): Slot[] {
  if (!heading) return [];
  return wordings(profile)
    .filter(({ words }) => words.some((w) => heading.includes(w)))
    .map(({ slot }) => slot);
}

/** How a report's top-level sections fill a profile's slots. */
export interface ProfileMatch {
  profile: Profile;
  /** Each top-level section, in order, with the slots it fills. */
  sections: Array<{ section: Section; slots: Slot[] }>;
  /** The first section that fills each slot, by slot id. */
  bySlot: Map<string, Section>;
}

/** A report's top-level sections with their normalised headings: what every profile is matched against. */
export interface Headings {
  sections: Section[];
  headings: string[];
}

/**
 * The top-level sections of a report and their headings, normalised once: detection
 * matches every built-in profile against them, and normalising each heading once per
 * profile (seven regular-expression passes each) cost 3 of the 29 µs of checking the parsed seed.
 */
export function headingsOf(tree: Report): Headings {
  const sections = tree.children.filter((n): n is Section => n.type === 'section');
  return { sections, headings: sections.map((s) => normalizeHeading(sectionTitle(s))) };
}

/**
 * Matches a report's top-level sections (the `一、` level, or whatever level it starts at) to a profile's slots.
 *
 * @example
 *   const match = matchProfile(parse(seed), resolveProfile('hunan-dept-overall'))
 *   match.bySlot.get('annex').marker.raw // '五、'
 */
export function matchProfile(tree: Report, profile: Profile): ProfileMatch {
  return matchHeadings(headingsOf(tree), profile);
}

/** {@link matchProfile} over headings normalised already. */
export function matchHeadings(top: Headings, profile: Profile): ProfileMatch {
  const sections = top.sections.map((section, i) => ({ section, slots: slotsFor(profile, top.headings[i]!) }));
  const bySlot = new Map<string, Section>();
  for (const { section, slots } of sections)
    for (const slot of slots) if (!bySlot.has(slot.id)) bySlot.set(slot.id, section);
  return { profile, sections, bySlot };
}
