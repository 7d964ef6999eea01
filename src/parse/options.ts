import { jixiaoError, OPTION_FIGURES, OPTION_FORMAT, OPTION_YEAR, OPTIONS_OBJECT } from '../errors.js';
import { defaultFigureConfig } from '../figures/config.js';
import type { FigureConfig } from '../figures/types.js';

/** Options for {@link parse}. */
export interface ParseOptions {
  /**
   * The input's format: plain text (default), Markdown, or `auto` (Markdown when it has `#` headings or front
   * matter).
   */
  format?: 'text' | 'markdown' | 'auto';
  /** The report's fiscal year (four digits), when the caller knows it better than the text says. */
  year?: number;
  /** Figure recognisers (see `defaultFigureConfig()`), or `false` to leave figures as plain text. */
  figures?: FigureConfig | false;
}

/** {@link ParseOptions} checked, with defaults filled in: what the parse stage works with. */
export interface ParseSettings {
  format: 'text' | 'markdown' | 'auto';
  year: number | undefined;
  figures: FigureConfig | false;
}

const FORMATS: ReadonlyArray<ParseSettings['format']> = ['text', 'markdown', 'auto'];

/**
 * Checks the options of `parse` (and of everything that parses: `check`, `extract`, the
 * plugins) once, before any work: a wrong option is a `JixiaoError` (code `options`) naming
 * it, never a wrong tree (`year: '2020'` once gave dates like `20200-09-07`).
 *
 * @example
 *   parseSettings({ year: 2020 }).year // 2020
 *   parseSettings({ year: 2020.5 }) // throws JixiaoError: option "year": expected a four-digit year …
 */
export function parseSettings(options: unknown): ParseSettings {
  const given = optionsObject(options);
  const { format = 'text', year, figures } = given as ParseOptions;
  if (!FORMATS.includes(format)) {
    throw jixiaoError(OPTION_FORMAT, { got: format }, { key: 'format' });
  }
  if (year !== undefined && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) {
    throw jixiaoError(OPTION_YEAR, { got: year }, { key: 'year' });
  }
  return { format, year, figures: figures === undefined ? defaultFigureConfig() : checkFigures(figures) };
}

/** The options object itself: absent, or a plain object. */
export function optionsObject(options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw jixiaoError(OPTIONS_OBJECT, { got: options });
  }
  return options as Record<string, unknown>;
}

function checkFigures(figures: unknown): FigureConfig | false {
  if (figures === false) return false;
  const config = figures as Partial<FigureConfig> | null;
  const valid =
    typeof config === 'object' &&
    config !== null &&
    Array.isArray(config.parsers) &&
    Array.isArray(config.refiners) &&
    config.parsers.every((p) => typeof p?.find === 'function') &&
    config.refiners.every((r) => typeof r?.refine === 'function');
  if (!valid) {
    throw jixiaoError(OPTION_FIGURES, { got: figures }, { key: 'figures' });
  }
  return config as FigureConfig;
}
