import { JixiaoError } from '../errors.js';
import { defaultFigureConfig } from '../figures/config.js';
import type { FigureConfig } from '../figures/types.js';
import type { TableLayout } from '../read/grid.js';

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
  /**
   * Where the input's tables stand, as `readBytes` gives them for a .docx or .pdf (tab-separated
   * lines in its text): table nodes are made from them, merged cells kept, and no other table is
   * looked for. Without them, tables are found in the text itself (lines separated by tabs, `|` or
   * runs of spaces, forms flattened into one line) and, in Markdown, GFM tables are read.
   */
  tables?: readonly TableLayout[];
}

/** {@link ParseOptions} checked, with defaults filled in: what the parse stage works with. */
export interface ParseSettings {
  format: 'text' | 'markdown' | 'auto';
  year: number | undefined;
  figures: FigureConfig | false;
  tables: readonly TableLayout[] | undefined;
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
  const { format = 'text', year, figures, tables } = given as ParseOptions;
  if (!FORMATS.includes(format)) {
    throw optionError('format', `expected "text", "markdown" or "auto", got ${show(format)}`);
  }
  if (year !== undefined && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) {
    throw optionError('year', `expected a four-digit year such as 2020, got ${show(year)}`);
  }
  return {
    format,
    year,
    figures: figures === undefined ? defaultFigureConfig() : checkFigures(figures),
    tables: tables === undefined ? undefined : checkTables(tables),
  };
}

const SOURCES = new Set(['gfm', 'docx', 'pdf', 'tab', 'pipe', 'spaces', 'flattened']);

/**
 * Checks the tables a reader gave: in order, not overlapping, each row inside its table and
 * each cell inside its row, spans of at least 1. Whether they fit the text is checked when
 * the text comes ({@link checkTablesFit}).
 */
function checkTables(tables: unknown): readonly TableLayout[] {
  const fail = (problem: string) =>
    optionError('tables', `${problem} (pass the \`tables\` that readBytes returned with its text)`);
  if (!Array.isArray(tables)) throw fail(`expected an array, got ${show(tables)}`);
  const offset = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  let last = 0;
  tables.forEach((t: Partial<TableLayout> | null, i) => {
    const where = `table ${i}`;
    if (typeof t !== 'object' || t === null || !offset(t.start) || !offset(t.end) || t.end! < t.start!)
      throw fail(`${where}: expected { source, start, end, rows } with start ≤ end, got ${show(t)}`);
    if (!SOURCES.has(t.source as string)) throw fail(`${where}: unknown source ${show(t.source)}`);
    if (t.start! < last) throw fail(`${where} starts at ${t.start}, inside the table before it or before it`);
    last = t.end!;
    if (!Array.isArray(t.rows)) throw fail(`${where}: expected rows, got ${show(t.rows)}`);
    let cursor = t.start!;
    t.rows.forEach((row, r) => {
      if (
        !row ||
        !offset(row.start) ||
        !offset(row.end) ||
        row.start < cursor ||
        row.end < row.start ||
        row.end > t.end!
      )
        throw fail(`${where}, row ${r}: expected start ≤ end within the table, after the row before`);
      if (!Array.isArray(row.cells)) throw fail(`${where}, row ${r}: expected cells`);
      let at = row.start;
      row.cells.forEach((c, k) => {
        const span = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;
        if (!c || !offset(c.start) || !offset(c.end) || c.start < at || c.end < c.start || c.end > row.end)
          throw fail(`${where}, row ${r}, cell ${k}: expected start ≤ end within the row, after the cell before`);
        if (!span(c.rowSpan) || !span(c.colSpan))
          throw fail(`${where}, row ${r}, cell ${k}: expected rowSpan and colSpan of 1 or more`);
        at = c.end;
      });
      cursor = row.end;
    });
  });
  return tables as readonly TableLayout[];
}

/** Throws unless the tables end within the text they were given with. */
export function checkTablesFit(tables: readonly TableLayout[] | undefined, text: string): void {
  const last = tables?.[tables.length - 1];
  if (last && last.end > text.length)
    throw optionError(
      'tables',
      `table ${tables!.length - 1} ends at ${last.end}, past the end of the text (${text.length}): pass the \`tables\` readBytes returned with this text`,
    );
}

/** The options object itself: absent, or a plain object. */
export function optionsObject(options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new JixiaoError(`options: expected an object such as { year: 2020 }, got ${show(options)}`, {
      code: 'options',
    });
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
    throw optionError(
      'figures',
      `expected false or { parsers, refiners } (start from defaultFigureConfig()), got ${show(figures)}`,
    );
  }
  return config as FigureConfig;
}

/** A `JixiaoError` (code `options`) about one option. */
export function optionError(key: string, problem: string): JixiaoError {
  return new JixiaoError(`option "${key}": ${problem}`, { code: 'options', key });
}

/** A value as a message shows it: `"2020" (a string)`, `2020.5`, `{}`, `null`. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `${JSON.stringify(value)} (a string)`;
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
