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

/** Which slots a heading fills: a heading may fill two (`存在的问题及改进措施`). */
function slotsFor(profile: Profile, title: string): Slot[] {
  const heading = normalizeHeading(title);
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

/**
 * Matches a report's top-level sections (the `一、` level, or whatever level it starts at) to a profile's slots.
 *
 * @example
 *   const match = matchProfile(parse(seed), resolveProfile('hunan-dept-overall'))
 *   match.bySlot.get('annex').marker.raw // '五、'
 */
export function matchProfile(tree: Report, profile: Profile): ProfileMatch {
  const top = tree.children.filter((n): n is Section => n.type === 'section');
  const sections = top.map((section) => ({ section, slots: slotsFor(profile, sectionTitle(section)) }));
  const bySlot = new Map<string, Section>();
  for (const { section, slots } of sections)
    for (const slot of slots) if (!bySlot.has(slot.id)) bySlot.set(slot.id, section);
  return { profile, sections, bySlot };
}
