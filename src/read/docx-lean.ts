import { inflateSync } from 'fflate';
import { children, first, readXml, type XmlElement, type XmlNode } from './docx-xml.js';
import type { MammothElement } from './docx-table.js';
import { entryData, localName, zipEntries, type ZipEntry } from './zip.js';

/**
 * Reading a .docx the way mammoth reads it, for the packages where that can be done
 * without mammoth: about 1 ms instead of 6.5–9.8 ms for a seed-sized report (JSZip,
 * xmldom, mammoth's promises and results; bench/notes.md, the CLI by format). It builds the
 * same document model (paragraphs with their style names and Word numbering, runs, text,
 * tabs, breaks, tables with merged cells) from the parts mammoth reads, by mammoth's rules
 * (body-reader.js, styles-reader.js, numbering-xml.js, docx-reader.js). Whatever it does not
 * know for certain — an element outside that set (hyperlinks, fields, content controls,
 * drawings, tracked changes…), comments, a numbering style link, XML it does not take as
 * plainly well-formed, a zip entry it cannot inflate — makes it return `undefined`, and
 * mammoth reads the package: the text is the same either way (test/read/docx-lean.test.ts
 * compares the two on every .docx the tests make and on the fixtures).
 */
export function leanDocument(bytes: Uint8Array): MammothElement | undefined {
  try {
    return readPackage(bytes);
  } catch {
    // Unsure, or anything else going wrong here (a stack overflow on absurd nesting…): mammoth
    // reads the package, and says what it says about it, as before this reader existed.
    return undefined;
  }
}

/** Something mammoth should decide. */
class Unsure extends Error {}

function sure<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Unsure();
  return value;
}

const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** The package's parts by name; refuses what JSZip would read differently or refuse. */
function openPackage(bytes: Uint8Array): { exists(name: string): boolean; xml(name: string): XmlElement } {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch {
    throw new Unsure();
  }
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    // JSZip reads every entry's local header when it opens the package.
    let data: Uint8Array;
    try {
      data = entryData(bytes, entry);
    } catch {
      throw new Unsure();
    }
    if (data.length !== entry.compressedSize) throw new Unsure();
    // JSZip names an entry by its local header (or its Unicode path field): a central name that differs would
    // make this reader see another package than mammoth does.
    if (entry.unicodePath || localName(bytes, entry) !== entry.name) throw new Unsure();
    // Encrypted entries, other methods, names JSZip may decode otherwise, names given twice.
    if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) throw new Unsure();
    if (!/^[\x20-\x7e]*$/.test(entry.name) || byName.has(entry.name)) throw new Unsure();
    byName.set(entry.name, entry);
  }
  const decoder = new TextDecoder('utf-8');
  return {
    exists: (name) => byName.has(name),
    xml(name) {
      const entry = sure(byName.get(name));
      let data: Uint8Array;
      try {
        data = entryData(bytes, entry);
        // Into a buffer of the declared size (one byte over, to see a lie): fflate otherwise grows its
        // output as it goes, which was half of reading a seed-sized package.
        if (entry.method === 8) data = inflateSync(data, { out: new Uint8Array(entry.size + 1) });
      } catch {
        throw new Unsure();
      }
      if (data.length !== entry.size) throw new Unsure();
      return sure(readXml(decoder.decode(data)));
    },
  };
}

/** `_rels/x.rels` of a part, as mammoth names it. */
function relationshipsOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? `_rels/${path}.rels` : `${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`;
}

/** mammoth's zipfile.joinPath: an absolute path replaces what came before it. */
function joinPath(...paths: string[]): string {
  let relevant: string[] = [];
  for (const path of paths.filter(Boolean)) relevant = path.startsWith('/') ? [path] : [...relevant, path];
  return relevant.join('/');
}

