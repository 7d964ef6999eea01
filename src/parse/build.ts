import { builtInOnly } from '../figures/config.js';
import { recognize } from '../figures/recognize.js';
import type { FigureConfig, Found } from '../figures/types.js';
import { findTemplateText } from '../outline/template-text.js';
import { charSet, inSet, isSpace, skipSpace, trimEnd } from '../text/chars.js';
import type { Builder } from '../tree/builder.js';
import type { Locator } from '../tree/position.js';
import type {
  Count,
  DateFigure,
  DocRef,
  Event,
  Figure,
  InlineLeaf,
  Measure,
  Money,
  Percent,
  Position,
} from '../tree/schema.js';

/** What the builder needs to know about the report to read figures. */
export interface BuildOptions {
  /** The recognisers to run, or `false` to leave figures as text. */
  figures: FigureConfig | false;
  /** The report's fiscal year, for dates that do not state one. */
  year?: number;
}

/**
 * Every field of a node type, present, though an optional one may be `undefined`: a
 * literal that `satisfies` it fails to compile when a field is added to the schema and
 * not to the literal.
 */
type Complete<T> = { [K in keyof Required<T>]: T[K] };

/**
 * A found figure as a tree node: its fields without `start`/`end`, plus `position`.
 * The built-in types are written out as literals, so every node of a type has one
 * hidden class and is built without enumerating keys (about 8% of `parse` when copied
 * generically); each literal `satisfies` its whole node type, so none can drop a field.
 * When the configuration has parsers of the user's, whose figures may carry fields of
 * their own, every figure is copied key by key so none is lost.
 */
function toNode(f: Found, position: Position, builtIn: boolean): Figure {
  if (!builtIn) return copyFigure(f, position);
  switch (f.type) {
    case 'money':
      return {
        type: f.type,
        value: f.value,
        amount: f.amount,
        min: f.min,
        max: f.max,
        approx: f.approx,
        unit: f.unit,
        direction: f.direction,
        flags: f.flags,
        currency: f.currency,
        position,
      } satisfies Complete<Money>;
    case 'count':
      return {
        type: f.type,
        value: f.value,
        amount: f.amount,
        min: f.min,
        max: f.max,
        approx: f.approx,
        unit: f.unit,
        direction: f.direction,
        flags: f.flags,
        subject: f.subject,
        position,
      } satisfies Complete<Count>;
    case 'percent':
      return {
        type: f.type,
        value: f.value,
        amount: f.amount,
        min: f.min,
        max: f.max,
        approx: f.approx,
        unit: f.unit,
        direction: f.direction,
        flags: f.flags,
        position,
      } satisfies Complete<Percent>;
    case 'measure':
      return {
        type: f.type,
        value: f.value,
        amount: f.amount,
        min: f.min,
        max: f.max,
        approx: f.approx,
        unit: f.unit,
        direction: f.direction,
        flags: f.flags,
        position,
      } satisfies Complete<Measure>;
    case 'date':
      return {
        type: f.type,
        value: f.value,
        iso: f.iso,
        known: f.known,
        implied: f.implied,
        yearInferred: f.yearInferred,
        qualifier: f.qualifier,
        period: f.period,
        valid: f.valid,
        flags: f.flags,
        position,
      } satisfies Complete<DateFigure>;
    case 'docRef':
      return {
        type: f.type,
        value: f.value,
        issuer: f.issuer,
        year: f.year,
        number: f.number,
        numbers: f.numbers,
        position,
      } satisfies Complete<DocRef>;
    default:
      // A figure type the schema gains must get its literal here (a compile error until then).
      return f satisfies never;
  }
}

function copyFigure(f: Found, position: Position): Figure {
  const node: Record<string, unknown> = {};
  for (const key in f) if (key !== 'start' && key !== 'end') node[key] = (f as unknown as Record<string, unknown>)[key];
  node.position = position;
  return node as unknown as Figure;
}

/** No pieces: shared, never written to. */
const NONE: readonly InlineLeaf[] = Object.freeze([]);

/** Characters after which a clause starts. */
const CLAUSE_START = charSet('。；;！？!?：:\n\r');
const CLAUSE_END = charSet('。；;！？!?');
const AFTER_DATE = charSet('，,、');

