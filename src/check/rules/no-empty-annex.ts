import { sectionTitle } from '../../outline/outline.js';
import type { Placeholder } from '../../tree/schema.js';
import { defineRule } from '../types.js';

/** The evidence annex (附件（佐证依据）) is empty or says 无. */
export const noEmptyAnnex = defineRule({
  id: 'no-empty-annex',
  severity: 'error',
  summary: { zh: '佐证附件为空或为“无”', en: 'the evidence annex is empty or says 无' },
  options: {},
  check({ match, report }) {
    for (const slot of match.profile.slots) {
      if (!slot.annex) continue;
      const section = match.bySlot.get(slot.id);
      // A missing annex is reported by required-section when the profile requires one.
      if (!section || !section.placeholder) continue;
      const title = sectionTitle(section);
      const body = section.children.find((n): n is Placeholder => n.type === 'placeholder');
      const said = body ? `“${body.value}”` : '空白';
      report(body ?? section.children[0], {
        zh: `佐证附件“${title}”为${said}，应附上佐证材料`,
        en: `Unexpected ${body ? `“${body.value}”` : 'empty body'} in the evidence annex “${title}”, expected supporting documents`,
      });
    }
  },
});