function readPackage(bytes: Uint8Array): MammothElement {
  const zip = openPackage(bytes);
  // Parts mammoth reads or may read, which this reader leaves to it.
  if (zip.exists('mammoth/style-map')) throw new Unsure();
  const targetsOf = (path: string) => {
    const targets = new Map<string, string[]>();
    if (!zip.exists(path)) return targets;
    const root = zip.xml(path);
    for (const child of root.children) {
      if (child.type !== 'element' || child.name !== 'relationships:Relationship') continue;
      const type = child.attributes['Type']!;
      targets.set(type, [...(targets.get(type) ?? []), child.attributes['Target']!]);
    }
    return targets;
  };
  const partPath = (targets: Map<string, string[]>, type: string, base: string, fallback: string) => {
    for (const target of targets.get(type) ?? []) {
      if (typeof target !== 'string') throw new Unsure();
      const path = joinPath(base, target).replace(/^\//, '');
      if (zip.exists(path)) return path;
    }
    return fallback;
  };
  if (zip.exists('[Content_Types].xml')) {
    const types = zip.xml('[Content_Types].xml');
    for (const child of types.children)
      if (
        child.type === 'element' &&
        child.name === 'content-types:Override' &&
        child.attributes['PartName'] === undefined
      )
        throw new Unsure();
  }
  const main = partPath(targetsOf('_rels/.rels'), `${OFFICE_DOCUMENT}officeDocument`, '', 'word/document.xml');
  if (!zip.exists(main)) throw new Unsure();
  const documentTargets = targetsOf(relationshipsOf(main));
  const base = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : '';
  const related = (name: string) => partPath(documentTargets, OFFICE_DOCUMENT + name, base, `word/${name}.xml`);
  // mammoth reads the comments' relationships whether or not there are comments.
  targetsOf(relationshipsOf(related('comments')));
  if (zip.exists(related('comments'))) throw new Unsure();
  const styles = zip.exists(related('styles')) ? readStyles(zip.xml(related('styles'))) : undefined;
  const numbering = zip.exists(related('numbering')) ? readNumbering(zip.xml(related('numbering'))) : undefined;
  const body = (elements: XmlNode[]) => readBody(elements, styles, numbering);
  for (const notes of ['footnote', 'endnote']) {
    const path = related(`${notes}s`);
    targetsOf(relationshipsOf(path));
    if (!zip.exists(path)) continue;
    for (const note of children(zip.xml(path), `w:${notes}`)) {
      const type = note.attributes['w:type'];
      if (type !== 'separator' && type !== 'continuationSeparator') body(note.children);
    }
  }
  const root = zip.xml(main);
  const content = sure(first(root, 'w:body'));
  return { type: 'document', children: body(content.children) };
}

interface Styles {
  paragraph: Record<string, { name: string | null }>;
}

/** styles-reader.js: the paragraph styles by id, the first of each id kept. */
function readStyles(root: XmlElement): Styles {
  const paragraph: Styles['paragraph'] = Object.create(null);
  for (const style of children(root, 'w:style')) {
    if (style.attributes['w:type'] !== 'paragraph') continue;
    // mammoth keys by the attribute as it is, `undefined` included.
    const id = String(style.attributes['w:styleId']);
    if (paragraph[id] === undefined) paragraph[id] = { name: first(style, 'w:name')?.attributes['w:val'] ?? null };
  }
  return { paragraph };
}

interface Level {
  isOrdered: boolean;
  level: string;
  paragraphStyleId: string | undefined;
}

interface Numbering {
  nums: Record<string, { abstractNumId: string | undefined }>;
  abstractNums: Record<string, Record<string, Level>>;
  byStyle: Record<string, Level>;
}

/** numbering-xml.js: levels by abstract numbering, numberings by id, levels by paragraph style. */
function readNumbering(root: XmlElement): Numbering {
  const abstractNums: Numbering['abstractNums'] = Object.create(null);
  for (const element of children(root, 'w:abstractNum')) {
    if (first(element, 'w:numStyleLink')) throw new Unsure();
    const levels: Record<string, Level> = Object.create(null);
    let withoutIndex: Level | undefined;
    for (const lvl of children(element, 'w:lvl')) {
      const index = lvl.attributes['w:ilvl'];
      const level = {
        isOrdered: first(lvl, 'w:numFmt')?.attributes['w:val'] !== 'bullet',
        level: index ?? '0',
        paragraphStyleId: first(lvl, 'w:pStyle')?.attributes['w:val'],
      };
      if (index === undefined) withoutIndex = level;
      else levels[index] = level;
    }
    if (withoutIndex && levels[withoutIndex.level] === undefined) levels[withoutIndex.level] = withoutIndex;
    abstractNums[element.attributes['w:abstractNumId']!] = levels;
  }
  const nums: Numbering['nums'] = Object.create(null);
  for (const element of children(root, 'w:num'))
    nums[element.attributes['w:numId']!] = {
      abstractNumId: sure(first(element, 'w:abstractNumId')).attributes['w:val'],
    };
  // _.indexBy: the last level naming a style wins.
  const byStyle: Numbering['byStyle'] = Object.create(null);
  for (const levels of Object.values(abstractNums))
    for (const level of Object.values(levels))
      if (level.paragraphStyleId != null) byStyle[level.paragraphStyleId] = level;
  return { nums, abstractNums, byStyle };
}

function findLevel(numbering: Numbering | undefined, numId: string, level: string): Level | null | undefined {
  if (!numbering) return null;
  const num = numbering.nums[numId];
  if (!num) return null;
  const levels = numbering.abstractNums[String(num.abstractNumId)];
  return levels ? levels[level] : null;
}

/** body-reader.js's readNumberingProperties. */
function numberingOf(
  numbering: Numbering | undefined,
  styleId: string | null | undefined,
  numPr: XmlElement | undefined,
) {
  const level = first(numPr, 'w:ilvl')?.attributes['w:val'];
  const numId = first(numPr, 'w:numId')?.attributes['w:val'];
  if (level !== undefined && numId !== undefined) return findLevel(numbering, numId, level);
  if (styleId != null) {
    const byStyle = numbering?.byStyle[styleId];
    if (byStyle != null) return byStyle;
  }
  if (numId !== undefined) return findLevel(numbering, numId, '0');
  return null;
}

/** Elements body-reader.js ignores (its `ignoreElements`), contents and all. */
const IGNORED = new Set([
  'office-word:wrap',
  'v:shadow',
  'v:shapetype',
  'w:annotationRef',
  'w:bookmarkEnd',
  'w:sectPr',
  'w:proofErr',
  'w:lastRenderedPageBreak',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:del',
  'w:footnoteRef',
  'w:endnoteRef',
  'w:moveFrom',
  'w:pPr',
  'w:rPr',
  'w:tblPr',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
]);

/** body-reader.js for the elements of plain reports; any other element is mammoth's to read. */
function readBody(elements: XmlNode[], styles: Styles | undefined, numbering: Numbering | undefined): MammothElement[] {
  const read = (nodes: XmlNode[]): MammothElement[] => {
    const out: MammothElement[] = [];
    for (const node of nodes) if (node.type === 'element') for (const el of readElement(node)) out.push(el);
    return out;
  };
  const readElement = (element: XmlElement): MammothElement[] => {
    switch (element.name) {
      case 'w:p': {
        const properties = first(element, 'w:pPr');
        // A deleted paragraph joins the next one: mammoth's to do.
        if (first(first(properties, 'w:rPr'), 'w:del')) throw new Unsure();
        const style = first(properties, 'w:pStyle');
        const styleId = style ? style.attributes['w:val'] : null;
        const styleName = styleId ? (styles?.paragraph[styleId]?.name ?? null) : null;
        const paragraph = {
          type: 'paragraph',
          children: read(element.children),
          styleName: styleName || null,
          numbering: numberingOf(numbering, styleId, first(properties, 'w:numPr')) || null,
        };
        return [paragraph as MammothElement];
      }
      case 'w:r':
        return [{ type: 'run', children: read(element.children) }];
      case 'w:t': {
        const [only, ...more] = element.children;
        if (more.length > 0 || (only && only.type !== 'text')) throw new Unsure();
        return [{ type: 'text', value: only ? only.value : '' }];
      }
      case 'w:tab':
        return [{ type: 'tab' }];
      case 'w:br': {
        const type = element.attributes['w:type'];
        if (type == null || type === 'textWrapping') return [{ type: 'break', breakType: 'line' }];
        if (type === 'page' || type === 'column') return [{ type: 'break', breakType: type }];
        return [];
      }
      case 'w:bookmarkStart':
        return element.attributes['w:name'] === '_GoBack' ? [] : [{ type: 'bookmarkStart' }];
      case 'w:tbl':
        return [{ type: 'table', children: rowSpans(read(element.children)) }];
      case 'w:tr':
        return first(first(element, 'w:trPr'), 'w:del') ? [] : [{ type: 'tableRow', children: read(element.children) }];
      case 'w:tc': {
        const properties = first(element, 'w:tcPr');
        const gridSpan = first(properties, 'w:gridSpan')?.attributes['w:val'];
        const vMerge = first(properties, 'w:vMerge');
        const value = vMerge?.attributes['w:val'];
        const cell: MammothElement & { vMerge?: boolean | null } = {
          type: 'tableCell',
          children: read(element.children),
          colSpan: gridSpan ? parseInt(gridSpan, 10) : 1,
          rowSpan: 1,
          vMerge: vMerge ? value === 'continue' || !value : null,
        };
        return [cell];
      }
      default:
        if (IGNORED.has(element.name)) return [];
        throw new Unsure();
    }
  };
  return read(elements);
}

/** body-reader.js's calculateRowSpans: a `w:vMerge` run of cells becomes one cell with a rowSpan. */
function rowSpans(rows: MammothElement[]): MammothElement[] {
  type Cell = MammothElement & { vMerge?: boolean | null };
  const cellsOf = (row: MammothElement) => (row.children ?? []) as Cell[];
  const plain = rows.every((row) => row.type === 'tableRow' && cellsOf(row).every((c) => c.type === 'tableCell'));
  if (plain) {
    const columns: Record<number, Cell> = {};
    for (const row of rows) {
      let index = 0;
      for (const cell of cellsOf(row)) {
        const above = columns[index];
        if (cell.vMerge && above) above.rowSpan = (above.rowSpan ?? 1) + 1;
        else {
          columns[index] = cell;
          cell.vMerge = false;
        }
        index += cell.colSpan!;
      }
    }
    for (const row of rows) row.children = cellsOf(row).filter((cell) => !cell.vMerge);
  }
  // Cells keep no trace of the merging (mammoth deletes `_vMerge` either way, nested cells too).
  const clear = (el: MammothElement) => {
    if (el.type === 'tableCell') delete (el as Cell).vMerge;
    for (const child of el.children ?? []) clear(child);
  };
  for (const row of rows) clear(row);
  return rows;
}
