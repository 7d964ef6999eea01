import { toString } from 'mdast-util-to-string';
import { parseSettings, type ParseOptions } from '../parse/options.js';
import { reportOf } from '../parse/parse.js';
import { charSet, inSet } from '../text/chars.js';
import { sectionTitle } from '../outline/outline.js';
import { formRows } from '../table/forms.js';
import type { IndicatorRecord, TableRecord } from '../table/types.js';
import type {
  Approx,
  DateFigure,
  DateQualifier,
  Direction,
  Event,
  Figure,
  FlowContent,
  InlineLeaf,
  ListNode,
  Report,
  ReportNode,
  Section,
} from '../tree/schema.js';

/**
 * One figure as a flat record: the format analysts load into pandas or Excel. Every
 * record has every field (`null` where it does not apply), so columns are stable.
 */
export interface FigureRecord {
  kind: 'money' | 'date' | 'count' | 'percent' | 'measure' | 'docRef' | 'event';
  /** The source text exactly as written. */
  text: string;
  /** UTF-16 offsets into the original input, end exclusive. */
  start: number;
  end: number;
  line: number;
  column: number;
  /** Money in yuan; counts, percents and measures as numbers; dates as ISO (`2020-09-07`, `2020-04`, `2020`);
   * a document number as `issuer〔year〕number号`; an event as its date. `null` for a range. */
  value: number | string | null;
  min: number | null;
  max: number | null;
  approx: Approx | null;
  unit: string | null;
  currency: string | null;
  yearInferred: boolean | null;
  qualifier: DateQualifier | null;
  subject: string | null;
  /** The marker path of the enclosing sections, e.g. `2、/（三）`. */
  section: string | null;
  sectionTitle: string | null;
  /** The sentence the figure stands in. */
  sentence: string;
  /** For money, counts, percents and measures: the change word before the number (`增长5%` → increase). */
  direction: Direction | null;
  /** How the figure was read, comma-separated: `ocr` (digits repaired from letters), `overflow` (no exact value). */
  flags: string | null;
}

/**
 * What `extract()` gives: figures, and the rows of self-evaluation forms (indicator, budget,
 * total). Each kind's fields that the others lack are typed as absent on them, so code written
 * for figure records (`records.find((r) => r.kind === 'money')?.value`) compiles unchanged:
 * on a table record `value` is `undefined`.
 */
export type ExtractRecord = Exclusive<FigureRecord | TableRecord>;

/** Every member of a union, with the fields only other members have typed as absent. */
type Exclusive<T, All = T> = T extends unknown ? T & Partial<Record<Exclude<FieldOf<All>, keyof T>, undefined>> : never;

/**
 * The order of the fields of every record kind, for columns: the fields of figure records,
 * then those only table records have (`unit`, positions and sections are shared). The CLI's
 * CSV and workbook use it, so a file has the same columns whatever it holds.
 */
export const RECORD_FIELDS: readonly string[] = [
  'kind',
  'text',
  'start',
  'end',
  'line',
  'column',
  'value',
  'min',
  'max',
  'approx',
  'unit',
  'currency',
  'yearInferred',
  'qualifier',
  'subject',
  'section',
  'sectionTitle',
  'sentence',
  'direction',
  'flags',
  'table',
  'row',
  'level1',
  'level2',
  'name',
  'target',
  'comparator',
  'targetValue',
  'actual',
  'actualValue',
  'weight',
  'score',
  'reason',
  'achieved',
  'item',
  'initial',
  'adjusted',
  'executed',
  'rate',
  'rateStated',
] satisfies ReadonlyArray<FieldOf<ExtractRecord>>;

/** Every field name of any record kind. */
type FieldOf<T> = T extends unknown ? keyof T : never;

type Leaf = InlineLeaf;
const SENTENCE_END = charSet('。！？；!?;\n');
/** A sentence reaches at most this far either side of its figure. */
const MAX_SENTENCE = 200;

/**
 * Every figure of a report, in document order, as flat records; and the rows of its
 * self-evaluation forms (自评表): indicator, budget and total records (see `indicators`), each
 * just before the figures of its row.
 *
 * @example
 *   extract('（三）…邵东共收到各界人士捐款捐物折合人民币1342.23万元。')
 *   // [{kind: 'money', text: '1342.23万元', value: 13422300, unit: '万元', currency: 'CNY', …}]
 */
