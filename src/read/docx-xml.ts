/**
 * A strict reader of the plain XML Word writes, into the element tree mammoth builds with
 * xmldom (names by namespace: `w:p` whatever prefix the file binds to WordprocessingML).
 * It takes only what is plainly well-formed: a declaration, elements, attributes in quotes,
 * text with the five named entities and numeric ones. Comments, CDATA, DOCTYPE, processing
 * instructions, namespaces declared below the root, unbound prefixes, repeated attributes,
 * markup compatibility (`mc:AlternateContent`) or anything doubtful make it give up
 * (`undefined`), and the caller hands the package to mammoth, which decides: so what this
 * reader accepts, xmldom accepts and reads the same way.
 */

/** An element as mammoth's XML reader gives it; text children are `{type: 'text', value}`. */
export interface XmlElement {
  type: 'element';
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | { type: 'text'; value: string };

/** mammoth's names for the namespaces it knows (office-xml-reader.js); others become `{uri}local`. */
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'content-types',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
};
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
/** The declaration xmldom reads as a processing instruction of the document. */
const DECLARATION = /^<\?xml(?:\s+[a-z]+\s*=\s*(?:"[^"<&]*"|'[^'<&]*'))*\s*\?>/;

/** Thrown inside the reader when the input is not plainly well-formed; the caller sees `undefined`. */
class Doubt extends Error {}

/** Decodes the entities of text or of an attribute value; anything but the XML ones is a doubt. */
function decode(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&([^;&]*);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) throw new Doubt();
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    const m = /^#(?:(\d{1,7})|x([0-9a-fA-F]{1,6}))$/.exec(body);
    if (!m) throw new Doubt();
    const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2]!, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new Doubt();
    return String.fromCodePoint(code);
  });
}

/**
 * Parses one part's text (after its UTF-8 decoding) into mammoth's element tree, or
 * `undefined` when it holds anything this reader does not take for certain.
 *
 * @example
 *   readXml('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:t>一</w:t></w:p>')?.name // 'w:p'
 */
export function readXml(source: string): XmlElement | undefined {
  try {
    return parseXml(source);
  } catch (error) {
    if (error instanceof Doubt) return undefined;
    throw error;
  }
}

function parseXml(input: string): XmlElement {
  // As xmldom does before parsing (normalizeLineEndings), and mammoth before that (a BOM).
  let source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (/[\r\u0085\u2028]/.test(source))
    source = source.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028]/g, '\n');
  // C0 controls XML forbids: whatever xmldom makes of them, mammoth is to decide.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(source)) throw new Doubt();
  const declaration = DECLARATION.exec(source);
  let at = declaration ? declaration[0].length : 0;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  /** The names of the open elements as written, for their end tags. */
  const written: string[] = [];
  let namespaces: Record<string, string> = { xml: XML_NAMESPACE };
  const nameOf = (qualified: string, element: boolean): string => {
    const colon = qualified.indexOf(':');
    const prefix = colon < 0 ? '' : qualified.slice(0, colon);
    const local = colon < 0 ? qualified : qualified.slice(colon + 1);
    // An attribute without a prefix has no namespace; an element takes the default one.
    if (!prefix && !element) return local;
    const uri = namespaces[prefix];
    if (uri === undefined) {
      if (prefix) throw new Doubt();
      return local;
    }
    const mapped = PREFIXES[uri];
    return mapped ? `${mapped}:${local}` : `{${uri}}${local}`;
  };
  while (at < source.length) {
    const open = source.indexOf('<', at);
    const textEnd = open < 0 ? source.length : open;
    if (textEnd > at) {
      const raw = source.slice(at, textEnd);
      const parent = stack[stack.length - 1];
      if (parent) {
        if (raw.includes(']]>')) throw new Doubt();
        parent.children.push({ type: 'text', value: decode(raw) });
      } else if (raw.trim()) throw new Doubt();
    }
    if (open < 0) break;
    const close = source.indexOf('>', open);
    if (close < 0) throw new Doubt();
    const next = source.charCodeAt(open + 1);
    if (next === 0x2f /* / */) {
      const name = source.slice(open + 2, close).trimEnd();
      if (!stack.pop() || written.pop() !== name) throw new Doubt();
      at = close + 1;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) throw new Doubt();
    const selfClosing = source.charCodeAt(close - 1) === 0x2f;
    const inner = source.slice(open + 1, selfClosing ? close - 1 : close);
    const m = /^([^\s/>]+)/.exec(inner);
    if (!m || !NAME.test(m[1]!)) throw new Doubt();
    const raw = m[1]!;
    const pairs: Array<[string, string]> = [];
    const rest = inner.slice(raw.length);
    const attribute = /\s+([^\s=]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
    let from = 0;
    while (from < rest.length) {
      attribute.lastIndex = from;
      const a = attribute.exec(rest);
      if (!a) {
        if (rest.slice(from).trim()) throw new Doubt();
        break;
      }
      if (!NAME.test(a[1]!) && a[1] !== 'xmlns') throw new Doubt();
      // As xmldom: white space becomes spaces first, then entities are decoded (`&#10;` stays a line break).
      pairs.push([a[1]!, decode((a[2] ?? a[3]!).replace(/[\t\n]/g, ' '))]);
      from = attribute.lastIndex;
    }
    const seen = new Set<string>();
    for (const [key, value] of pairs) {
      if (seen.has(key)) throw new Doubt();
      seen.add(key);
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        // Namespaces are declared on the root alone in what Word writes; elsewhere, mammoth decides.
        if (root) throw new Doubt();
        namespaces = { ...namespaces, [key === 'xmlns' ? '' : key.slice(6)]: value };
      }
    }
    const attributes: Record<string, string> = Object.create(null);
    for (const [key, value] of pairs) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      attributes[nameOf(key, false)] = value;
    }
    const element: XmlElement = { type: 'element', name: nameOf(raw, true), attributes, children: [] };
    if (element.name === 'mc:AlternateContent') throw new Doubt();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Doubt();
    else root = element;
    if (!selfClosing) {
      stack.push(element);
      written.push(raw);
    }
    at = close + 1;
  }
  if (!root || stack.length > 0) throw new Doubt();
  return root;
}

/** The first child element named `name`, as mammoth's `first`. */
export function first(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) if (child.type === 'element' && child.name === name) return child;
  return undefined;
}

/** The child elements named `name`, as mammoth's `getElementsByTagName` (children only). */
export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.type === 'element' && c.name === name);
}
