import { booleanOption } from '../options.js';
import type { Placeholder, Section } from '../../tree/schema.js';
import type { Slot } from '../profiles/index.js';
import { defineRule } from '../types.js';
import { sections } from '../walk.js';

const KIND = {
  withheld: { zh: '涉密不公开', en: 'withheld' },
  none: { zh: '无内容', en: 'none' },
  omitted: { zh: '省略', en: 'omitted' },
} as const;
/** `其他需要说明的问题：无` is a complete answer. */
const OTHER = /^其他/;

/** A section whose whole body is a placeholder: 保密, 无, 暂无, 略, / … */
export const noPlaceholderSection = defineRule({
  id: 'no-placeholder-section',
  severity: 'error',
  summary: { zh: '章节只有占位内容（保密、无、略等）', en: 'a section’s body is only a placeholder (保密, 无, 略 …)' },
  options: {
    allowWithheld: booleanOption(false, 'accept 保密 / 涉密 everywhere'),
    allowNone: booleanOption(false, 'accept 无 / 暂无 everywhere'),
  },
  check({ tree, match, options, report }) {
    // Made on the first placeholder met: most reports have none.
    let slotOf: Map<Section, Slot[]> | undefined;
    for (const { section, title } of sections(tree)) {
      const kind = section.placeholder;
      if (kind !== 'withheld' && kind !== 'none' && kind !== 'omitted') continue;
      slotOf ??= new Map(match.sections.map((m) => [m.section, m.slots]));
      const slots = slotOf.get(section) ?? [];
      if (slots.some((s) => s.annex)) continue; // no-empty-annex
      if (kind === 'withheld' && (options.allowWithheld || slots.some((s) => s.allowWithheld))) continue;
      if (kind === 'none' && (options.allowNone || slots.some((s) => s.allowNone) || OTHER.test(title))) continue;
      const body = section.children.find((n): n is Placeholder => n.type === 'placeholder');
      const value = body?.value ?? '';
      report(
        body ?? section.children[0],
        {
          zh: `章节“${title}”仅有占位内容“${value}”（${KIND[kind].zh}），应填写实际内容`,
          en: `Unexpected placeholder “${value}” (${KIND[kind].en}) as the body of “${title}”, expected content`,
        },
        { actual: value },
      );
    }
  },
});
