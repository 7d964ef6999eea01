import { charSet, inSet, isSpace, skipSpace, squash, trimEnd } from '../text/chars.js';
import type { Line } from '../text/lines.js';
import type { LabelKind } from '../tree/schema.js';
import { readMarker } from './markers.js';
import { placeholderKind } from './placeholders.js';

/** The report title as found: one span per source line it covers. */
export interface TitleBlock {
  spans: Array<[number, number]>;
  /** A stray marker before the title (`1、深圳市…报告`), kept as a label. */
  stray?: [number, number];
  /** Index of the last line the title touches. */
  lastLine: number;
}

/** Words that make a line a report title. */
const TITLE_WORD = /报告|報告|報\(bào\)告|自评|自評|评价|評價|总结|總結|绩效|績效/;
/** Words that end a title glued to the text after it (`部门评价报告根据县财政局要求…`). */
const TITLE_END = /报告|報告|自评表|自評表|评价表|評價表/;
const SENTENCE_MARK = /[。，,；;：:]/;
const MAX_TITLE_LINE = 80;
const MAX_TITLE_PART = 40;
/** How many lines before the title may be labels (附件2-3, a document number, page chrome). */
const MAX_LEADING_LABELS = 8;

const ATTACHMENT = /^附件\s*[0-9０-９一二三四五六七八九十]+(?:\s*[-－—–.．]\s*[0-9０-９]+)*\s*[:：]?$/;
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}\s*[〔[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d{1,5}\s*号$/;
const PAGE_NUMBER = /^(?:[—\-－–]+\s*\d{1,4}\s*[—\-－–]+|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?)$/;
const CHROME =
  /^(?:浏览次数|浏览量|浏览|瀏覽|来源|來源|发布时间|發布時間|发布单位|發布單位|发布日期|发布机构|【\s*字体|字体|打印本页|关闭窗口|分享到)|^[（(]此页为封面[)）]$/;
const BARE_DATE = /^[\d\s.\-/:：]+$/;
const CN_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$/;
const ISSUER = /[（(]\s*制\s*[）)]$/;
const SUBTITLE = /^[（(][^（）()]{1,60}[）)]$/;
const TOC_HEADER = /^(?:目录|目錄|目次)$/;
/** Field names that may be followed by white space instead of a colon. */
const SPACE_KEYS =
  /^(项目名称|项目单位|主管部门|评价类型|评价方式|评价机构|实施单位|项目负责人|联系电话|报告日期|填报日期|部门名称|单位名称|項目名稱|項目單位|主管部門)\s+(\S.*)$/;

/**
 * The characters a label starts with (附件, a page number's dash or 第, page chrome, a date's
 * digits), and those a document number (`…号`) or an issuer (`（制）`) ends with: a line with
 * neither is prose, and is not tried against every pattern (50,000 one-character lines, CPU:
 * parse 77 → 67 ms).
 */
const LABEL_FIRST = charSet('附浏瀏来來发發【字打关分（(—-－–第0123456789./:：');
const LABEL_LAST = charSet('号）)');

/** Classifies a short line near the title, or returns `undefined` for prose. */
export function labelKind(text: string): LabelKind | undefined {
  const first = text.charCodeAt(0);
  if (!inSet(LABEL_FIRST, first) && !isSpace(first) && !inSet(LABEL_LAST, text.charCodeAt(text.length - 1))) {
    return undefined;
  }
  if (ATTACHMENT.test(text)) return 'attachment';
  if (DOC_NUMBER.test(text)) return 'docNumber';
  if (PAGE_NUMBER.test(text)) return 'pageNumber';
  if (CHROME.test(text)) return 'chrome';
  if (CN_DATE.test(text) || (BARE_DATE.test(text) && /\d/.test(text))) return 'date';
  if (ISSUER.test(text)) return 'issuer';
  return undefined;
}

/**
 * Finds the report title: a line naming a report (`…绩效自评报告`), possibly spread
 * over up to three short lines (`岳阳市2018年度部门整体支出` / `绩效评价自评报告`) or
 * glued to the text after it, after any labels such as `附件2-3`.
 */
export function findTitle(input: string, lines: Line[]): TitleBlock | undefined {
  let i = 0;
  let labels = 0;
  for (; i < lines.length && labels <= MAX_LEADING_LABELS; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    if (!labelKind(input.slice(line.from, line.to))) break;
    labels++;
  }
  const first = lines[i];
  if (!first || labels > MAX_LEADING_LABELS) return undefined;

  let from = first.from;
  let stray: [number, number] | undefined;
  const marker = readMarker(input, from, first.to);
  if (marker) {
    // A chunk number before a title (`1、深圳市…报告…`) is not a section.
    const after = skipSpace(input, marker.end, first.to);
    const head = input.slice(after, Math.min(first.to, after + MAX_TITLE_LINE));
    const end = head.search(TITLE_END);
    if (end < 0 || SENTENCE_MARK.test(head.slice(0, end))) return undefined;
    stray = [marker.start, marker.end];
    from = after;
  }
  const text = input.slice(from, first.to);
  if (text.length <= MAX_TITLE_LINE && !SENTENCE_MARK.test(text) && TITLE_WORD.test(text)) {
    const spans: Array<[number, number]> = [[from, first.to]];
    // `…部门整体支出绩效` / `评价自评报告`: the line naming the report comes next.
    const next = TITLE_END.test(text) ? undefined : lines.slice(first.index + 1).find((l) => !l.blank);
    if (next && isTitlePart(input, next) && TITLE_END.test(input.slice(next.from, next.to))) {
      spans.push([next.from, next.to]);
      return { spans, stray, lastLine: next.index };
    }
    return { spans, stray, lastLine: first.index };
  }

  // Over several short lines, the last of which names the report.
  const spans: Array<[number, number]> = [];
  for (let k = i; k < lines.length && spans.length < 3; k++) {
    const line = lines[k]!;
    if (line.blank) continue;
    if (!isTitlePart(input, line)) break;
    const part = input.slice(line.from, line.to);
    spans.push([line.from, line.to]);
    if (TITLE_END.test(part) || TITLE_WORD.test(part)) {
      if (spans.length > 1 || stray) return { spans, stray, lastLine: k };
      break;
    }
  }

  // Glued to the body: `耒阳市第四中学专项资金绩效自评价报告一、基本情况…`.
  const head = text.slice(0, MAX_TITLE_LINE);
  const match = TITLE_END.exec(head);
  if (match && !SENTENCE_MARK.test(head.slice(0, match.index))) {
    const end = trimEnd(input, from, from + match.index + match[0].length);
    return { spans: [[from, end]], stray, lastLine: first.index };
  }
  return undefined;
}

function isTitlePart(input: string, line: Line): boolean {
  const part = input.slice(line.from, line.to);
  // `目录` between two lines of a cover (`邵东市委统战部` / `目录` / `…报告`) heads the table of contents.
  return (
    part.length <= MAX_TITLE_PART &&
    !SENTENCE_MARK.test(part) &&
    !isTocHeader(part) &&
    !readMarker(input, line.from, line.to)
  );
}

/** True for `目录`, `目 录`, `目次`: the line that opens a table of contents. */
function isTocHeader(text: string): boolean {
  // Two characters, perhaps spread out: only short lines can be it.
  return text.length <= 8 && TOC_HEADER.test(squash(text));
}

/**
 * Whether `line` is short and holds `目`, as a `目录` line does: every line is asked, and most
 * are answered without a copy of the line (parse of 50,000 one-character lines, CPU: 73 → 67 ms).
 */
function mayBeTocHeader(input: string, line: Line): boolean {
  if (line.to - line.from > 8) return false;
  for (let i = line.from; i < line.to; i++) if (input.charCodeAt(i) === 0x76ee /* 目 */) return true;
  return false;
}

/** Lines that name an attachment (`附件1.成本效益分析报告`) rather than the report. */
const ATTACHMENT_ENTRY = /^附[件表录]/;

/**
 * Finds a table of contents (`目录` and the entry lines after it). Its entries look
 * like headings but are not sections. It ends at prose, at the title written again
 * (or, after an entry, any line naming the report), where the numbering starts over,
 * or at a placeholder. Where a numbered line is followed by a placeholder (`保密`), or
 * by prose and never written again, it heads that body: it is the report's first
 * section, not an entry, and the table ends before it.
 *
 * @returns the indices of the first and last line of each table of contents
 */
export function findTocs(input: string, lines: Line[], title: string | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const titleKey = title ? squash(title) : undefined;
  let headings: Map<string, number> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank || !mayBeTocHeader(input, line) || !isTocHeader(input.slice(line.from, line.to))) continue;
    const toc = readToc(input, lines, i, titleKey);
    let last = toc.last;
    if (toc.lastNumbered && toc.end === 'placeholder') last = toc.beforeLast;
    if (toc.lastNumbered && toc.end === 'prose') {
      // Built once, and only for a table that ends this way: most texts have none.
      headings ??= headingLines(input, lines);
      const entry = lines[toc.last]!;
      if ((headings.get(entryKey(input.slice(entry.from, entry.to))) ?? -1) <= toc.last) last = toc.beforeLast;
    }
    out.push([i, last]);
    i = last;
  }
  return out;
}

