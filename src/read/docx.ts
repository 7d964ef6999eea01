import { readMarker } from '../outline/markers.js';
import { ReadFailure, firstLine, loadReader } from './messages.js';
import { checkZipSize } from './zip.js';

/** GB/T 9704 markers for Word's automatic numbering, by list level. */
const LEVELS: Array<(n: number) => string> = [
  (n) => `${cjk(n)}、`,
  (n) => `（${cjk(n)}）`,
  (n) => `${n}.`,
  (n) => `（${n}）`,
  (n) => String.fromCodePoint(0x2460 + Math.min(n, 20) - 1),
];
const DIGITS = '〇一二三四五六七八九';

function cjk(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

interface Element {
  type: string;
  value?: string;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  children?: Element[];
}

/**
 * Reads a .docx through mammoth's document model, keeping what the outline needs:
 * paragraphs one per line, Word's automatic list numbering written out as markers
 * (`一、`, `（一）`, `1.` by level), headings, and table rows as `cell | cell` lines.
 * When headings carry no marker of their own, they are written as Markdown headings
 * so their level survives; the result says which. A package that unpacks to more than
 * `maxExpandedSize` bytes is refused before mammoth inflates it. Throws `ReadFailure`
 * (`corrupt-docx`, `too-large`).
 */
export async function readDocx(
  bytes: Uint8Array,
  maxExpandedSize: number,
): Promise<{ text: string; format: 'text' | 'markdown' }> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReadFailure('corrupt-docx', { cause: 'not a zip package' });
  try {
    await checkZipSize(bytes, maxExpandedSize);
  } catch (error) {
    throw error instanceof ReadFailure ? error : new ReadFailure('corrupt-docx', { cause: firstLine(error) });
  }
  const paragraphs: Array<{ text: string; heading: number; numbered: boolean; level: number }> = [];
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
      for (const row of el.children ?? []) {
        const cells = (row.children ?? []).map((cell) => text(cell).replace(/\s+/g, ' ').trim());
        if (cells.some(Boolean)) paragraphs.push({ text: cells.join(' | '), heading: 0, numbered: false, level: 0 });
      }
      return;
    }
    for (const child of el.children ?? []) visit(child);
  };
  const { default: mammoth } = await loadReader('.docx', () => import('mammoth'));
  try {
    await mammoth.convertToHtml(
      // Node's mammoth reads `buffer`, its browser build `arrayBuffer`; both hand it to JSZip, which takes bytes.
      { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer },
      {
        transformDocument: (document: Element) => {
          visit(document);
          // The HTML is not used: an empty body makes mammoth's HTML pass (and its reading of images) free.
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    throw new ReadFailure('corrupt-docx', { cause: firstLine(error) });
  }
  // Headings below the title that carry no marker keep their level only as Markdown headings;
  // then numbered paragraphs become headings too, one level per numbering level.
  const headings = paragraphs.filter((p) => p.heading > 1);
  const markdown = headings.some((p) => !readMarker(p.text, 0, p.text.length));
  const lines = paragraphs.map((p) => {
    if (!markdown) return p.text;
    const level = p.heading > 0 ? p.heading : p.numbered ? p.level + 2 : 0;
    return level > 0 ? `${'#'.repeat(Math.min(level, 6))} ${p.text}` : p.text;
  });
  return { text: lines.join(markdown ? '\n\n' : '\n') + '\n', format: markdown ? 'markdown' : 'text' };
}

/** Word's built-in heading styles, in English and Chinese: Title → 1, Heading 1 → 2 … */
function headingLevel(style: string | null | undefined): number {
  if (!style) return 0;
  if (/^(title|标题)$/i.test(style)) return 1;
  const m = /^(?:heading|标题)\s*(\d)$/i.exec(style);
  return m ? Number(m[1]) + 1 : 0;
}
