import type { MarkerStyle } from '../../tree/schema.js';
import { renumber } from '../fix.js';
import { defineRule } from '../types.js';
import { siblingSections } from '../walk.js';

const EXAMPLE: Record<MarkerStyle, string> = {
  part: '第一部分',
  cjk: '一、',
  'cjk-paren': '（一）',
  arabic: '1.',
  decimal: '1.1',
  'arabic-paren': '（1）',
  circled: '①',
  enumeration: '一是',
  none: '一、',
};

/** A marker whose style differs from its siblings' (the seed's `2、` among `一、三、四、五、`). */
export const numberingStyle = defineRule({
  id: 'numbering-style',
  severity: 'warn',
  summary: { zh: '同级编号样式不一致', en: 'a marker’s style differs from its siblings’' },
  options: {},
  check({ tree, report }) {
    for (const siblings of siblingSections(tree)) {
      if (siblings.length < 3) continue;
      const counts = new Map<MarkerStyle, number>();
      for (const s of siblings) counts.set(s.marker.style, (counts.get(s.marker.style) ?? 0) + 1);
      const [style, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      if (n * 2 <= siblings.length) continue;
      const model = siblings.find((s) => s.marker.style === style)!;
      for (const s of siblings) {
        if (s.marker.style === style) continue;
        const marker = s.children[0].children[0] ?? s.children[0];
        // The fix: this marker's ordinal in the siblings' shape (`2、` among `一、三、` → `二、`).
        const fixed = renumber(model.marker.raw, style, s.marker.ordinal);
        report(
          marker,
          {
            zh: `编号“${s.marker.raw}”与同级编号样式（如“${model.marker.raw}”）不一致，应使用“${EXAMPLE[style]}”式编号`,
            en: `Unexpected marker “${s.marker.raw}”, expected the siblings’ style (“${model.marker.raw}”)`,
          },
          { actual: s.marker.raw, ...(fixed ? { expected: [fixed] } : {}) },
        );
      }
    }
  },
});
