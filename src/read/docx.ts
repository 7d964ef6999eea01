import { readMarker } from '../outline/markers.js';
import { cjkOrdinal } from '../text/numerals.js';
import { leanDocument } from './docx-lean.js';
import { docxTableGrid, type MammothElement } from './docx-table.js';
import { gridText, type Grid, type TableLayout } from './grid.js';
import { ReadFailure, firstLine, loadReader } from './messages.js';
import { checkZipSize } from './zip.js';

/** GB/T 9704 markers for Word's automatic numbering, by list level. */
const LEVELS: Array<(n: number) => string> = [
  (n) => `${cjkOrdinal(n)}、`,
  (n) => `（${cjkOrdinal(n)}）`,
  (n) => `${n}.`,
  (n) => `（${n}）`,
  (n) => String.fromCodePoint(0x2460 + Math.min(n, 20) - 1),
];
type Element = MammothElement;

/**
 * Reads a .docx through mammoth's document model, keeping what the outline needs:
 * paragraphs one per line, Word's automatic list numbering written out as markers
 * (`一、`, `（一）`, `1.` by level), headings, and tables: written as tab-separated lines (one
 * per row, a slot covered by a merged cell left empty) and described in `tables`, merged cells kept.
 * When headings carry no marker of their own, they are written as Markdown headings
 * so their level survives; the result says which. A package that unpacks to more than
 * `maxExpandedSize` bytes is refused before mammoth inflates it. Throws `ReadFailure`
 * (`corrupt-docx`, `too-large`).
 */
export async function readDocx(
  bytes: Uint8Array,
  maxExpandedSize: number,
): Promise<{ text: string; format: 'text' | 'markdown'; tables: TableLayout[] }> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReadFailure('corrupt-docx', { cause: 'not a zip package' });
  try {
    await checkZipSize(bytes, maxExpandedSize);
  } catch (error) {
    throw error instanceof ReadFailure ? error : new ReadFailure('corrupt-docx', { cause: firstLine(error) });
  }
  const paragraphs: Array<{ text: string; heading: number; numbered: boolean; level: number; grid?: Grid }> = [];
  const counters: number[] = [];
  const text = (el: Element): string =>
    el.type === 'text' ? (el.value ?? '') : el.type === 'tab' ? '\t' : (el.children ?? []).map(text).join('');
  const visit = (el: Element) => {
    if (el.type === 'paragraph') {
      let body = text(el).trim();
      const heading = headingLevel(el.styleName);
      let numbered = false;
      let level = 0;
      if (el.numbering && el.numbering.isOrdered) {
        level = Math.min(Number(el.numbering.level) || 0, LEVELS.length - 1);
        counters[level] = (counters[level] ?? 0) + 1;
        counters.length = level + 1;
        if (!readMarker(body, 0, body.length)) body = LEVELS[level]!(counters[level]!) + body;
        numbered = true;
      }
      if (body) paragraphs.push({ text: body, heading, numbered, level });
      return;
    }
    if (el.type === 'table') {
      const grid = docxTableGrid(el);
      if (grid.rows.some((row) => row.some((cell) => cell.text.trim())))
        paragraphs.push({ text: '', heading: 0, numbered: false, level: 0, grid });
      return;
    }
    for (const child of el.children ?? []) visit(child);
  };
  try {
    visit(leanDocument(bytes) ?? (await mammothDocument(bytes)));
  } catch (error) {
    throw error instanceof ReadFailure ? error : new ReadFailure('corrupt-docx', { cause: firstLine(error) });
  }
  // Headings below the title that carry no marker keep their level only as Markdown headings;
  // then numbered paragraphs become headings too, one level per numbering level.
  const headings = paragraphs.filter((p) => p.heading > 1);
  const markdown = headings.some((p) => !readMarker(p.text, 0, p.text.length));
  let out = '';
  const tables: TableLayout[] = [];
  for (const p of paragraphs) {
    if (out) out += markdown ? '\n\n' : '\n';
    if (p.grid) {
      const { text: lines, table } = gridText(p.grid, out.length, 'docx');
      tables.push(table);
      out += lines.slice(0, -1);
      continue;
    }
    const level = markdown ? (p.heading > 0 ? p.heading : p.numbered ? p.level + 2 : 0) : 0;
    out += level > 0 ? `${'#'.repeat(Math.min(level, 6))} ${p.text}` : p.text;
  }
  return { text: out + '\n', format: markdown ? 'markdown' : 'text', tables };
}

/**
 * mammoth's document model of the package, for what {@link leanDocument} leaves to it.
 * Loaded when first needed: 315 KB (dist/mammoth.js).
 */
async function mammothDocument(bytes: Uint8Array): Promise<Element> {
  const { default: mammoth } = await loadReader('.docx', () => import('mammoth'));
  let document: Element | undefined;
  await mammoth.convertToHtml(
    // Node's mammoth reads `buffer`, its browser build `arrayBuffer`; both hand it to JSZip, which takes bytes.
    { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer },
    {
      transformDocument: (read: Element) => {
        document = read;
        // The HTML is not used: an empty body makes mammoth's HTML pass (and its reading of images) free.
        return { ...read, children: [] };
      },
    },
  );
  return document!;
}

/** Word's built-in heading styles, in English and Chinese: Title → 1, Heading 1 → 2 … */
function headingLevel(style: string | null | undefined): number {
  if (!style) return 0;
  if (/^(title|标题)$/i.test(style)) return 1;
  const m = /^(?:heading|标题)\s*(\d)$/i.exec(style);
  return m ? Number(m[1]) + 1 : 0;
}
