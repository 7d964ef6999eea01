import { defineRule } from '../types.js';

/** A slot the profile requires has no section. */
export const requiredSection = defineRule({
  id: 'required-section',
  severity: 'error',
  summary: { zh: '缺少模板要求的章节', en: 'a section the profile requires is missing' },
  options: {},
  check({ tree, match, report }) {
    const { profile, sections, bySlot } = match;
    profile.slots.forEach((slot, index) => {
      if (!slot.required || bySlot.has(slot.id)) return;
      // Point at the section the missing one should come before, or at the end.
      const later = sections.find((s) => s.slots.some((x) => profile.slots.indexOf(x) > index));
      const node = later?.section ?? sections[sections.length - 1]?.section ?? tree;
      report(
        node,
        {
          zh: `缺少“${slot.title}”部分，应有该章节（${profile.name}）`,
          en: `Missing section “${slot.title}”, expected one in a ${profile.id} report`,
        },
        { expected: [slot.title] },
      );
    });
  },
});