export function builder(input: string, at: Locator, options: BuildOptions = { figures: false }): Builder {
  const position = (start: number, end: number) => at.position(start, end);
  const builtIn = options.figures !== false && builtInOnly(options.figures);

  function text(start: number, end: number, out: InlineLeaf[]): void {
    start = skipSpace(input, start, end);
    end = trimEnd(input, start, end);
    if (start < end) out.push({ type: 'text', value: input.slice(start, end), position: position(start, end) });
  }

  /**
   * The one text leaf of a span with no figures, in a list of its size: a list grown by a push
   * takes room for 17 (50,000 one-character lines, CPU: parse 88 → 67 ms).
   */
  function textAlone(start: number, end: number): InlineLeaf[] {
    start = skipSpace(input, start, end);
    end = trimEnd(input, start, end);
    return start < end ? [{ type: 'text', value: input.slice(start, end), position: position(start, end) }] : [];
  }

  /**
   * Figures and template text in `[start, end)` as nodes, in document order. Figures are read
   * from `lookback` on (a table cell's row before it: `基本支出总额 | 864.2万` is money), and
   * those starting before `start` are left to their own span.
   */
  function pieces(start: number, end: number, lookback = start): readonly InlineLeaf[] {
    const templates = findTemplateText(input, start, end);
    // Most spans of short lines have neither: the list is made only when something is found.
    let out: InlineLeaf[] | undefined;
    let cursor = start;
    for (let t = 0; t <= templates.length; t++) {
      const span = templates[t];
      const s = span ? span[0] : end;
      if (options.figures && cursor < s) {
        const from = cursor === start ? Math.min(lookback, start) : cursor;
        const found = recognize(options.figures, { input, from, to: s, year: options.year }, builtIn);
        for (let k = 0; k < found.length; k++) {
          if (found[k]!.start < cursor) continue;
          (out ??= []).push(toNode(found[k]!, position(found[k]!.start, found[k]!.end), builtIn));
        }
      }
      if (!span) break;
      (out ??= []).push({
        type: 'template',
        value: input.slice(span[0], span[1]),
        position: position(span[0], span[1]),
      });
      cursor = span[1];
    }
    return out ?? NONE;
  }

  /**
   * Leaves over `[start, end)`: `found` (from `pieces`) with text leaves between them,
   * the text cut at the sorted offsets in `cuts` (where clauses begin and end).
   */
  function leaves(start: number, end: number, found: readonly InlineLeaf[], cuts?: number[]): InlineLeaf[] {
    if (found.length === 0 && !cuts) return textAlone(start, end);
    const out: InlineLeaf[] = [];
    let cursor = start;
    let k = 0;
    for (let f = 0; f <= found.length; f++) {
      const node = found[f];
      const to = node ? node.position.start.offset : end;
      if (cuts) {
        while (k < cuts.length && cuts[k]! <= cursor) k++;
        for (; k < cuts.length && cuts[k]! < to; k++) {
          text(cursor, cuts[k]!, out);
          cursor = cuts[k]!;
        }
      }
      text(cursor, to, out);
      if (!node) break;
      out.push(node);
      cursor = node.position.end.offset;
    }
    return out;
  }

  return {
    input,
    position,
    inline: (start, end, lookback) => leaves(start, end, pieces(start, end, lookback)),
    prose(start, end) {
      const found = pieces(start, end);
      if (found.length === 0) return leaves(start, end, found);
      const spans = eventSpans(input, start, end, found);
      if (spans.length === 0) return leaves(start, end, found);
      const cut = leaves(start, end, found, spans.flat());
      const out: Array<InlineLeaf | Event> = [];
      let k = 0;
      for (const leaf of cut) {
        const s = leaf.position.start.offset;
        while (k < spans.length && spans[k]![1] <= s) k++;
        const span = spans[k];
        if (!span || s < span[0]) {
          out.push(leaf);
          continue;
        }
        const last = out[out.length - 1];
        if (last?.type === 'event' && last.position.start.offset === span[0]) {
          last.children.push(leaf);
          last.position = position(span[0], leaf.position.end.offset);
        } else {
          out.push({ type: 'event', children: [leaf], position: position(span[0], leaf.position.end.offset) });
        }
      }
      return out;
    },
  };
}

/**
 * Clauses headed by a date: the date opens a clause (after `。`, `；`, `：` or at the
 * start) and is followed by `，` (`9月7日，邀请了…上党课；`). The clause runs to the next
 * `；`/`。`, which it includes.
 */
function eventSpans(input: string, start: number, end: number, leaves: readonly InlineLeaf[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const leaf of leaves) {
    if (leaf.type !== 'date') continue;
    const s = leaf.position.start.offset;
    const e = leaf.position.end.offset;
    if (out.length > 0 && s < out[out.length - 1]![1]) continue;
    let p = s - 1;
    while (p >= start && isSpace(input.charCodeAt(p)) && input[p] !== '\n') p--;
    if (p >= start && !inSet(CLAUSE_START, input.charCodeAt(p))) continue;
    let q = e;
    while (q < end && q - e < 4 && !inSet(AFTER_DATE, input.charCodeAt(q)) && !inSet(CLAUSE_END, input.charCodeAt(q)))
      q++;
    if (q >= end || !inSet(AFTER_DATE, input.charCodeAt(q))) continue;
    let z = q;
    while (z < end && !inSet(CLAUSE_END, input.charCodeAt(z))) z++;
    out.push([s, Math.min(end, z + 1)]);
  }
  return out;
}