interface TocRead {
  /** The last entry line. */
  last: number;
  /** The entry line before it (or the `目录` line). */
  beforeLast: number;
  /** The last entry is numbered like a heading. */
  lastNumbered: boolean;
  /** What ended the table: something that is not an entry, or the end of the text. */
  end: 'prose' | 'placeholder' | 'other';
}

/** Reads the entries of the table of contents whose `目录` line is `header`. */
function readToc(input: string, lines: Line[], header: number, titleKey: string | undefined): TocRead {
  const read: TocRead = { last: header, beforeLast: header, lastNumbered: false, end: 'other' };
  const seenFirst = new Set<string>();
  for (let k = header + 1; k < lines.length; k++) {
    const entry = lines[k]!;
    if (entry.blank) continue;
    const raw = input.slice(entry.from, entry.to);
    const text = squash(raw);
    if (text.length > 60 || text.includes('。')) {
      read.end = 'prose';
      break;
    }
    if (titleKey && text.length >= 4 && titleKey.startsWith(text)) break;
    const m = readMarker(input, entry.from, entry.to);
    // After its entries, a line naming the report is the body's title.
    if (!m && read.last > header && namesReport(text)) break;
    if (placeholderKind(raw)) {
      read.end = 'placeholder';
      break;
    }
    // A page number between two pages of the table stays in it; one after its last entry does not.
    if (!m && labelKind(raw) === 'pageNumber') continue;
    if (m && m.ordinal === 1) {
      const key = `${m.style}/${m.level}`;
      if (seenFirst.has(key) && m.style !== 'cjk-paren' && m.style !== 'arabic') break;
      seenFirst.add(key);
    }
    read.beforeLast = read.last;
    read.last = k;
    read.lastNumbered = m !== undefined;
  }
  return read;
}

