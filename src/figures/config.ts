import { countParser } from './parsers/count.js';
import { dateParser } from './parsers/date.js';
import { docRefParser } from './parsers/doc-ref.js';
import { measureParser } from './parsers/measure.js';
import { moneyParser } from './parsers/money.js';
import { percentParser } from './parsers/percent.js';
import { removeOverlaps } from './refiners/overlaps.js';
import { dropQuotedNames } from './refiners/quoted-names.js';
import type { FigureConfig } from './types.js';

/**
 * The default recognisers: a fresh object each call, so users can add or replace
 * parsers and refiners without touching anyone else's configuration.
 *
 * @example
 *   const config = defaultFigureConfig();
 *   config.parsers.push(myPhoneNumberParser);
 *   parse(text, { figures: config });
 */
export function defaultFigureConfig(): FigureConfig {
  return {
    parsers: [docRefParser, dateParser, moneyParser, percentParser, measureParser, countParser],
    refiners: [dropQuotedNames, removeOverlaps],
  };
}
