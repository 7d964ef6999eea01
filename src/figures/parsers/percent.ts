import { readCjk, readNumber, skipBlank, valueOf, wordTable } from '../numbers.js';
import { quantityFigure, quantityParser } from '../quantity.js';
import type { FigureParser, Found } from '../types.js';

const UNITS = ['个百分点', '個百分點', '个千分点', '%', '％', '‰'] as const;
const unitWord = wordTable(UNITS);

/** Numbers followed by a percent unit. */
const quantityPercent = quantityParser('percent', (ctx, q, i) => {
  const { input, from, to } = ctx;
  if (i >= from + 3 && input.startsWith('百分之', i - 3)) return undefined;
  const j = skipBlank(input, q.end, to);
  const unit = unitWord(input, j);
  if (!unit) return undefined;
  const end = j + unit.length;
  return quantityFigure('percent', input, q, end, 0, unit === '％' ? '%' : unit);
});

/**
 * Percentages: `98.5%`, `98.5％`, `100-80%` (a range), `2.5个百分点` (percentage points,
 * their own unit), `0.07‰`, and `百分之九十` / `百分之95`.
 */
export const percentParser: FigureParser = {
  name: 'percent',
  find(ctx) {
    const { input, from, to } = ctx;
    const out: Found[] = quantityPercent.find(ctx);
    // 百分之九十, 百分之95.5 (scanned within the span: indexOf would run on to the end of the input)
    for (let i = from; i + 3 < to; i++) {
      if (input.charCodeAt(i) !== 0x767e /* 百 */ || !input.startsWith('分之', i + 1)) continue;
      const n = readNumber(input, i + 3, to) ?? readCjk(input, i + 3, to);
      if (!n) continue;
      out.push({
        type: 'percent',
        start: i,
        end: n.end,
        value: input.slice(i, n.end),
        amount: valueOf(n),
        min: undefined,
        max: undefined,
        approx: undefined,
        unit: '%',
      });
    }
    return out;
  },
};