/** The last line each heading-like line's {@link entryKey} is found on. */
function headingLines(input: string, lines: Line[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of lines) {
    if (line.blank || !readMarker(input, line.from, line.to)) continue;
    // A heading's title is short: the rest of a run-in line is its body.
    map.set(entryKey(input.slice(line.from, Math.min(line.to, line.from + 2 * MAX_TITLE_LINE))), line.index);
  }
  return map;
}

/**
 * A heading as a table entry and the body both write it: without white space, up to
 * its first clause mark (a run-in body follows it), without leader dots or a page
 * number (`一、基本情况……3`).
 */
function entryKey(text: string): string {
  return squash(text).replace(ENTRY_END, '').replace(LEADER_AND_PAGE, '');
}
const ENTRY_END = /[。：:，,；;].*$/;
const LEADER_AND_PAGE = /[.．…·•\-—–_]*\d*$/;

/** A line that reads as a report's title (`整体支出绩效自评报告`), not as an entry. */
function namesReport(text: string): boolean {
  return (
    text.length <= MAX_TITLE_LINE && TITLE_END.test(text) && !SENTENCE_MARK.test(text) && !ATTACHMENT_ENTRY.test(text)
  );
}

/** A cover field read from a line: `key` and `value` spans into the input. */
export interface FieldSpan {
  start: number;
  end: number;
  key: string;
  value: string;
}