export function extract(treeOrText: Report | string, options?: ParseOptions): ExtractRecord[] {
  const tree = reportOf(treeOrText, parseSettings(options));
  const out: FigureRecord[] = [];
  let tables = false;
  // The section path and title are the same for every block of a section: made once.
  // A loop, not unist-util-visit: see `sections` in check/walk.ts for the numbers.
  const walk = (nodes: ReadonlyArray<FlowContent | Section['children'][number]>, from: number, place: Place) => {
    for (let i = from; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'section') {
        const inner: Place = {
          section: place.section === null ? node.marker.raw : `${place.section}/${node.marker.raw}`,
          title: sectionTitle(node),
        };
        block(node.children[0], inner, out);
        walk(node.children, 1, inner);
      } else if (node.type === 'list') {
        for (const item of node.children) block(item, place, out);
      } else if (node.type === 'table') {
        tables = true;
        // Each cell on its own: a cell is a sentence's limit.
        for (const row of node.children) for (const cell of row.children) block(cell, place, out);
      } else if ('children' in node) {
        block(node, place, out);
      }
    }
  };
  walk(tree.children, 0, { section: null, title: null });
  // Document order; an event comes just before the date that opens it.
  out.sort((a, b) => a.start - b.start || (a.kind === 'event' ? -1 : b.kind === 'event' ? 1 : 0));
  // A report without a table has no form: nothing to read. Read afresh on every call: the caller
  // may have changed the tree since, and the records made here are the caller's alone.
  if (!tables) return out;
  const rows = formRows(tree);
  if (rows.length === 0) return out;
  // A form's row goes just before the first figure at or after its start.
  const all: ExtractRecord[] = [];
  let k = 0;
  for (const { record } of rows) {
    const at = record.start ?? Infinity;
    while (k < out.length && out[k]!.start < at) all.push(out[k++]!);
    all.push(record);
  }
  while (k < out.length) all.push(out[k++]!);
  return all;
}

/**
 * The indicator rows of a report's self-evaluation forms (自评表), one flat record per row:
 * 一级/二级 labels filled down from merged or blank cells, the target and actual as written
 * (comparator, value and unit put together when the form splits them), weight, score,
 * reason, whether the target was met, and where the row stands. Columns are found from the
 * header's wording; tables that are no form give nothing. `extract()` gives these records
 * too, with the budget rows and the total.
 *
 * @example
 *   const head = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n';
 *   const form = head + '产出指标\t数量指标\t新建机耕道路\t≥40公里\t36公里\t10\t8\n';
 *   indicators(form)[0]
 *   // {kind: 'indicator', level1: '产出指标', level2: '数量指标', name: '新建机耕道路', target: '≥40公里',
 *   //  comparator: '≥', targetValue: 40, actual: '36公里', actualValue: 36, unit: '公里', weight: 10,
 *   //  score: 8, reason: null, achieved: false, table: 0, row: 1, start: 33, end: 65, line: 2, column: 1,
 *   //  section: null, sectionTitle: null}
 */
export function indicators(treeOrText: Report | string, options?: ParseOptions): IndicatorRecord[] {
  const tree = reportOf(treeOrText, parseSettings(options));
  const out: IndicatorRecord[] = [];
  for (const { record } of formRows(tree)) if (record.kind === 'indicator') out.push(record);
  return out;
}

/** A node whose leaves are read as one text: a paragraph, a list item, a section's title … */
type Block = Exclude<Extract<ReportNode, { children: unknown[] }>, Report | Section | ListNode>;

/** Where a block stands: the marker path of its sections (`2、/（三）`) and the innermost title. */
interface Place {
  section: string | null;
  title: string | null;
}

/** True when `nodes` (and the events and leads among them) hold nothing but text: no record to make. */
function plain(nodes: ReadonlyArray<{ type: string }>): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const type = node.type;
    if (type === 'text' || type === 'template' || type === 'marker') continue;
    if (type === 'lead' && plain((node as unknown as { children: Array<{ type: string }> }).children)) continue;
    return false;
  }
  return true;
}

