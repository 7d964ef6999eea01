import {
  jixiaoError,
  OPTION_FIGURES,
  OPTION_FORMAT,
  OPTION_FORMAT_MARKDOWN,
  OPTION_TABLES,
  OPTION_YEAR,
  OPTIONS_OBJECT,
} from '../errors.js';
import { defaultFigureConfig } from '../figures/config.js';
import type { FigureConfig } from '../figures/types.js';
import type { TableLayout } from '../read/grid.js';

/** Options for {@link parse}. */
export interface ParseOptions {
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
  year: number | undefined;
  figures: FigureConfig | false;
  tables: readonly TableLayout[] | undefined;
}

/**
 * Checks the options of `parse` (and of everything that parses: `check`, `extract`, the
 * plugins) once, before any work: a wrong option is a `JixiaoError` (code `options`) naming
 * it, never a wrong tree (`year: '2020'` once gave dates like `20200-09-07`).
 *
 * @example
 *   parseSettings({ year: 2020 }).year // 2020
 *   parseSettings({ year: 2020.5 }) // throws JixiaoError: option "year": expected a four-digit year …
 */
export function parseSettings(options: unknown, reads: 'text' | 'markdown' = 'text'): ParseSettings {
  const given = optionsObject(options);
  const { year, figures, tables } = given as ParseOptions;
  // `format` was once an option here: Markdown is now read by `fromMarkdown` (jixiao/markdown), so the
  // core's bundle carries no Markdown parser. The format a function reads is still accepted; another is an
  // error that names the function that reads it.
  if ('format' in given && given.format !== undefined && given.format !== reads) {
    throw jixiaoError(
      reads === 'text' ? OPTION_FORMAT : OPTION_FORMAT_MARKDOWN,
      { got: given.format },
      { key: 'format' },
    );
  }
  if (year !== undefined && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) {
    throw jixiaoError(OPTION_YEAR, { got: year }, { key: 'year' });
  }
  return {
    year,
    figures: figures === undefined ? defaultFigureConfig() : checkFigures(figures),
    tables: tables === undefined ? undefined : checkTables(tables),
  };
}

const SOURCES = new Set(['gfm', 'docx', 'pdf', 'tab', 'pipe', 'spaces', 'flattened']);
const ALIGN = new Set(['left', 'right', 'center']);

/**
 * Checks the tables a reader gave: in order, not overlapping, each row inside its table and
 * each cell inside its row, spans of at least 1. Whether they fit the text is checked when
 * the text comes ({@link checkTablesFit}).
 */
