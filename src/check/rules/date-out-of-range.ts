import { numberOption } from '../options.js';
import { defineRule } from '../types.js';
import { leaves } from '../walk.js';

/** Impossible dates (`2月30日`, `13月`), and full dates too far after the fiscal year. */
export const dateOutOfRange = defineRule({
  id: 'date-out-of-range',
  severity: 'error',
  summary: { zh: '日期不存在或远超报告年度', en: 'a date is impossible or far outside the fiscal year' },
  options: {
    maxYearsAfter: numberOption(
      1,
      'how many years after the fiscal year a dated event may lie (the report is written the year after)',
      { min: 0, integer: true },
    ),
  },
  check({ tree, year, options, report }) {
    for (const leaf of leaves(tree).leaves) {
      if (leaf.type !== 'date') continue;
      if (!leaf.valid) {
        report(leaf, {
          zh: `日期“${leaf.value}”不存在，应核对`,
          en: `Unexpected impossible date “${leaf.value}”, expected a real calendar date`,
        });
        continue;
      }
      const stated = leaf.known.year;
      if (year === undefined || stated === undefined || leaf.known.day === undefined) continue;
      if (stated > year + options.maxYearsAfter) {
        report(leaf, {
          zh: `日期“${leaf.value}”晚于报告年度（${year}年）${stated - year}年，应核对`,
          en: `Unexpected date “${leaf.value}” ${stated - year} years after the fiscal year ${year}, expected at most ${options.maxYearsAfter}`,
        });
      }
    }
  },
});
