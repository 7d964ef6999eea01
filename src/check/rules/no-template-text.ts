import { defineRule } from '../types.js';
import { leaves } from '../walk.js';

/**
 * An instruction to whoever fills in the form (a length limit, 结合自评情况，说明…): removing it is
 * the fix. Tokens such as XX or 20xx stand for missing content and have no mechanical fix.
 */
const INSTRUCTION = /^结合自评情况|[（(]\s*(?:限\s*)?\d{2,4}\s*字(?:以内|以下|左右)?\s*[)）]$/;

/** Template instructions or tokens left in: （200字以内）, 结合自评情况，说明…, XX, 20xx, □. */
export const noTemplateText = defineRule({
  id: 'no-template-text',
  severity: 'warn',
  summary: { zh: '残留模板说明或占位符', en: 'template instructions or tokens were left in' },
  options: {},
  check({ tree, report }) {
    const all = leaves(tree);
    for (let i = 0; i < all.leaves.length; i++) {
      const leaf = all.leaves[i]!;
      const block = all.blocks[i]!;
      if (leaf.type !== 'template') continue;
      // An unticked box on a cover form is an option not chosen, not a gap.
      if (/^□+$/.test(leaf.value) && (block.type === 'field' || block.type === 'label')) continue;
      report(
        leaf,
        {
          zh: `残留模板文字“${leaf.value}”，应删除或替换为实际内容`,
          en: `Unexpected template text “${leaf.value}”, expected the report’s own words`,
        },
        { actual: leaf.value, ...(INSTRUCTION.test(leaf.value) ? { expected: [''] } : {}) },
      );
    }
  },
});
