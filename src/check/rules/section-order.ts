import { sectionTitle } from '../../outline/outline.js';
import { defineRule } from '../types.js';

/** Top-level sections that fill the profile's slots out of order. */
export const sectionOrder = defineRule({
  id: 'section-order',
  severity: 'warn',
  summary: { zh: '章节顺序与模板不符', en: 'sections are out of the profile’s order' },
  options: {},
  check({ match, report }) {
    const { profile } = match;
    let furthest: { index: number; title: string; node: (typeof match.sections)[number]['section'] } | undefined;
    for (const { section, slots } of match.sections) {
      if (slots.length === 0) continue;
      let index = Infinity;
      for (const s of slots) index = Math.min(index, profile.slots.indexOf(s));
      if (furthest && index < furthest.index) {
        const title = sectionTitle(section);
        report(
          section.children[0],
          {
            zh: `章节“${title}”位置不当，应在“${furthest.title}”之前`,
            en: `Unexpected section “${title}” after “${furthest.title}”, expected it before`,
          },
          {
            cause: {
              node: furthest.node.children[0],
              wording: { zh: '后文章节在此', en: 'the later section is here' },
            },
          },
        );
      } else if (!furthest || index > furthest.index) {
        furthest = { index, title: sectionTitle(section), node: section };
      }
    }
  },
});
