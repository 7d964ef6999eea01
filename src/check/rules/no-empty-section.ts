import type { Section } from '../../tree/schema.js';
import { defineRule } from '../types.js';
import { sections } from '../walk.js';

/** A section with no content at all (and no subsections). */
export const noEmptySection = defineRule({
  id: 'no-empty-section',
  severity: 'error',
  summary: { zh: '章节没有任何内容', en: 'a section has no content at all' },
  options: {},
  check({ tree, match, report }) {
    const isAnnex = (section: Section) =>
      match.profile.slots.some((s) => s.annex && match.bySlot.get(s.id) === section);
    for (const { section, title } of sections(tree)) {
      // The evidence annex has its own rule (no-empty-annex). A run-in heading with no
      // body after it (`四、几点建议拨款应更加及时` in a report with no line breaks) may
      // hold its body in its title: not reported.
      if (section.placeholder !== 'empty' || section.runIn || isAnnex(section)) continue;
      report(section.children[0], {
        zh: `章节“${title}”内容为空，应填写内容`,
        en: `Unexpected empty section “${title}”, expected content`,
      });
    }
  },
});
