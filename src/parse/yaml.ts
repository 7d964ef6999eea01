import type { FiscalYear } from '../tree/schema.js';

/** YAML front matter: `[start, end)` from the opening `---` to the end of the closing one. */
export interface YamlSpan {
  start: number;
  end: number;
  /** The YAML between the fences. */
  value: string;
}

const FENCE = /^---[ \t]*$/;

/**
 * Reads YAML front matter at `from` (the start of the document, after any byte order mark):
 * a `---` line, then lines up to the next `---` line, as micromark-extension-frontmatter
 * reads it. Read from the source rather than the mdast, so Markdown parsed without
 * remark-frontmatter (where it is a thematic break and a setext heading) gives the same report.
 *
 * @example
 *   readYaml('---\nfiscalYear: 2020\n---\n# 标题\n', 0) // {start: 0, end: 24, value: 'fiscalYear: 2020'}
 */
export function readYaml(source: string, from: number): YamlSpan | undefined {
  const first = lineEnd(source, from);
  if (!FENCE.test(source.slice(from, first))) return undefined;
  const contentStart = next(source, first);
  for (let start = contentStart; start < source.length;) {
    const end = lineEnd(source, start);
    if (FENCE.test(source.slice(start, end))) {
      // The value ends before the line break ahead of the closing fence.
      let valueEnd = start;
      if (valueEnd > contentStart) valueEnd--;
      if (valueEnd > contentStart && source[valueEnd] === '\n' && source[valueEnd - 1] === '\r') valueEnd--;
      return { start: from, end, value: source.slice(contentStart, valueEnd) };
    }
    start = next(source, end);
  }
  return undefined;
}

/** The fiscal year a front matter states (`fiscalYear: 2020`). */
export function yamlYear(yaml: YamlSpan | undefined): FiscalYear | undefined {
  const m = yaml && /^fiscalYear:\s*((?:19|20)\d\d)\s*$/m.exec(yaml.value);
  return m ? { year: Number(m[1]), source: 'frontmatter', evidence: m[0] } : undefined;
}

function lineEnd(source: string, from: number): number {
  let i = from;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}

function next(source: string, end: number): number {
  if (end >= source.length) return source.length + 1;
  return source[end] === '\r' && source[end + 1] === '\n' ? end + 2 : end + 1;
}
