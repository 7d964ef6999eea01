import type { Section } from '../../tree/schema.js';
import { renumber } from '../fix.js';
import { defineRule, NO_OPTIONS } from '../types.js';
import { childSections, sections } from '../walk.js';

/** Ordinals that skip, repeat or restart among siblings (`一、二、四、`, `（一）（三）`). */
export const numberingSequence = defineRule({
  id: 'numbering-sequence',
  severity: 'warn',
  summary: { zh: '同级编号跳号、重号或倒序', en: 'sibling ordinals skip, repeat or go back' },
  options: NO_OPTIONS,
  check({ tree, report }) {
    const parents: Array<Section | null> = [null, ...sections(tree).map((e) => e.section)];
    for (const parent of parents) {
      let expected = 1;
      for (const s of childSections(tree, parent)) {
        const { ordinal, raw, style } = s.marker;
        if (ordinal !== expected) {
          // The fix: the marker renumbered in its own shape; later siblings follow on the next pass.
          const fixed = renumber(raw, style, expected);
          const what =
            ordinal === expected - 1
              ? { zh: '重复', en: 'repeated' }
              : ordinal > expected
                ? { zh: '跳号', en: 'skipped to' }
                : { zh: '倒序', en: 'went back to' };
          report(
            s.children[0].children[0] ?? s.children[0],
            {
              zh: `编号“${raw}”${what.zh}，应为第${expected}项`,
              en: `Unexpected ordinal ${ordinal} in “${raw}” (${what.en}), expected ${expected}`,
            },
            { actual: raw, ...(fixed ? { expected: [fixed] } : {}) },
          );
        }
        expected = ordinal + 1;
      }
    }
  },
});
