import { isSpace, skipSpace } from '../text/chars.js';
import type { Line } from '../text/lines.js';
import type { Builder } from '../tree/builder.js';
import type {
  FlowContent,
  ListItemNode as ListItem,
  ListNode as List,
  ParagraphNode as Paragraph,
  Phrasing,
} from '../tree/schema.js';
import { findEnumeration } from './enumerations.js';
import { isSubtitle, labelKind, readFields, repeatsTitle } from './front-matter.js';
import type { MarkerMatch } from './markers.js';
import { pushAll } from '../tree/arrays.js';

/** A piece of one line that is content (not a heading, not the title). */
export interface Fragment {
  start: number;
  end: number;
  line: Line;
  /** The fragment starts with a numbered sentence (a list item, not a heading). */
  item: boolean;
  /** A node built already (a table of contents): it stands as it is, in order. */
  node?: FlowContent;
}

/** Characters that end a paragraph when they end a line. */
const PARAGRAPH_END = new Set([...'。！？；：…!?;:|｜”」』）)】']);
/** Characters no sentence starts with: units, measure words and closing punctuation. */
const CONTINUATION = new Set([...'元万亿%％‰个名人家户次项件，,。、；;：:）)】”']);
/** Lines shorter than this are not wrapped prose: they end their paragraph. */
const MIN_WRAPPED_LINE = 15;
/** A lead-in title (`一是加强理论武装。`) is at most this long. */
const MAX_LEAD = 24;

/**
 * Calls `each` with the span of every paragraph of `fragments`: a line joins the one
 * before when that one was cut mid-sentence. No object per paragraph: a report of
 * one-word lines has one paragraph per line.
 */
function paragraphs(input: string, fragments: Fragment[], each: (start: number, end: number) => void): void {
  let first = 0;
  for (let k = 1; k <= fragments.length; k++) {
    if (k < fragments.length && joins(input, fragments[k - 1]!, fragments[k]!)) continue;
    each(fragments[first]!.start, fragments[k - 1]!.end);
    first = k;
  }
}

/** Whether `next` continues the paragraph of `prev`: the next line, which `prev` ends mid-sentence. */
function joins(input: string, prev: Fragment, next: Fragment): boolean {
  if (next.item || next.line.index !== prev.line.index + 1 || next.start !== next.line.from) return false;
  if (prev.end !== prev.line.to || PARAGRAPH_END.has(input[prev.end - 1]!)) return false;
  // A line that cannot start a sentence continues the one before, however short
  // (`1781.86 万` / `元，…`).
  if (CONTINUATION.has(input[next.start]!)) return true;
  return !next.line.indented && prev.line.to - prev.line.from >= MIN_WRAPPED_LINE;
}

/**
 * Turns the content fragments of one section (or of the report before its first
 * section) into blocks: paragraphs, and lists where items are enumerated. Appends the
 * blocks to `out` (a new list by default) and returns it: no copy of a long list.
 */
export function bodyBlocks(b: Builder, fragments: Fragment[], out: FlowContent[] = []): FlowContent[] {
  const prose: Fragment[] = [];
  const flush = () => {
    // Nothing to place: the list is not emptied (which frees its room) when it is empty already.
    if (prose.length === 0) return;
    proseBlocks(b, prose, out);
    prose.length = 0;
  };
  for (const f of fragments) {
    if (f.node) {
      flush();
      out.push(f.node);
    } else if (b.input.charCodeAt(f.start) === 0x3c /* < */ && COMMENT.test(b.input.slice(f.start, f.end))) {
      flush();
      out.push({ type: 'html', value: b.input.slice(f.start, f.end), position: b.position(f.start, f.end) });
    } else if (isPageNumber(b.input, f)) {
      flush();
      out.push({
        type: 'label',
        kind: 'pageNumber',
        children: b.inline(f.start, f.end),
        position: b.position(f.start, f.end),
      });
    } else prose.push(f);
  }
  flush();
  return out;
}

/** A line of its own that is a page number (`—3—`, `第 3 页 共 8 页`), left between two pages of the body. */
function isPageNumber(input: string, f: Fragment): boolean {
  return (
    f.start === f.line.from &&
    f.end === f.line.to &&
    f.end - f.start <= MAX_PAGE_NUMBER &&
    labelKind(input.slice(f.start, f.end)) === 'pageNumber'
  );
}

/** `第 123 页 ， 共 456 页` is the longest page number. */
const MAX_PAGE_NUMBER = 24;

/** A line that is one HTML comment (a directive such as `<!--jixiao disable no-empty-annex-->`). */
const COMMENT = /^<!--[^]*?-->$/;