function block(node: Block, place: Place, out: FigureRecord[]): void {
  // Most blocks hold no figure: nothing to build for them.
  if (plain(node.children)) return;
  // The block's text, rebuilt from its leaves, to find each figure's sentence.
  const leaves: Leaf[] = [];
  const events: Event[] = [];
  // Index of each event's first leaf, noted while flattening (a search per event was
  // quadratic in a paragraph of many dated clauses).
  const firstLeaf: number[] = [];
  const flatten = (nodes: ReadonlyArray<{ type: string }>) => {
    for (const child of nodes) {
      if (child.type === 'event') {
        events.push(child as Event);
        firstLeaf.push(leaves.length);
      }
      if ('children' in child) flatten((child as { children: Array<{ type: string }> }).children);
      else if (child.type !== 'marker') leaves.push(child as Leaf);
    }
  };
  flatten(node.children);
  let text = '';
  const at: number[] = [];
  let previousEnd = -1;
  for (const leaf of leaves) {
    if (previousEnd >= 0 && leaf.position.start.offset > previousEnd) text += ' ';
    at.push(text.length);
    text += leaf.value;
    previousEnd = leaf.position.end.offset;
  }
  const { section, title } = place;
  // Sentence ends found once per block, then looked up by binary search: linear overall,
  // however many figures share one long sentence. A "sentence" with no end in sight (a
  // table flattened into one line) is cut to a window around the figure.
  const ends: number[] = [];
  for (let k = 0; k < text.length; k++) if (inSet(SENTENCE_END, text.charCodeAt(k))) ends.push(k);
  const sentence = (i: number, length: number) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    // ends[lo] is the first end at or after the figure's start.
    const startsAfter = lo > 0 ? ends[lo - 1]! + 1 : 0;
    let e = lo < ends.length ? ends[lo]! : text.length;
    if (e < i + length - 1)
      e = i + length; // the figure itself holds an end mark
    else if (e < text.length && text.charCodeAt(e) !== 10) e++;
    const s = Math.max(startsAfter, i - MAX_SENTENCE);
    return text.slice(s, Math.min(e, i + length + MAX_SENTENCE)).trim();
  };

  for (let e = 0; e < events.length; e++) {
    const event = events[e]!;
    const first = event.children.length > 0 ? firstLeaf[e]! : -1;
    const date = event.children.find((c): c is DateFigure => c.type === 'date');
    const clause = toString(event);
    const { start, end } = event.position;
    out.push({
      kind: 'event',
      text: clause,
      start: start.offset,
      end: end.offset,
      line: start.line,
      column: start.column,
      value: date?.iso ?? null,
      min: null,
      max: null,
      approx: null,
      unit: null,
      currency: null,
      yearInferred: date ? date.yearInferred : null,
      qualifier: date?.qualifier ?? null,
      subject: null,
      section,
      sectionTitle: title,
      sentence: first >= 0 ? sentence(at[first]!, clause.length) : clause,
      direction: null,
      flags: date?.flags ? date.flags.join(',') : null,
    });
  }
  leaves.forEach((leaf, i) => {
    if (leaf.type === 'text' || leaf.type === 'template') return;
    out.push(record(leaf, section, title, sentence(at[i]!, leaf.value.length)));
  });
}

/** A figure's record, its fields written in the one order every record has. */
function record(f: Figure, section: string | null, sectionTitle: string | null, sentence: string): FigureRecord {
  const { start, end } = f.position;
  const quantity =
    f.type === 'money' || f.type === 'count' || f.type === 'percent' || f.type === 'measure' ? f : undefined;
  const date = f.type === 'date' ? f : undefined;
  let value: FigureRecord['value'] = null;
  if (quantity) value = quantity.amount ?? null;
  else if (date) value = date.iso ?? null;
  else if (f.type === 'docRef')
    value = `${f.issuer}${f.year === undefined ? '第' : `〔${f.year}〕`}${(f.numbers ?? [f.number ?? '']).join('、')}号`;
  return {
    kind: f.type,
    text: f.value,
    start: start.offset,
    end: end.offset,
    line: start.line,
    column: start.column,
    value,
    min: quantity?.min ?? null,
    max: quantity?.max ?? null,
    approx: quantity?.approx ?? null,
    unit: quantity?.unit ?? null,
    currency: f.type === 'money' ? f.currency : null,
    yearInferred: date ? date.yearInferred : null,
    qualifier: date?.qualifier ?? null,
    subject: f.type === 'count' ? (f.subject ?? null) : null,
    section,
    sectionTitle,
    sentence,
    direction: quantity?.direction ?? null,
    flags: f.type !== 'docRef' && f.flags ? f.flags.join(',') : null,
  };
}
