import { renumber } from '../fix.js';
import { defineRule } from '../types.js';
import { siblingSections } from '../walk.js';

/** Ordinals that skip, repeat or restart among siblings (`一、二、四、`, `（一）（三）`). */
export const numberingSequence = defineRule({
  id: 'numbering-sequence',
  severity: 'warn',
  summary: { zh: '同级编号跳号、重号或倒序', en: 'sibling ordinals skip, repeat or go back' },
  options: {},
  check({ tree, report }) {
    for (const siblings of siblingSections(tree)) {
      let expected = 1;
      for (const s of siblings) {
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