const FIELD_KEY = /(^|\s)([^\s:：|｜，。,;；《》“”]{1,16})\s*[:：]/g;
const SPREAD_KEY = /^((?:[\u4e00-\u9fff]\s{1,3}){1,7}[\u4e00-\u9fff])\s*[:：]\s*/;

/**
 * Reads cover fields from one line (`报告日期:2019年06月18日`, several per line
 * allowed: `单位名称:塘湖镇政府 填报日期:2021.5.18`), or returns an empty list.
 */
export function readFields(input: string, from: number, to: number): FieldSpan[] {
  // Every field form needs a colon, or white space after its key: most lines have neither.
  let possible = false;
  for (let i = from; i < to && !possible; i++) {
    const c = input.charCodeAt(i);
    possible = c === 0x3a /* : */ || c === 0xff1a /* ： */ || isSpace(c);
  }
  if (!possible) return [];
  const text = input.slice(from, to);
  if (text.includes('|') || text.includes('。')) return [];
  const keys: Array<{ at: number; key: string; valueAt: number }> = [];
  FIELD_KEY.lastIndex = 0;
  for (let m = FIELD_KEY.exec(text); m; m = FIELD_KEY.exec(text)) {
    // A key names something: marks alone (`\\:--`, a Markdown escape) are no key.
    if (!/[\p{L}\p{N}]/u.test(m[2]!)) continue;
    keys.push({ at: m.index + m[1]!.length, key: m[2]!, valueAt: m.index + m[0].length });
  }
  if (keys.length === 0 || keys[0]!.at !== 0) {
    // A key spread out to align a form: `预 算 编 码:   906017`.
    const spread = SPREAD_KEY.exec(text);
    if (spread) {
      const rest = keys.filter((k) => k.at >= spread[0].length);
      keys.length = 0;
      keys.push({ at: 0, key: spread[1]!, valueAt: spread[0].length });
      for (const k of rest) keys.push(k);
    }
  }
  if (keys.length === 0) {
    const spaced = SPACE_KEYS.exec(text);
    if (!spaced) return [];
    return [{ start: from, end: to, key: spaced[1]!, value: spaced[2]!.trim() }];
  }
  if (keys[0]!.at !== 0) return [];
  return keys.map((k, n) => {
    const next = keys[n + 1];
    const end = next ? next.at : text.length;
    const value = text.slice(k.valueAt, end).trim();
    const stop = trimEnd(text, k.at, end);
    return { start: from + k.at, end: from + stop, key: squash(k.key), value };
  });
}

/** True when `text` (one line) repeats the title, in whole or in part. */
export function repeatsTitle(text: string, title: string | undefined): boolean {
  if (!title) return false;
  const a = squash(text).replace(/\s*\d+$/, '');
  const t = squash(title);
  return a.length >= 4 && (t.includes(a) || a.includes(t));
}

/** True for `(2024年度)`, `（林业专项行动经费项目）` right under a title. */
export function isSubtitle(text: string): boolean {
  return SUBTITLE.test(text);
}