/** Appends the paragraphs and lists of `fragments` to `out`; a list continues only a list of these fragments. */
function proseBlocks(b: Builder, fragments: Fragment[], out: FlowContent[]): void {
  const first = out.length;
  // Each block is placed as it is made: a list of the blocks of each paragraph, emptied and
  // filled again, took new room at every paragraph (50,000 one-character lines, CPU: parse 76 → 67 ms).
  const place = (block: Paragraph | List) => {
    const prev = out.length > first ? out[out.length - 1] : undefined;
    if (block.type === 'list' && prev?.type === 'list' && continues(prev, block)) {
      for (const item of block.children) prev.children.push(item);
      prev.inline &&= block.inline;
      prev.position.end = block.position.end;
    } else {
      out.push(block);
    }
  };
  paragraphs(b.input, fragments, (start, end) => paragraphOrList(b, start, end, place));
}

function continues(prev: List, next: List): boolean {
  const last = prev.children[prev.children.length - 1]!;
  return prev.style === next.style && next.children[0]!.marker.ordinal === last.marker.ordinal + 1;
}

/** Places the paragraph, or the paragraph and list, that `[start, end)` holds, in order. */
function paragraphOrList(b: Builder, start: number, end: number, place: (block: Paragraph | List) => void): void {
  const markers = findEnumeration(b.input, start, end);
  if (!markers) {
    place(paragraph(b, start, end));
    return;
  }
  const first = markers[0]!;
  if (first.start > start) place(paragraph(b, start, first.start));
  const items = markers.map((m, i) => listItem(b, m, i + 1 < markers.length ? markers[i + 1]!.start : end));
  const lineStarts = markers.every((m) => m.start === start || isLineStart(b.input, m.start));
  place({
    type: 'list',
    style: first.style,
    inline: !lineStarts,
    children: items,
    position: b.position(first.start, items[items.length - 1]!.position.end.offset),
  });
}

function isLineStart(input: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isSpace(input.charCodeAt(j)) && input[j] !== '\n' && input[j] !== '\r') j--;
  return j < 0 || input[j] === '\n' || input[j] === '\r';
}

function paragraph(b: Builder, start: number, end: number): Paragraph {
  const children = b.prose(start, end);
  const from = children[0]?.position.start.offset ?? start;
  const to = children[children.length - 1]?.position.end.offset ?? end;
  return { type: 'paragraph', children, position: b.position(from, to) };
}

function listItem(b: Builder, m: MarkerMatch, end: number): ListItem {
  const input = b.input;
  let i = skipSpace(input, m.end, end);
  // A lead-in title: a short phrase closed by `。` or `：` right after the marker.
  let leadEnd = -1;
  for (let j = i; j < end && j - i <= MAX_LEAD; j++) {
    const ch = input[j]!;
    if (ch === '。' || ch === '：' || ch === ':') {
      leadEnd = j > i ? j + 1 : -1;
      break;
    }
    if (ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === '\n') break;
  }
  const children: ListItem['children'] = [
    { type: 'marker', value: input.slice(m.start, m.end), position: b.position(m.start, m.end) },
  ];
  let title: string | undefined;
  if (leadEnd > 0) {
    const lead = b.inline(i, leadEnd);
    children.push({ type: 'lead', children: lead, position: b.position(i, leadEnd) });
    title = input.slice(i, leadEnd - 1).trim();
    i = leadEnd;
  }
  pushAll(children, b.prose(i, end) as Phrasing[]);
  const last = children[children.length - 1]!;
  return {
    type: 'listItem',
    marker: { raw: input.slice(m.start, m.end), style: m.style, ordinal: m.ordinal },
    title,
    children,
    position: b.position(m.start, last.position.end.offset),
  };
}

/**
 * The report before its first section: labels (附件2-3, document numbers, page
 * chrome), cover fields, the title written again, and prose such as an opening
 * paragraph. `title` is the title text, to recognise repeats and subtitles.
 */
export function frontBlocks(
  b: Builder,
  fragments: Fragment[],
  title: string | undefined,
  titleLine: number,
  out: FlowContent[] = [],
): FlowContent[] {
  let prose: Fragment[] = [];
  const flush = () => {
    bodyBlocks(b, prose, out);
    prose = [];
  };
  for (const f of fragments) {
    // Ready-made blocks (a table of contents) stand in order: bodyBlocks places them.
    if (f.node) {
      prose.push(f);
      continue;
    }
    const text = b.input.slice(f.start, f.end);
    const kind =
      labelKind(text) ??
      (f.line.index <= titleLine + 2 && isSubtitle(text) ? 'subtitle' : undefined) ??
      (f.line.index > titleLine && repeatsTitle(text, title) ? 'repeat' : undefined);
    if (kind) {
      flush();
      out.push({ type: 'label', kind, children: b.inline(f.start, f.end), position: b.position(f.start, f.end) });
      continue;
    }
    const fields = f.item ? [] : readFields(b.input, f.start, f.end);
    if (fields.length > 0) {
      flush();
      for (const field of fields) {
        out.push({
          type: 'field',
          key: field.key,
          value: field.value,
          children: b.inline(field.start, field.end),
          position: b.position(field.start, field.end),
        });
      }
      continue;
    }
    prose.push(f);
  }
  flush();
  return out;
}
