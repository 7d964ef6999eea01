import { sectionTitle } from '../outline/outline.js';
import { closeUp, type Grid, type GridCell } from '../read/grid.js';
import type { FlowContent, Point, Report, Section, TableCellNode, TableNode, TableRowNode } from '../tree/schema.js';
import { tableRecords } from './records.js';
import type { TableRecord } from './types.js';

/** A record of a self-evaluation form with the row node it was read from (what rules report at). */
export interface FormRow {
  record: TableRecord;
  row: TableRowNode;
  table: TableNode;
}

/** Sources whose rows may leave out cells anywhere (copied text drops merged cells): read by content. */
const RAGGED = new Set(['gfm', 'tab', 'pipe', 'spaces']);

/**
 * The records of every self-evaluation form (自评表) in a report tree, in document order: one
 * per indicator row, budget row and total, with where each row stands (offsets, line and
 * column, enclosing section). Tables are read as grids of their cells' text (white space a
 * PDF put inside words and figures closed up); a table that is not a form gives nothing.
 *
 * @example
 *   formRows(parse('一级指标\t三级指标\t分值\t得分\n产出指标\t道路\t10\t8\n'))[0].record
 *   // {kind: 'indicator', level1: '产出指标', name: '道路', weight: 10, score: 8, table: 0, row: 1, line: 2, column: 1, …}
 */
export function formRows(tree: Report): FormRow[] {
  const tables: Array<{ node: TableNode; section: string | null; title: string | null }> = [];
  const walk = (
    nodes: ReadonlyArray<FlowContent | Section['children'][number]>,
    section: string | null,
    title: string | null,
  ) => {
    for (const node of nodes) {
      if (node.type === 'table') tables.push({ node, section, title });
      else if (node.type === 'section') {
        walk(node.children, section === null ? node.marker.raw : `${section}/${node.marker.raw}`, sectionTitle(node));
      }
    }
  };
  walk(tree.children, null, null);
  const out: FormRow[] = [];
  if (tables.length > 0) {
    for (const record of tableRecords(tables.map((t) => gridOf(t.node)))) {
      const { node, section, title } = tables[record.table]!;
      const row = node.children[record.row]!;
      const at = pointAt(row, record.start) ?? row.position.start;
      record.line = at.line;
      record.column = at.column;
      record.section = section;
      record.sectionTitle = title;
      out.push({ record, row, table: node });
    }
  }
  return out;
}

/** A table node as a grid of its cells' text, offsets and spans. */
function gridOf(table: TableNode): Grid {
  return {
    rows: table.children.map((row) =>
      row.children.map((cell): GridCell => ({
        text: cellText(cell),
        rowSpan: cell.rowSpan ?? 1,
        colSpan: cell.colSpan ?? 1,
        start: cell.position.start.offset,
        end: cell.position.end.offset,
      })),
    ),
    ragged: table.source !== undefined && RAGGED.has(table.source),
  };
}

/** A cell's text from its leaves, white space between them kept where the source had it, then closed up. */
function cellText(cell: TableCellNode): string {
  let text = '';
  let end = -1;
  for (const leaf of cell.children) {
    if (end >= 0 && leaf.position.start.offset > end) text += ' ';
    text += leaf.value;
    end = leaf.position.end.offset;
  }
  return closeUp(text);
}

function pointAt(row: TableRowNode, offset: number | null): Point | undefined {
  for (const cell of row.children) if (cell.position.start.offset === offset) return cell.position.start;
  return undefined;
}

/** One self-evaluation form: its indicator and budget rows, and its total when it has one. */
export interface Form {
  indicators: Array<FormRow & { record: Extract<TableRecord, { kind: 'indicator' }> }>;
  budget: Array<FormRow & { record: Extract<TableRecord, { kind: 'budget' }> }>;
  total?: FormRow & { record: Extract<TableRecord, { kind: 'total' }> };
}

/**
 * The report's forms: the rows read up to each total (a total closes its form), and those
 * after the last total as a form without one.
 *
 * @example
 *   forms(parse('三级指标\t分值\t得分\n道路\t10\t8\n总分\t100\t98\n'))[0].total.record.score // 98
 */
export function forms(tree: Report): Form[] {
  const out: Form[] = [];
  let form: Form = { indicators: [], budget: [] };
  const close = () => {
    if (form.indicators.length > 0 || form.budget.length > 0 || form.total) out.push(form);
    form = { indicators: [], budget: [] };
  };
  let lastTable = -1;
  for (const row of formRows(tree)) {
    const { record } = row;
    const last = form.indicators[form.indicators.length - 1]?.record;
    // A form without a total ends where the next one starts: its budget part after indicators,
    // or indicators under a header of their own in another table once this form's weights are
    // all there (a form continued on the next page may repeat its header: its weights fall short).
    const headed = record.kind === 'indicator' && record.table !== lastTable && record.row > 0;
    if (last && (record.kind === 'budget' || (headed && weighed(form) >= FULL_WEIGHT))) close();
    if (record.kind === 'indicator') form.indicators.push(row as Form['indicators'][number]);
    else if (record.kind === 'budget') form.budget.push(row as Form['budget'][number]);
    else if (form.indicators.length === 0 && form.budget.length === 0 && !form.total) {
      // A total stated before any row (自评总分 at the top of the Chongqing form) is the total of the rows after it.
      form.total = row as NonNullable<Form['total']>;
    } else {
      form.total = row as NonNullable<Form['total']>;
      close();
    }
    lastTable = record.table;
  }
  close();
  return out;
}

/** The weights of a whole form: 100 points. */
const FULL_WEIGHT = 100 - 1e-9;

/** The weights a form has so far: its indicators' and its budget part's. */
function weighed(form: Form): number {
  let sum = budgetPart(form)?.weight ?? 0;
  for (const { record } of form.indicators) sum += record.weight ?? 0;
  return sum;
}

/**
 * The budget-execution part of a form's scoring: the 预算执行率 indicator when the form lists
 * one, else the first budget row that carries a weight or a score (年度资金总额, 总额).
 */
export function budgetPart(form: Form): { weight: number | null; score: number | null } | null {
  if (form.indicators.some((r) => r.record.name === '预算执行率')) return null;
  const row = form.budget.find((r) => r.record.weight !== null || r.record.score !== null);
  return row ? { weight: row.record.weight, score: row.record.score } : null;
}

/**
 * A number as messages show it: at most two decimals, no float noise (`92.39999` → `92.4`).
 *
 * @example
 *   shown(83 + 9.4) // '92.4'
 */
export function shown(n: number): string {
  return String(Math.round(n * 100) / 100);
}