function checkTables(tables: unknown): readonly TableLayout[] {
  const fail = (en: string, zh: string) => jixiaoError(OPTION_TABLES, { en, zh }, { key: 'tables' });
  const shown = (value: unknown) => {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  if (!Array.isArray(tables)) throw fail(`expected an array, got ${shown(tables)}`, `应为数组，收到 ${shown(tables)}`);
  const offset = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  let last = 0;
  // A loop, not forEach: a hole in the array (`[, table]`) is an error, not a table skipped.
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i] as Partial<TableLayout> | null | undefined;
    const where = { en: `table ${i}`, zh: `第 ${i} 个表格` };
    if (typeof t !== 'object' || t === null || !offset(t.start) || !offset(t.end) || t.end! < t.start!)
      throw fail(
        `${where.en}: expected { source, start, end, rows } with start ≤ end, got ${shown(t)}`,
        `${where.zh}应为 start ≤ end 的 { source, start, end, rows }，收到 ${shown(t)}`,
      );
    if (!SOURCES.has(t.source as string))
      throw fail(`${where.en}: unknown source ${shown(t.source)}`, `${where.zh}的 source ${shown(t.source)} 无法识别`);
    if (t.start! < last)
      throw fail(
        `${where.en} starts at ${t.start}, inside or before the table before it`,
        `${where.zh}起于 ${t.start}，落在前一个表格之内或之前`,
      );
    last = t.end!;
    if (
      (t.page !== undefined && !(Number.isInteger(t.page) && t.page >= 1)) ||
      (t.align !== undefined && !(Array.isArray(t.align) && t.align.every((a) => a === null || ALIGN.has(a))))
    )
      throw fail(
        `${where.en}: expected page ≥ 1 and align of 'left', 'right', 'center' or null, got ${shown([t.page, t.align])}`,
        `${where.zh}的 page 应不小于 1，align 应由 'left'、'right'、'center' 或 null 组成，收到 ${shown([t.page, t.align])}`,
      );
    if (!Array.isArray(t.rows))
      throw fail(`${where.en}: expected rows, got ${shown(t.rows)}`, `${where.zh}应有 rows，收到 ${shown(t.rows)}`);
    let cursor = t.start!;
    // How wide the grid can be (the most columns a row's own cells span, plus every column a cell
    // spanning rows down brings into the rows below) and how many cells fill it.
    let widest = 0;
    let carried = 0;
    let cells = 0;
    const rowCount = t.rows.length;
    t.rows.forEach((row, r) => {
      if (
        !row ||
        !offset(row.start) ||
        !offset(row.end) ||
        row.start < cursor ||
        row.end < row.start ||
        row.end > t.end!
      )
        throw fail(
          `${where.en}, row ${r}: expected start ≤ end within the table, after the row before`,
          `${where.zh}第 ${r} 行应在表格之内、前一行之后，且 start ≤ end`,
        );
      if (!Array.isArray(row.cells))
        throw fail(`${where.en}, row ${r}: expected cells`, `${where.zh}第 ${r} 行应有 cells`);
      let at = row.start;
      let columns = 0;
      row.cells.forEach((c, k) => {
        const span = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;
        if (!c || !offset(c.start) || !offset(c.end) || c.start < at || c.end < c.start || c.end > row.end)
          throw fail(
            `${where.en}, row ${r}, cell ${k}: expected start ≤ end within the row, after the cell before`,
            `${where.zh}第 ${r} 行第 ${k} 格应在该行之内、前一格之后，且 start ≤ end`,
          );
        // A rowSpan runs at most to the table's last row (1e9 was taken as it came).
        if (!span(c.rowSpan) || !span(c.colSpan) || r + c.rowSpan > rowCount)
          throw fail(
            `${where.en}, row ${r}, cell ${k}: expected rowSpan and colSpan of 1 or more, rowSpan within the ${rowCount} rows, got ${shown([c.rowSpan, c.colSpan])}`,
            `${where.zh}第 ${r} 行第 ${k} 格的 rowSpan 和 colSpan 应不小于 1，rowSpan 不超出表格的 ${rowCount} 行，收到 ${shown([c.rowSpan, c.colSpan])}`,
          );
        columns += c.colSpan;
        if (c.rowSpan > 1) carried += c.colSpan;
        at = c.end;
      });
      cells += row.cells.length;
      widest = Math.max(widest, columns);
      cursor = row.end;
    });
    // Merged cells make a grid of more slots than cells, but not without bound: a colSpan of 1e9
    // would have records and Markdown write a billion empty cells.
    const slots = rowCount * (widest + carried);
    if (slots > 8 * cells + 16 * rowCount + 64)
      throw fail(
        `${where.en}: its cells span ${widest + carried} columns over ${rowCount} rows, more than its ${cells} cells can fill; check colSpan`,
        `${where.zh}的单元格横跨 ${widest + carried} 列、${rowCount} 行，远超其 ${cells} 个单元格所能填满的范围；请检查 colSpan`,
      );
  }
  return tables as readonly TableLayout[];
}

/** Throws unless the tables end within the text they were given with. */
export function checkTablesFit(tables: readonly TableLayout[] | undefined, text: string): void {
  const last = tables?.[tables.length - 1];
  if (last && last.end > text.length)
    throw jixiaoError(
      OPTION_TABLES,
      {
        en: `table ${tables!.length - 1} ends at ${last.end}, past the end of the text (${text.length})`,
        zh: `第 ${tables!.length - 1} 个表格止于 ${last.end}，超出了文本的长度（${text.length}）`,
      },
      { key: 'tables' },
    );
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
