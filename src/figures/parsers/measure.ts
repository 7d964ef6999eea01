import { skipSpace } from '../../text/chars.js';
import { wordTable } from '../numbers.js';
import { plainQuantity, quantityFields, quantityParser, readOuter } from '../quantity.js';
import type { FigureParser } from '../types.js';

/** Physical units and durations, longest first. Years and months are dates, not measures. */
const UNITS = [
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '公顷',
  '公里',
  '千米',
  '厘米',
  '毫米',
  '亩',
  '吨',
  '千克',
  '公斤',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '㎡',
  'm²',
  'm³',
  'km',
  '个工作日',
  '个小时',
  '个季度',
  '个月',
  '小时',
  '天',
  '周',
  '米',
  '克',
  '升',
  '株',
  '头',
  '只',
] as const;

const unitWord = wordTable(UNITS);

/**
 * Physical measures and durations (`1.2万亩`, `1000㎡`, `860吨`, `3个月`, `2天`): their own
 * node, so that they are never read as counts or money.
 */
export const measureParser: FigureParser = quantityParser('measure', (ctx, q) => {
  const { text, from, to } = ctx;
  let j = skipSpace(text, q.end, to);
  // The value is in the base unit; the unit stays as written (`1.2万亩`: 12000, 万亩).
  let exponent = 0;
  const unitStart = j;
  if (q.low.script === 'arabic' && j < to && (text[j] === '万' || text[j] === '亿')) {
    exponent = text[j] === '万' ? 4 : 8;
    j++;
  }
  const unit = unitWord(text, j, to);
  if (!unit) return undefined;
  if (exponent > 0 && unit.startsWith('个')) return undefined;
  // `米` after a Chinese numeral is usually part of a name (`一米阳光`).
  if (unit === '米' && q.low.script === 'cjk') return undefined;
  const end = j + unit.length;
  const v = quantityFields(text, q, from, q.start, exponent, q.approx ?? readOuter(text, end, to)?.[1], false);
  return plainQuantity('measure', text, q.start, end, v, text.slice(unitStart, end));
});
