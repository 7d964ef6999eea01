import { countParser } from './parsers/count.js';
import { dateParser } from './parsers/date.js';
import { docRefParser } from './parsers/doc-ref.js';
import { measureParser } from './parsers/measure.js';
import { moneyParser } from './parsers/money.js';
import { percentParser } from './parsers/percent.js';
import { removeOverlaps } from './refiners/overlaps.js';
import { dropQuotedNames } from './refiners/quoted-names.js';
import type { FigureConfig, FigureParser, FigureRefiner } from './types.js';

/**
 * The default recognisers: a fresh object each call, so users can add or replace
 * parsers and refiners without touching anyone else's configuration.
 *
 * @example
 *   const config = defaultFigureConfig();
 *   config.parsers.push(myPhoneNumberParser);
 *   config.parsers.map((p) => p.name) // ['docRef', 'date', 'money', 'percent', 'measure', 'count', 'phone']
 *   extract(parse('全年支出520万元。', { figures: config })).map((r) => r.text) // ['520万元', …]
 */
export function defaultFigureConfig(): FigureConfig {
  return {
    parsers: [docRefParser, dateParser, moneyParser, percentParser, measureParser, countParser],
    refiners: [dropQuotedNames, removeOverlaps],
  };
}

const OWN = new Set<FigureParser | FigureRefiner>([
  docRefParser,
  dateParser,
  moneyParser,
  percentParser,
  measureParser,
  countParser,
  dropQuotedNames,
  removeOverlaps,
]);

/**
 * True when every parser and refiner of `config` is one of jixiao's own: its figures
 * then have the documented shapes and start only where a number, bracket or date word
 * can, which lets recognition and tree building take shortcuts. Compared by identity,
 * so a user's parser named `money` is not mistaken for the built-in one.
 */
export function builtInOnly(config: FigureConfig): boolean {
  return config.parsers.every((p) => OWN.has(p)) && config.refiners.every((r) => OWN.has(r));
}
